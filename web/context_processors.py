from django.conf import settings


def site(request):
    return {"site_name": settings.ANCRAGE_SITE_NAME}
