from django.conf import settings

from web import rgaa


def site(request):
    return {
        "site_name": settings.ANCRAGE_SITE_NAME,
        "hide_stale_after": settings.ANCRAGE_HIDE_AFTER_DAYS,
        "accessibility_status": rgaa.load_audit().status,
    }
