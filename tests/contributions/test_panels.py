"""The « À faire » panels of `/espace/`: the places due for a freshness check, with « Mes informations sont à
jour » (the button's view is freshness's: tests/freshness/test_views.py)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from contributions import panels
from directory.models import Place
from tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db
TODAY = datetime(2026, 7, 10, 10, tzinfo=ZoneInfo("Europe/Paris"))


@pytest.fixture
def dated(people):
    """Due on 1 July 2026 (checked 1 January), overdue (checked in 2025), not yet due, unpublished."""
    structure = people["place"].structure
    Place.objects.filter(pk=people["place"].pk).update(date_maj=date(2026, 1, 1))
    return {
        "due": Place.objects.get(pk=people["place"].pk),
        "late": PlaceFactory(structure=structure, nom="Point numérique de la gare", date_maj=date(2025, 1, 1)),
        "fresh": PlaceFactory(structure=structure, nom="Espace Jeunes", date_maj=date(2026, 6, 1)),
        "hidden": PlaceFactory(structure=structure, nom="Annexe fermée", est_publie=False, date_maj=date(2020, 1, 1)),
    }


def test_the_members_due_places_with_their_due_date_and_a_button(people, dated):
    with time_machine.travel(TODAY, tick=False):
        entries = panels.due_for_confirmation(people["member"], list(Place.objects.filter(structure__isnull=False)))
    assert [e.text for e in entries] == [
        "Point numérique de la gare : informations à vérifier depuis le 1er juillet 2025 (en retard).",
        "Médiathèque de Massy : informations à vérifier depuis le 1er juillet 2026.",
    ]
    assert entries[1].action == reverse("freshness:confirm-in-space", args=[dated["due"].pk])
    assert entries[1].button == "Mes informations sont à jour" and entries[1].button_detail == "Médiathèque de Massy"


def test_the_space_shows_the_panel_to_the_member_only(people, dated):
    client = Client()
    client.force_login(people["member"])
    with time_machine.travel(TODAY, tick=False):
        html = client.get("/espace/").text
    assert "Informations à confirmer" in html
    assert html.count("Mes informations sont à jour") == 2
    assert f'action="{reverse("freshness:confirm-in-space", args=[dated["late"].pk])}"' in html
    assert "Espace Jeunes : informations" not in html and "Annexe fermée : informations" not in html
    client.force_login(people["other_member"])  # another structure's: its own place is not due
    with time_machine.travel(TODAY, tick=False):
        assert "Informations à confirmer" not in client.get("/espace/").text
