"""A request's public life: states with a public note, followers told, « fait » contested, duplicates merged."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from core.models import AuditEntry
from participation.domain import workflow
from participation.models import Request, Support
from tests.factories_participation import RequestFactory, SupportFactory
from tests.participation.conftest import link, sent_to

pytestmark = pytest.mark.django_db
S = Request.Status
TODAY = datetime.date(2027, 3, 1)


@pytest.fixture(autouse=True)
def _clock():
    with time_machine.travel(datetime.datetime(2027, 3, 1, 10, tzinfo=datetime.UTC), tick=False):
        yield


def test_planning_needs_a_future_date_and_a_public_note():
    row = RequestFactory()
    with pytest.raises(ValidationError, match="date d’intervention"):
        workflow.change_status(row, S.PLANNED, "Passage prévu.")
    with pytest.raises(ValidationError, match="passée"):
        workflow.change_status(row, S.PLANNED, "Passage prévu.", planned_for=TODAY - datetime.timedelta(days=1))
    with pytest.raises(ValidationError, match="note publique"):
        workflow.change_status(row, S.PLANNED, "  ", planned_for=TODAY)
    workflow.change_status(row, S.PLANNED, "Passage prévu.", planned_for=TODAY + datetime.timedelta(days=7))
    row.refresh_from_db()
    assert row.status == S.PLANNED and row.planned_for == datetime.date(2027, 3, 8) and row.planned_at
    assert AuditEntry.objects.filter(verb="état changé", object_id=str(row.pk)).exists()


def test_closing_needs_a_reason_from_the_list_and_a_closed_request_stays_closed():
    row = RequestFactory()
    with pytest.raises(ValidationError, match="motif"):
        workflow.change_status(row, S.CLOSED, "Hors compétence.", close_reason="autre")
    workflow.change_status(row, S.CLOSED, "Relève du département.", close_reason="hors-competence")
    with pytest.raises(ValidationError, match="ne peut pas passer"):
        workflow.change_status(row, S.IN_PROGRESS, "Reprise.")


def test_the_author_and_confirmed_supporters_are_told_never_the_unconfirmed():
    row = RequestFactory(email="auteur@exemple.fr")
    SupportFactory(request=row, email="voisin@exemple.fr")
    SupportFactory(request=row, email="inconnu@exemple.fr", confirmed_at=None)
    workflow.change_status(row, S.PLANNED, "Un technicien passe.", planned_for=datetime.date(2027, 3, 10))
    for address in ("auteur@exemple.fr", "voisin@exemple.fr"):
        (message,) = sent_to(address)
        assert "10 mars 2027" in message.body and "Un technicien passe." in message.body
    assert sent_to("inconnu@exemple.fr") == []


def test_a_follower_contests_done_within_the_delay_and_it_reopens(client):
    row = RequestFactory(email="auteur@exemple.fr")
    workflow.change_status(row, S.DONE, "Réparé.")
    url = link("contester", "auteur@exemple.fr")
    assert "pas réglé" in client.get(url).content.decode()
    assert client.post(url, {"reason": ""}).status_code == 200  # the reason is required
    response = client.post(url, {"reason": "L’écran reste noir."})
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.status == S.RECEIVED and row.closed_at is None
    assert "L’écran reste noir." in client.get(f"/demandes/{row.pk}/").content.decode()
    assert client.post(url, {"reason": "Encore"}).status_code == 400  # single use


def test_done_cannot_be_contested_after_the_delay(client, settings):
    row = RequestFactory()
    workflow.change_status(row, S.DONE, "Réparé.")
    url = link("contester")
    with time_machine.travel(datetime.datetime(2027, 3, 16, 11, tzinfo=datetime.UTC), tick=False):
        assert client.post(url, {"reason": "Toujours en panne."}).status_code == 400
    row.refresh_from_db()
    assert row.status == S.DONE


def test_an_old_contest_link_fails_once_the_request_was_done_again(client):
    row = RequestFactory()
    workflow.change_status(row, S.DONE, "Réparé.")
    first = link("contester")
    workflow.change_status(row, S.RECEIVED, "Rouverte par le service.")
    workflow.change_status(row, S.DONE, "Réparé pour de bon.")
    assert client.get(first).status_code == 400


def test_merging_moves_supporters_and_author_to_the_surviving_request():
    survivor = RequestFactory(email="premier@exemple.fr")
    duplicate = RequestFactory(email="second@exemple.fr")
    SupportFactory(request=duplicate, email="voisin@exemple.fr")
    SupportFactory(request=duplicate, email="premier@exemple.fr")  # already follows the survivor
    workflow.merge(duplicate, survivor, "", user=None)
    duplicate.refresh_from_db()
    assert duplicate.status == S.CLOSED and duplicate.close_reason == "doublon"
    assert duplicate.merged_into == survivor and not duplicate.supports.exists()
    emails = set(Support.objects.filter(request=survivor).values_list("email", flat=True))
    assert emails == {"second@exemple.fr", "voisin@exemple.fr"}
    assert any("n° " + str(survivor.pk) in m.body for m in sent_to("voisin@exemple.fr"))


def test_a_request_cannot_be_merged_into_itself_or_a_closed_one():
    row, closed = RequestFactory(), RequestFactory(status=S.CLOSED)
    with pytest.raises(ValidationError):
        workflow.merge(row, row, "", user=None)
    with pytest.raises(ValidationError):
        workflow.merge(row, closed, "", user=None)


def _planned_done_contested(client):
    row = RequestFactory(email="auteur@exemple.fr")
    workflow.change_status(row, S.PLANNED, "Un technicien passera.", planned_for=datetime.date(2027, 3, 10))
    workflow.change_status(row, S.DONE, "Réparé.")
    client.post(link("contester", "auteur@exemple.fr"), {"reason": "L’écran reste noir."})
    row.refresh_from_db()
    return row


def test_a_contested_request_loses_its_planned_date_on_the_page_and_in_open311(client):
    row = _planned_done_contested(client)
    assert row.status == S.RECEIVED and row.planned_for is None
    page = client.get(f"/demandes/{row.pk}/").content.decode().replace("\xa0", " ")
    assert "Intervention prévue" not in page
    assert "intervention qui était prévue le 10 mars 2027" in page  # the timeline keeps it, as past
    assert client.get(f"/open311/v2/requests/{row.pk}.json").json()[0].get("expected_datetime") is None


def test_a_request_reopened_by_the_service_loses_its_planned_date(client):
    row = RequestFactory()
    workflow.change_status(row, S.PLANNED, "Un technicien passera.", planned_for=datetime.date(2027, 3, 10))
    workflow.change_status(row, S.DONE, "Réparé.")
    workflow.change_status(row, S.RECEIVED, "Rouverte : la panne est revenue.")
    row.refresh_from_db()
    assert row.planned_for is None and row.planned_at is not None  # the statistics keep the first planning
    assert client.get(f"/open311/v2/requests/{row.pk}.json").json()[0].get("expected_datetime") is None


def test_each_follower_is_told_in_the_language_they_wrote_in():
    row = RequestFactory(email="auteur@exemple.fr", language="ar")
    SupportFactory(request=row, email="voisin@exemple.fr", language="uk")
    SupportFactory(request=row, email="voisine@exemple.fr")
    workflow.change_status(row, S.PLANNED, "Un technicien passe.", planned_for=datetime.date(2027, 3, 10))
    (arabic,) = sent_to("auteur@exemple.fr")
    (ukrainian,) = sent_to("voisin@exemple.fr")
    (french,) = sent_to("voisine@exemple.fr")
    assert f"/ar/demandes/{row.pk}/" in arabic.body and f"/uk/demandes/{row.pk}/" in ukrainian.body
    assert f"/demandes/{row.pk}/" in french.body and "/ar/" not in french.body
