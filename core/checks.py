"""System checks for what production needs, run by `manage.py check --deploy` (and at every start)."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.db import DatabaseError


@register(Tags.security, deploy=True)
def site_and_mail(app_configs, **kwargs):
    problems = []
    if not settings.ANCRAGE_SITE_URL.startswith("https://"):
        problems.append(
            Error(
                "ANCRAGE_SITE_URL doit être l’adresse publique du site, en https:// (elle sert dans les courriels).",
                id="ancrage.E001",
            )
        )
    if settings.EMAIL_BACKEND.endswith(("console.EmailBackend", "locmem.EmailBackend", "dummy.EmailBackend")):
        problems.append(Error("EMAIL_URL doit indiquer un serveur d’envoi (smtp://…).", id="ancrage.E002"))
    if not settings.DEFAULT_FROM_EMAIL or settings.DEFAULT_FROM_EMAIL.endswith("@localhost"):
        problems.append(Error("DEFAULT_FROM_EMAIL doit être l’adresse d’envoi du territoire.", id="ancrage.E003"))
    return problems


@register(deploy=True)
def worker_running(app_configs, databases=None, **kwargs):
    """Jobs wait until a worker runs them: warn when none was seen lately."""
    if not databases:
        return []
    from core.worker import worker_alive

    try:
        alive = worker_alive()
    except DatabaseError:
        return []  # not migrated yet
    if alive:
        return []
    return [
        Warning(
            "Aucun processus de tâches (« manage.py worker ») n’a été vu récemment : imports, courriels et "
            "tâches planifiées attendent.",
            id="ancrage.W001",
        )
    ]
