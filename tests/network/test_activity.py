"""The yearly activity summary: whatever providers register (the agenda at merge), plus the network's own
counts; shown on the structure's network page and as CSV for coordinators, counts only."""

import csv
import io

import pytest
import time_machine

from accounts.models import Structure, User
from network import activity as registry
from network.domain import activity
from tests.factories_network import practice, professional, profile

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_real_provider(monkeypatch):
    """The agenda registers its own provider (tested in tests/agenda/test_activity.py): these tests use fakes."""
    monkeypatch.setattr(registry, "_providers", {})


@pytest.fixture
def fake_agenda():
    seen = []

    def counts(structure, year):
        seen.append((structure.pk, year))
        return {registry.EVENTS_HELD: 12, registry.REGISTRATIONS: 80, registry.ATTENDANCE: 61, "waiting": 5}

    registry.register("agenda-test", counts, labels={"waiting": "Personnes restées en liste d’attente"})
    yield seen
    registry.unregister("agenda-test")


@pytest.fixture
def structure():
    structure = Structure.objects.create(name="Association Lien", siret="13002526500013")
    with time_machine.travel("2025-06-01"):
        practice(structure, title="Ancienne")
    with time_machine.travel("2026-02-01"):
        practice(structure, title="Récente")
    practice(structure, title="En attente", status="a-moderer")
    profile(professional("a@exemple.fr", structure=structure))
    profile(professional("b@exemple.fr", structure=structure), listed=False)
    return structure


@time_machine.travel("2026-03-01")
def test_the_summary_reads_the_registered_providers_and_counts_the_network(fake_agenda, structure):
    summary = activity.summary(structure, 2026)
    assert summary == {"events_held": 12, "registrations": 80, "attendance": 61, "waiting": 5,
                       "practices_published": 2, "practices_published_in_year": 1, "profiles_listed": 1}  # fmt: skip
    assert fake_agenda == [(structure.pk, 2026)]


def test_without_provider_the_events_are_not_counted_yet(structure):
    summary = activity.summary(structure, 2026)
    assert summary["events_held"] is None and summary["practices_published"] == 2


@time_machine.travel("2026-03-01")
def test_the_structure_page_shows_it_and_coordinators_download_it(client, fake_agenda, structure):
    client.force_login(professional("pro@exemple.fr"))
    page = client.get(f"/reseau/structures/{structure.pk}/", {"annee": "2026"}).content.decode()
    assert "Événements tenus</th><td>12" in page and "Personnes restées en liste d’attente" in page
    assert client.get("/reseau/activite.csv").status_code == 403
    client.force_login(User.objects.create_user("coord@exemple.fr", role=User.Role.COORDINATOR))
    response = client.get("/reseau/activite.csv", {"annee": "2026"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["n° de structure", "structure", "SIRET", "Événements tenus"]
    assert rows[1][:7] == [str(structure.pk), "Association Lien", "13002526500013", "12", "80", "61", "5"]
    assert "@" not in response.content.decode()  # counts only, nobody named
