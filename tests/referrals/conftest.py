import re

import pytest

from tests.clock import PARIS, at, frozen  # noqa: F401  (the tests of this folder import them from here)
from tests.factories_referrals import professional, referable_service
from tests.workers import deliver  # noqa: F401


def link_path(message) -> str:
    return re.search(r"https?://[^/\s]+(/orienter/reponse/\d+/[^\s/]+/)", message.body)[1]


@pytest.fixture
def pro(db):
    return professional()


@pytest.fixture
def service(db):
    return referable_service()
