"""No personal data of an anonymous author is ever shown or exported: pages, Open311, open data, statistics;
and the e-mails of authors and supporters are erased after the retention period."""

import datetime

import pytest
import time_machine
from django.core import mail

from core import retention, worker
from participation.domain import workflow
from participation.models import Request, Support
from tests.factories_participation import CommissionFactory, RequestFactory, SupportFactory

pytestmark = pytest.mark.django_db
EMAIL, NAME = "camille.secret@exemple.fr", "Camilleanonyme"


@pytest.fixture
def anonymous_row():
    row = RequestFactory(email=EMAIL, display_name=NAME, anonymous=True)
    SupportFactory(request=row, email="voisine.secret@exemple.fr")
    CommissionFactory()
    workflow.change_status(row, Request.Status.PLANNED, "Passage prévu.", planned_for=datetime.date(2099, 1, 4))
    return row


def test_an_anonymous_author_is_never_shown_nor_exported(client, anonymous_row):
    pk = anonymous_row.pk
    paths = [
        "/demandes/", f"/demandes/{pk}/", "/demandes/statistiques/", "/demandes/commissions/",
        f"/demandes/commissions/{anonymous_row.commune.commission_set.first().slug}/",
        "/open311/v2/requests.json", "/open311/v2/requests.xml", f"/open311/v2/requests/{pk}.json",
        f"/open311/v2/requests/{pk}.xml", "/donnees-ouvertes/", "/donnees-ouvertes/demandes.csv",
        "/donnees-ouvertes/demandes.geojson",
    ]  # fmt: skip
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode()
        for secret in (EMAIL, NAME, "voisine.secret", "camille.secret"):
            assert secret not in text, (path, secret)
    csv_text = b"".join(client.get("/donnees-ouvertes/demandes.csv").streaming_content).decode()
    assert str(pk) in csv_text and "Passage prévu." not in csv_text  # the open data has no notes either


def test_retention_erases_the_emails_after_the_request_is_closed(anonymous_row, settings):
    workflow.change_status(anonymous_row, Request.Status.DONE, "Réparé.")
    later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=settings.ANCRAGE_REQUEST_EMAIL_DAYS + 1)
    with time_machine.travel(later, tick=False):
        counts = retention.apply()
    assert counts["Adresse e-mail des personnes qui font une demande"] == 1
    assert Request.objects.get(pk=anonymous_row.pk).email == ""
    assert list(Support.objects.values_list("email", flat=True)) == [""]


def test_drafts_and_unconfirmed_requests_are_deleted(settings):
    RequestFactory(status=Request.Status.UNCONFIRMED, received_at=None)
    RequestFactory(status=Request.Status.DRAFT, received_at=None)
    later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=settings.ANCRAGE_REQUEST_DRAFT_DAYS + 1)
    with time_machine.travel(later, tick=False):
        retention.apply()
    assert not Request.objects.exists()


def test_e_mails_are_never_in_the_audit_log(anonymous_row):
    from core.models import AuditEntry

    worker.run_pending()
    assert mail.outbox  # followers were told, by e-mail only
    for entry in AuditEntry.objects.all():
        assert "secret" not in str(entry.changes) + entry.note + entry.object_repr + entry.actor
