"""The demo agenda: every commune has its two events (Orsay, with no place in the demo directory, at an address),
each with its own theme and kind, the training outside the October programme."""

import datetime

import pytest
import time_machine
from django.core.management import call_command

from agenda.models import Event
from tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db


@time_machine.travel(datetime.datetime(2026, 12, 4, 9, tzinfo=datetime.UTC), tick=False)
def test_demo_agenda_has_eleven_events_with_their_themes_and_kinds():
    for commune in ("Palaiseau", "Massy", "Les Ulis", "Gif-sur-Yvette"):
        PlaceFactory(nom=f"Médiathèque de {commune}", commune=commune, latitude=48.7, longitude=2.2)
    call_command("load_demo_agenda")
    events = Event.objects.all()
    assert events.count() == 11
    orsay = events.filter(commune="Orsay")
    assert orsay.count() == 2 and {e.mode for e in orsay} == {"adresse"}
    workshops = events.filter(title__contains="smartphone")
    assert {e.theme for e in workshops} == {"outils"} and {e.kind for e in workshops} == {"atelier"}
    assert "«" not in workshops[0].title
    open_days = events.filter(title__startswith="Portes ouvertes")
    assert {e.kind for e in open_days} == {"portes-ouvertes"} and all(e.programme for e in open_days)
    training = events.get(kind="formation")
    assert training.programme is None and training.start_date.year == 2026
