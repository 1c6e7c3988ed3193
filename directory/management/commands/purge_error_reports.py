"""Delete error reports handled more than ANCRAGE_REPORT_RETENTION_DAYS ago (what « Données personnelles » says)."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from directory.models import ErrorReport


class Command(BaseCommand):
    help = "Supprime les signalements traités depuis plus de ANCRAGE_REPORT_RETENTION_DAYS jours."

    def handle(self, *args, **options):
        limit = timezone.now() - timedelta(days=settings.ANCRAGE_REPORT_RETENTION_DAYS)
        handled = ErrorReport.objects.exclude(status=ErrorReport.Status.NEW)
        old = handled.filter(Q(traite_le__lt=limit) | Q(traite_le__isnull=True, cree_le__lt=limit))
        deleted, _ = old.delete()
        self.stdout.write(f"{deleted} signalement(s) supprimé(s).")
