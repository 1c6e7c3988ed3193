"""The French of the pages and e-mails: supports counted from zero, durations in days, one signature."""

import datetime

import pytest
import time_machine
from django.core import mail

from participation.domain import workflow
from participation.models import Request
from tests.factories_participation import CategoryFactory, RequestFactory, SupportFactory
from tests.participation.conftest import FORM, link, sent_to

pytestmark = pytest.mark.django_db


def text(client, url) -> str:
    return client.get(url).content.decode().replace("&nbsp;", " ").replace("\xa0", " ")


def test_supports_are_counted_in_words_from_zero(client):
    row = RequestFactory()
    assert "Personne n’a encore dit “moi aussi”" in text(client, f"/demandes/{row.pk}/")
    SupportFactory(request=row)
    assert "1 personne a dit “moi aussi”" in text(client, f"/demandes/{row.pk}/")
    SupportFactory(request=row)
    assert "2 personnes ont dit “moi aussi”" in text(client, f"/demandes/{row.pk}/")


def test_the_median_delays_are_written_in_days(client):
    start = datetime.datetime(2027, 3, 1, 10, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False):
        row = RequestFactory()
        workflow.change_status(row, Request.Status.PLANNED, "Passage prévu.", planned_for=datetime.date(2027, 3, 9))
    assert "Délai médian pour planifier : moins d’un jour" in text(client, "/demandes/statistiques/")
    Request.objects.filter(pk=row.pk).update(planned_at=start + datetime.timedelta(days=2, hours=12))
    assert "Délai médian pour planifier : 2,5 jours" in text(client, "/demandes/statistiques/")


def test_every_e_mail_is_signed_by_the_team_of_the_site(client, django_user_model):
    category = CategoryFactory()
    category.service.members.add(django_user_model.objects.create_user("agent@ville.fr", "mot-de-passe-2026"))
    client.post("/demandes/nouvelle/", {**FORM, "category": category.pk})  # request_confirm
    client.post(link("confirmer"))  # request_new to the service
    row = Request.objects.get()
    client.post(f"/demandes/{row.pk}/moi-aussi/", {"email": "voisin@exemple.fr", "site_web_2": ""})  # support_confirm
    sent_to("voisin@exemple.fr")
    workflow.change_status(row, Request.Status.DONE, "Réparé.")  # request_update
    sent_to("camille@exemple.fr")
    assert len(mail.outbox) == 4
    for message in mail.outbox:
        assert message.body.rstrip().endswith("L’équipe d’Ancrage"), message.subject
