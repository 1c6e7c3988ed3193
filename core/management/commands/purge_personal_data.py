from django.core.management.base import BaseCommand

from core import retention


class Command(BaseCommand):
    help = "Efface les données personnelles dont la durée de conservation est passée (essai : --dry-run)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Compter seulement, sans rien effacer.")

    def handle(self, *args, dry_run=False, **options):
        for name, count in retention.apply(dry_run=dry_run).items():
            verb = "à effacer" if dry_run else "effacé(s)"
            self.stdout.write(f"{name} : {count} {verb}")
