from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from core.worker import worker_alive


@never_cache
def health(request):
    """For the load balancer and monitoring: the database answers, and a worker polled lately."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = True
        worker = worker_alive()
    except DatabaseError:
        database, worker = False, False
    status = 200 if database else 503
    return JsonResponse({"base_de_donnees": database, "processus_de_taches": worker}, status=status)
