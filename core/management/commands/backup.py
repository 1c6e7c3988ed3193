from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from core.backup import BackupError, backup


class Command(BaseCommand):
    help = "Sauvegarde toute la base (SQLite ou PostgreSQL) dans un fichier (var/sauvegardes/ par défaut)."

    def add_arguments(self, parser):
        parser.add_argument("fichier", nargs="?", help="Fichier de sauvegarde à écrire.")

    def handle(self, *args, fichier=None, **options):
        sqlite = settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")
        name = f"ancrage-{timezone.localtime():%Y%m%d-%H%M%S}.{'sqlite3' if sqlite else 'dump'}"
        target = Path(fichier) if fichier else settings.VAR_DIR / "sauvegardes" / name
        try:
            backup(target)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Sauvegarde écrite : {target}")
