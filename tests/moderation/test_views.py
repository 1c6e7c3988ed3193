"""The queue page: who sees it, what it lists, and that it stays a few queries with many items."""

import pytest
from django.contrib.auth.models import AnonymousUser  # noqa: F401 — the matrix names the anonymous visitor
from django.urls import reverse

from accounts.models import Membership, Structure, User
from datahub.models import MergeCandidate
from directory.models import ErrorReport
from tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db
QUEUE = "/moderation/"


@pytest.fixture
def people():
    structure = Structure.objects.create(name="Association Lien", validated=True)
    member = User.objects.create_user("membre@exemple.fr")
    Membership.objects.create(user=member, structure=structure, role=Membership.Role.ADMIN)
    return {
        "outsider": User.objects.create_user("personne@exemple.fr"),
        "member": member,
        "moderator": User.objects.create_user("mod@exemple.fr", role=User.Role.MODERATOR),
        "coordinator": User.objects.create_user("coord@exemple.fr", role=User.Role.COORDINATOR, is_staff=True),
    }


def test_anonymous_visitors_are_sent_to_log_in(client, settings):
    response = client.get(QUEUE)
    assert response.status_code == 302 and response["Location"].startswith(settings.LOGIN_URL)


@pytest.mark.parametrize(("role", "status"), [("outsider", 403), ("member", 403), ("moderator", 200),
                                              ("coordinator", 200)])  # fmt: skip
def test_only_moderation_opens_the_queue(client, people, role, status):
    client.force_login(people[role])
    response = client.get(QUEUE)
    assert response.status_code == status
    if status == 403:
        assert "Cette page vous est fermée" in response.content.decode()  # in French, in the site's page


def test_reports_and_merges_wait_in_the_queue_oldest_first(client, people):
    place, other = PlaceFactory(nom="Médiathèque de Massy"), PlaceFactory(nom="Médiathèque Massy")
    old = ErrorReport.objects.create(place=place, kind="horaires", message="Fermé le lundi.")
    ErrorReport.objects.create(place=place, kind="contact", message="Le numéro a changé.")
    ErrorReport.objects.create(place=place, kind="ferme", message="Déjà traité.", status="traite")
    MergeCandidate.objects.create(place=place, other=other, other_name=other.nom, score=0.8, reasons="même adresse")
    client.force_login(people["coordinator"])
    html = client.get(QUEUE).content.decode()
    assert "3 éléments attendent une décision" in html
    assert html.index("Les horaires sont faux") < html.index("Le téléphone, le courriel")
    assert reverse("directory:report-review", args=[old.pk]) in html
    assert "Doublon possible : « Médiathèque de Massy » et « Médiathèque Massy »" in html
    assert "Déjà traité" not in html
    client.force_login(people["moderator"])  # merges are the coordination's decision
    html = client.get(QUEUE).content.decode()
    assert "2 éléments attendent" in html and "Doublon possible :" not in html


def test_the_queue_reads_one_page_whatever_the_number_of_items(client, people):
    """As many queries for 300 waiting items as for 3: each kind costs a count and a page, never a row each."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from moderation import registry

    place = PlaceFactory()
    client.force_login(people["moderator"])

    def queries_for(count: int) -> int:
        ErrorReport.objects.bulk_create(
            [ErrorReport(place=place, kind="autre", message=f"Message {i}") for i in range(count)]
        )
        with CaptureQueriesContext(connection) as captured:
            client.get(QUEUE)
        return len(captured)

    few = queries_for(3)
    assert queries_for(297) == few <= 6 + 2 * len(registry.providers())
    html = client.get(QUEUE).content.decode()
    assert "300 éléments attendent" in html and html.count("Message ") == 10
    page = client.get(QUEUE, {"type": "signalements", "page": 2}).content.decode()
    assert "Page 2 sur 6" in page and "Message 50" in page


def test_the_back_office_leads_to_the_queue(admin_client):
    assert 'href="/moderation/">Modération</a>' in admin_client.get("/admin/").content.decode()
