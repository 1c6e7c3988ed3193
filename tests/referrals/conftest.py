import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail as django_mail

from core import worker
from tests.factories_referrals import professional, referable_service

PARIS = ZoneInfo("Europe/Paris")


def at(*args) -> datetime:
    return datetime(*args, tzinfo=PARIS)


def frozen(*args):
    return time_machine.travel(at(*args), tick=False)


def deliver() -> list:
    """Run the queued jobs (the e-mails among them); the messages sent so far."""
    worker.run_pending()
    return django_mail.outbox


def link_path(message) -> str:
    return re.search(r"https?://[^/\s]+(/orienter/reponse/\d+/[^\s/]+/)", message.body)[1]


@pytest.fixture
def pro(db):
    return professional()


@pytest.fixture
def service(db):
    return referable_service()
