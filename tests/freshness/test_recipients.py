"""Who gets the update requests and where « Modifier » leads, once places belong to structures with members."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Membership, Structure, User
from freshness.domain import campaigns, dashboard, requests
from freshness.domain.campaigns import Criteria
from freshness.models import UpdateRequest
from freshness.tasks import send_update_requests
from tests.factories import PlaceFactory
from tests.freshness.conftest import at, confirm_path, deliver, frozen

pytestmark = pytest.mark.django_db
CONTACT = "contact@mediatheque.example"


@pytest.fixture
def team():
    """A structure with a member, an admin (created after) and a deactivated admin; its place has a contact."""
    structure = Structure.objects.create(name="Association Lien Numérique", validated=True)

    def person(email, role=Membership.Role.MEMBER, **extra):
        user = User.objects.create_user(email, "mot-de-passe-2026", **extra)
        Membership.objects.create(user=user, structure=structure, role=role)
        return user

    out = {
        "member": person("alix@lien.example"),
        "admin": person("zoe@lien.example", Membership.Role.ADMIN),
        "gone": person("ancien@lien.example", Membership.Role.ADMIN, is_active=False),
    }
    out["structure"] = structure
    out["place"] = PlaceFactory(
        nom="Médiathèque Jules Verne", structure=structure, courriels=[CONTACT], date_maj=at(2026, 1, 1).date()
    )
    return out


def run_job():
    send_update_requests.enqueue()
    return deliver()


def test_the_structures_active_members_get_the_request_admins_first(team):
    assert requests.recipients(team["place"]) == ["zoe@lien.example", "alix@lien.example"]
    with frozen(2026, 7, 1, 9, 30):
        [message] = run_job()
    assert message.to == ["zoe@lien.example", "alix@lien.example"]  # not the public contact, not the old admin
    assert UpdateRequest.objects.get().recipients_count == 2
    body = " ".join(message.body.split())
    assert "vous faites partie de « Association Lien Numérique »" in body
    assert "contact public" not in body


def test_the_public_contact_when_the_structure_has_no_active_member(team):
    Membership.objects.filter(user__in=[team["member"], team["admin"]]).delete()
    assert requests.recipients(team["place"]) == [CONTACT]
    assert requests.recipients(PlaceFactory(structure=None, courriels=["a@x.example", "A@x.example"])) == [
        "a@x.example"
    ]
    with frozen(2026, 7, 1, 9, 30):
        [message] = run_job()
    assert message.to == [CONTACT] and "contact public du lieu" in message.body


def test_reminders_and_campaigns_write_to_the_members_too(team, settings):
    settings.ANCRAGE_FRESHNESS_REMIND_DAYS = 14
    with frozen(2026, 7, 1, 9, 30):
        run_job()
    with frozen(2026, 7, 15, 9, 30):
        reminder = run_job()[-1]
    assert reminder.subject.startswith("Rappel") and reminder.to == ["zoe@lien.example", "alix@lien.example"]
    assert campaigns.preview(Criteria(communes=[team["place"].code_insee])) == {
        "places": 1, "reachable": 1, "unreachable": 0
    }  # fmt: skip
    team["member"].is_active = team["admin"].is_active = False
    team["member"].save()
    team["admin"].save()
    with frozen(2026, 7, 20, 9, 30):
        campaigns.launch("Été", Criteria(communes=[team["place"].code_insee]), "Massy")
        message = deliver()[-1]
    assert message.to == [CONTACT]  # nobody left in the structure: its public contact


def test_no_personal_address_is_logged(team, caplog, settings):
    settings.ANCRAGE_FRESHNESS_REMIND_DAYS = 14
    with caplog.at_level("DEBUG"):
        with frozen(2026, 7, 1, 9, 30):
            run_job()
        with frozen(2026, 7, 15, 9, 30):
            run_job()
    assert caplog.records
    assert "@lien.example" not in caplog.text


def test_modifier_leads_members_to_their_edit_page_after_logging_in(team, client):
    place = team["place"]
    edit = reverse("contributions:edit-place", args=[place.pk])
    assert requests.edit_url(place) == edit
    with frozen(2026, 7, 1, 9, 30):
        [message] = run_job()
        assert f"/espace/lieux/{place.pk}/modifier/" in message.body
        assert "/signaler/" not in message.body
        page = client.get(confirm_path(message))
    assert f'href="{edit}"' in page.text and "Modifier la fiche dans votre espace" in page.text
    # An anonymous visitor logs in first, then comes back to the edit page.
    response = client.get(edit)
    assert response.status_code == 302 and response["Location"] == f"/connexion/?next={edit}"
    login = client.post("/connexion/", {"login": "alix@lien.example", "password": "mot-de-passe-2026", "next": edit})
    assert login.status_code == 302 and login["Location"] == edit
    assert client.get(edit).status_code == 200


def test_without_members_modifier_is_the_public_report_form(team):
    place = team["place"]
    Membership.objects.filter(structure=team["structure"]).delete()
    assert requests.edit_url(place) == reverse("directory:report", args=[place.pk])
    alone = PlaceFactory(structure=None)
    assert requests.edit_url(alone) == reverse("directory:report", args=[alone.pk])


def test_the_dashboard_and_a_campaigns_count_read_members_in_one_query(team):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            figures = dashboard.figures(at(2026, 7, 10).date())
            preview = campaigns.preview(Criteria(communes=["91377"]))
        assert figures["unreachable"] == preview["unreachable"] == 0
        return len(captured)

    before = queries()
    for n in range(5):
        PlaceFactory(structure=team["structure"], courriels=[], date_maj=at(2025, 1, n + 1).date())
    assert queries() == before  # not one query per place
    Membership.objects.filter(structure=team["structure"]).delete()
    assert dashboard.figures(at(2026, 7, 10).date())["unreachable"] == 5  # the first place has its contact
