"""Demo events: a weekly smartphone workshop and an open day in each of five communes, and an aidants' training;
the open days form the « Semaines des Usages Numériques » of the coming October (a programme). Idempotent (run by
`make setup` after `load_demo`).

Each event has the theme it is about (the smartphone workshop: « Apprendre à me servir… d’un téléphone »; the open
days: « Comprendre le numérique »; the training: « démarches »). A commune with no published place in the demo
directory (Orsay: none of the four demo files lists a place there) gets its events at an address in the commune
(« Hôtel de ville »), so that every commune has its two events. The training, in the coming weeks, belongs to no
programme."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from accounts.models import Structure
from agenda.domain import events
from agenda.models import Event, Programme
from directory.models import Place
from territory.models import Commune

DEMO_STRUCTURE = "Réseau des aidants numériques (démonstration)"


class Command(BaseCommand):
    help = "Charge quelques événements de démonstration (ateliers, permanence, Semaines des Usages Numériques)."

    def handle(self, *args, **options):
        if Event.objects.filter(structure__name=DEMO_STRUCTURE).exists():
            self.stdout.write("Agenda de démonstration : déjà chargé.")
            return
        structure, _ = Structure.objects.get_or_create(name=DEMO_STRUCTURE, defaults={"validated": True})
        places = {}
        for commune in ("Palaiseau", "Massy", "Orsay", "Les Ulis", "Gif-sur-Yvette"):
            places[commune] = Place.objects.published().filter(commune=commune).order_by("pk").first()
        today = timezone.localdate()
        year = today.year if today < datetime.date(today.year, 10, 10) else today.year + 1
        programme, _ = Programme.objects.get_or_create(
            slug=f"sun-{year}",
            defaults={
                "title": f"Semaines des Usages Numériques {year}",
                "starts_on": datetime.date(year, 10, 10),
                "ends_on": datetime.date(year, 10, 24),
                "description": "Deux semaines d’ateliers, de rencontres et de portes ouvertes dans les "
                "communes du territoire, pour découvrir le numérique et ses usages.",
            },
        )
        monday = today + datetime.timedelta(days=7 - today.weekday())
        made = 0
        for n, (commune, place) in enumerate(places.items()):
            where = {"mode": "lieu", "place": place}
            if place is None:
                found = Commune.objects.filter(nom=commune).first()
                if found is None:
                    continue
                where = {"mode": "adresse", "address": "Hôtel de ville", "code_insee": found.code_insee}
            base = {
                "structure": structure,
                **where,
                "registration": "ancrage",
                "capacity": 8,
                "start_time": datetime.time(14),
                "end_time": datetime.time(16),
            }
            events.create(
                None,
                {
                    **base,
                    "kind": "atelier",
                    "theme": "outils",
                    "title": f"Atelier “Mon smartphone au quotidien” – {commune}",
                    "description": "Apprendre à se servir de son téléphone : appels, photos, messages.",
                    "start_date": monday + datetime.timedelta(days=n % 5),
                    "repeat": "hebdo",
                    "weekdays": [(monday + datetime.timedelta(days=n % 5)).weekday()],
                    "count": 12,
                },
            )
            events.create(
                None,
                {
                    **base,
                    "kind": "portes-ouvertes",
                    "theme": "comprendre",
                    "programme": programme,
                    "audience": "tous",
                    "title": f"Portes ouvertes du numérique – {commune}",
                    "start_date": datetime.date(year, 10, 10 + 2 * n),
                    "registration": "aucune",
                    "capacity": None,
                },
            )
            made += 2
        if places.get("Palaiseau"):
            events.create(
                None,
                {
                    "structure": structure,
                    "kind": "formation",
                    "title": "Formation des aidants : accompagner sans faire à la place",
                    "theme": "demarches",
                    "mode": "lieu",
                    "place": places["Palaiseau"],
                    "capacity": 12,
                    "start_date": monday + datetime.timedelta(days=16),
                    "start_time": datetime.time(9, 30),
                    "end_time": datetime.time(12, 30),
                },
            )
            made += 1
        self.stdout.write(f"Agenda de démonstration : {made} événements, programme « {programme.title} ».")
