import re

import pytest

from tests.workers import deliver  # noqa: F401  (the tests of this folder import it from here)


def link_in(message, prefix: str) -> str:
    return re.search(rf"https?://[^/\s]+({re.escape(prefix)}[^\s]+)", message.body)[1]


@pytest.fixture(autouse=True)
def _no_throttle(settings):
    settings.ANCRAGE_THROTTLE_ENABLED = False
