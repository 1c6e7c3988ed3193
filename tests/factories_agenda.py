"""Factories for the agenda: an organiser structure, events (a workshop at Palaiseau's médiathèque by default)."""

import datetime

import factory

from accounts.models import Structure
from agenda.models import Event, Programme
from tests.factories import PlaceFactory

PALAISEAU = (48.7145, 2.2457)


class StructureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Structure

    name = factory.Sequence(lambda n: f"Association Numérique {n}")
    validated = True


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    title = "Semaines des Usages Numériques 2026"
    slug = factory.Sequence(lambda n: f"sun-2026-{n}")
    starts_on = datetime.date(2026, 10, 10)
    ends_on = datetime.date(2026, 10, 24)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Atelier tablette {n}")
    description = "Découvrir sa tablette pas à pas."
    structure = factory.SubFactory(StructureFactory)
    theme = "outils"
    mode = Event.Mode.PLACE
    place = factory.SubFactory(
        PlaceFactory, nom="Médiathèque de Palaiseau", commune="Palaiseau", code_postal="91120", code_insee="91477",
        latitude=PALAISEAU[0], longitude=PALAISEAU[1],
    )  # fmt: skip
    commune = factory.LazyAttribute(lambda e: e.place.commune if e.place else "")
    code_insee = factory.LazyAttribute(lambda e: e.place.code_insee if e.place else "")
    latitude = factory.LazyAttribute(lambda e: e.place.latitude if e.place else None)
    longitude = factory.LazyAttribute(lambda e: e.place.longitude if e.place else None)
    capacity = 10
    start_date = datetime.date(2027, 3, 2)
    start_time = datetime.time(14, 0)
    end_time = datetime.time(16, 0)
    status = Event.Status.PUBLISHED
