import smtplib
from unittest import mock

import pytest
from django.core import mail as django_mail
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from core import mail, worker
from tests.factories import PlaceFactory


@pytest.mark.django_db
def test_a_message_is_rendered_from_its_templates_queued_then_sent():
    place = PlaceFactory(nom="Médiathèque de Massy", commune="Massy")
    mail.send("signalement_recu", ["habitant@example.fr"], {"place": place})
    assert django_mail.outbox == []  # queued, not sent inside the request
    worker.run_pending()
    [message] = django_mail.outbox
    assert message.to == ["habitant@example.fr"]
    assert message.subject == "Votre signalement sur « Médiathèque de Massy » est bien reçu"
    assert "Massy" in message.body and place.get_absolute_url() in message.body


@pytest.mark.django_db
def test_a_failed_sending_is_retried():
    place = PlaceFactory()
    real_send = django_mail.EmailMultiAlternatives.send
    failures = iter([smtplib.SMTPServerDisconnected("coupure")])

    def flaky_send(self, *args, **kwargs):
        for exc in failures:
            raise exc
        return real_send(self, *args, **kwargs)

    with (
        mock.patch.object(django_mail.EmailMultiAlternatives, "send", flaky_send),
        mock.patch("core.jobs.timedelta", return_value=__import__("datetime").timedelta(0)),
    ):
        mail.send("signalement_recu", ["a@example.fr"], {"place": place})
        worker.run_pending()
        worker.run_pending()
    assert len(django_mail.outbox) == 1
    assert sorted(DBTaskResult.objects.values_list("status", flat=True)) == [
        TaskResultStatus.FAILED,
        TaskResultStatus.SUCCESSFUL,
    ]


@pytest.mark.django_db
def test_plain_text_is_not_html_escaped():
    place = PlaceFactory(nom="ALT (Ass. l'Insertion par l'Habitat)", commune="Massy")
    message = mail.render("signalement_recu", {"place": place, "site_name": "Ancrage", "site_url": ""})
    assert "l'Insertion par l'Habitat" in message["subject"] and "l'Habitat" in message["text"]
    assert "&#x27;" not in message["subject"] + message["text"]
