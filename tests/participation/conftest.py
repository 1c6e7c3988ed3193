import re

import pytest
from django.core import mail

from core import worker

FORM = {"category": "", "commune": "Massy", "address": "Médiathèque Jules Verne, 2 place de France",
        "neighbourhood": "", "latitude": "48.7310", "longitude": "2.2714",
        "description": "Le deuxième ordinateur ne s’allume plus.", "email": "Camille@Exemple.fr",
        "anonymous": "on", "display_name": "", "site_web_2": ""}  # fmt: skip


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def links(path_part: str, to: str | None = None) -> list[str]:
    """The site paths of the links in the e-mails sent so far (to `to` when given), newest last."""
    worker.run_pending()
    found = []
    for message in mail.outbox:
        if to is None or to in message.to:
            found += re.findall(r"https?://\S+?(/demandes/" + path_part + r"/\S+/)", message.body)
    return found


def link(path_part: str, to: str | None = None) -> str:
    return links(path_part, to)[-1]


def sent_to(address: str) -> list:
    worker.run_pending()
    return [m for m in mail.outbox if address in m.to]
