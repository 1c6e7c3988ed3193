from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand

from datahub.models import ImportRun

DEMO_DIR = Path(__file__).resolve().parents[2] / "demo"
# (file, format, options), loaded in this order: the older lieux files first, then the current
# France Services list, whose places merge into the same places or wait for review.
DEMO_FILES = [
    ("cnfs-national-2022-idf.json", "lieux", {}),
    ("cnfs-idf-2022.json", "lieux", {}),
    ("data-inclusion-lieux-2023-idf.json", "lieux", {}),
    ("france-services-2024-08-01-idf.csv", "tableur", {"profile": "france-services"}),
]


class Command(BaseCommand):
    help = "Charge les lieux réels d’Île-de-France fournis avec Ancrage (voir datahub/demo/README.md)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Réimporter même si déjà chargés")

    def handle(self, *args, force=False, **options):
        for name, source_format, extra in DEMO_FILES:
            feed = Path(name).stem
            if not force and ImportRun.objects.filter(feed=feed, status=ImportRun.Status.SUCCESS).exists():
                self.stdout.write(f"{name} : déjà chargé (--force pour réimporter).")
                continue
            call_command(
                "import_data", str(DEMO_DIR / name), source_format=source_format, quiet=True, stdout=self.stdout,
                **extra,
            )  # fmt: skip
