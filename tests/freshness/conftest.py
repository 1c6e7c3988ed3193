import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail as django_mail

from core import worker
from tests.factories import PlaceFactory

PARIS = ZoneInfo("Europe/Paris")


def at(*args) -> datetime:
    return datetime(*args, tzinfo=PARIS)


def frozen(*args):
    return time_machine.travel(at(*args), tick=False)


def deliver() -> list:
    """Run the queued jobs (the e-mails among them); the messages sent so far."""
    worker.run_pending()
    return django_mail.outbox


def confirm_path(message) -> str:
    return re.search(r"https?://[^/\s]+(/lieux/\d+/a-jour/[^\s/]+/)", message.body)[1]


@pytest.fixture
def place(db):
    """A place whose information dates from 1 January 2026: due on 1 July 2026 (six months)."""
    return PlaceFactory(
        nom="Médiathèque Jules Verne", courriels=["contact@mediatheque.example"], date_maj=at(2026, 1, 1).date()
    )
