import re

import pytest
from django.core import mail as django_mail

from core import worker


def deliver() -> list:
    """Run the queued jobs (the e-mails among them); the messages sent so far."""
    worker.run_pending()
    return django_mail.outbox


def link_in(message, prefix: str) -> str:
    return re.search(rf"https?://[^/\s]+({re.escape(prefix)}[^\s]+)", message.body)[1]


@pytest.fixture(autouse=True)
def _no_throttle(settings):
    settings.ANCRAGE_THROTTLE_ENABLED = False
