"""The dashboard's figures on a small known data set, and the coordinators' weekly digest."""

from datetime import timedelta

import pytest
from dateutil.relativedelta import relativedelta
from django.contrib.auth import get_user_model
from django.core import mail as django_mail
from django.urls import reverse
from django.utils import timezone

from core import worker
from datahub.models import SourceRecord
from freshness.domain import dashboard
from freshness.models import UpdateRequest
from freshness.tasks import send_weekly_digest
from tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def known(settings):
    settings.ANCRAGE_FRESHNESS_CADENCE_MONTHS = 6
    settings.ANCRAGE_FRESHNESS_OVERDUE_DAYS = 30
    today = timezone.localdate()
    six = relativedelta(months=6)
    a = PlaceFactory(nom="A", typologie=["BIB"], date_maj=today - relativedelta(months=1))  # à jour
    PlaceFactory(nom="B", typologie=["BIB", "CCAS"], date_maj=today - six - timedelta(days=10),
                 courriels=["b@example.fr"])  # à vérifier  # fmt: skip
    c = PlaceFactory(nom="C", typologie=["MUNI"], commune="Palaiseau", code_insee="91477",
                     date_maj=today - relativedelta(years=2), courriels=[])  # en retard, sans courriel  # fmt: skip
    PlaceFactory(nom="D", commune="Palaiseau", code_insee="91477", date_maj=None,
                 courriels=["d@example.fr"])  # date inconnue : à vérifier dès son entrée  # fmt: skip
    PlaceFactory(nom="Non publié", est_publie=False, date_maj=None)
    for place, source in [(a, "dora"), (c, "dora"), (c, "coordination")]:
        SourceRecord.objects.create(source=source, kind="lieu", source_id=place.nom, place=place, feed=source,
                                    fingerprint="x")  # fmt: skip


def rows(table) -> dict:
    return {row.label: [row.total, *row.cells()] for row in table}


def test_the_figures(known):
    numbers = dashboard.figures()
    overall = numbers["overall"]
    assert [overall.total, *overall.cells()] == [4, (1, 25), (2, 50), (1, 25)]
    assert numbers["unreachable"] == 1
    tables = {slug: rows(table) for slug, _, _, table in numbers["tables"]}
    assert tables["commune"] == {
        "Massy (91377)": [2, (1, 50), (1, 50), (0, 0)],
        "Palaiseau (91477)": [2, (0, 0), (1, 50), (1, 50)],
    }
    assert tables["type"] == {
        "Bibliothèque / Médiathèque": [2, (1, 50), (1, 50), (0, 0)],
        "Centres communaux d’action sociale (CCAS)": [1, (0, 0), (1, 100), (0, 0)],
        "Municipalités": [1, (0, 0), (0, 0), (1, 100)],
        "Type non précisé": [1, (0, 0), (1, 100), (0, 0)],
    }
    assert tables["source"] == {
        "DORA via data·inclusion (dora)": [2, (1, 50), (0, 0), (1, 50)],
        "Aucune source importée (saisi à la main)": [2, (0, 0), (2, 100), (0, 0)],
    }


def test_the_page_shows_them_in_tables(known, admin_client):
    html = admin_client.get(reverse("freshness:dashboard")).content.decode()
    for caption in ["Ensemble du territoire", "Par commune", "Par type de lieu", "Par source des données"]:
        assert f"<caption>{caption}</caption>" in html
    assert '<th scope="row">Massy (91377)</th><td>2</td><td>1 (50&nbsp;%)</td>' in html


def test_the_weekly_digest_goes_to_each_coordinator(known):
    User = get_user_model()
    User.objects.create_user("coord@territoire.example", "x", role=User.Role.COORDINATOR, is_staff=True)
    User.objects.create_user("mod@territoire.example", "x", role=User.Role.MODERATOR)  # not the coordination's
    User.objects.create_user("public@example.fr", "x")
    now = timezone.now()
    times = {"sent_at": now, "reminded_at": now, "escalated_at": now}
    UpdateRequest.objects.create(place=PlaceFactory(), due_on=now.date(), **times)
    send_weekly_digest.enqueue()
    worker.run_pending()
    [message] = django_mail.outbox
    assert message.to == ["coord@territoire.example"]
    assert message.subject == "Fraîcheur de l’annuaire : 1 relance sans réponse"
    assert "1 lieu n’a répondu ni à la demande ni à la relance, dont 1 cette semaine" in message.body
    assert "1 lieu à vérifier n’a pas de courriel" in message.body
    assert "/admin/freshness/updaterequest/?etat=sans-reponse" in message.body


def test_no_digest_when_there_is_nothing_to_do(db):
    coordinator = get_user_model().objects.create_superuser("coord@territoire.example", "x")
    assert coordinator.is_superuser
    PlaceFactory()
    send_weekly_digest.enqueue()
    worker.run_pending()
    assert django_mail.outbox == []
