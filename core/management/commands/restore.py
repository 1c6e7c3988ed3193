from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restaure une sauvegarde dans une base neuve : un fichier SQLite qui n’existe pas encore, ou une base "
        "PostgreSQL vide (createdb). Pointez ensuite DATABASE_URL vers elle."
    )

    def add_arguments(self, parser):
        parser.add_argument("fichier", help="La sauvegarde (faite par « manage.py backup »).")
        parser.add_argument("cible", help="sqlite:////chemin/neuf.sqlite3 ou postgres://…/base_vide")

    def handle(self, *args, fichier, cible, **options):
        try:
            restore(Path(fichier), cible)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Sauvegarde restaurée dans {cible}")
