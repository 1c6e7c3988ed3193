"""Demonstration survey responses (labelled as such wherever shown). Idempotent: does nothing when they exist."""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from observatory import demo
from observatory.domain import margins, responses
from observatory.models import Response


class Command(BaseCommand):
    help = "Crée les réponses de démonstration de l’observatoire (une fois ; --reset pour les recréer)."

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="Supprimer et recréer les réponses de démonstration")
        parser.add_argument("--size", type=int, default=demo.SIZE)

    def handle(self, *args, reset=False, size=demo.SIZE, **options):
        existing = Response.objects.filter(demo=True)
        if existing.exists() and not reset:
            self.stdout.write(f"Observatoire : {existing.count()} réponses de démonstration déjà présentes.")
            return
        communes = [(c.code_insee, c.population, bool(c.codes_qpv)) for c in margins.home_communes() if c.population]
        if not communes:
            self.stdout.write("Observatoire : aucune commune du territoire (lancez load_territory).")
            return
        today = timezone.localdate()
        rows = [
            responses.build(
                answers, Response.Channel.ONLINE if i % 3 else Response.Channel.PAPER, demo=True, today=today
            )
            for i, answers in enumerate(demo.generate(communes, today, size))
        ]
        with transaction.atomic():
            existing.delete()
            responses.record_many(rows)
        self.stdout.write(f"Observatoire : {len(rows)} réponses de démonstration créées.")
