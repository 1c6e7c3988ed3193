"""Load the territory's inclusion roadmap 2024-2027 as public commitments (idempotent; run by `make setup`)."""

from django.core.management.base import BaseCommand

from civic.domain import roadmap


class Command(BaseCommand):
    help = "Charge la feuille de route 2024-2027 pour l’inclusion numérique (engagements suivis publiquement)."

    def handle(self, *args, **options):
        counts = roadmap.load()
        self.stdout.write(f"Feuille de route : {counts['créés']} engagements créés, {counts['déjà là']} déjà là.")
