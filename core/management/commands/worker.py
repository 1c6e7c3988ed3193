from django.core.management.base import BaseCommand

from core import worker


class Command(BaseCommand):
    help = "Exécute les tâches de fond (imports, courriels, tâches planifiées) jusqu’à l’arrêt (Ctrl+C)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Exécuter ce qui est dû, puis s’arrêter.")
        parser.add_argument("--interval", type=float, default=1.0, help="Secondes entre deux relevés (1).")
        parser.add_argument("--worker-id", default=None)

    def handle(self, *args, once, interval, worker_id, **options):
        worker.run(worker_id or worker.default_worker_id(), interval=interval, once=once)
