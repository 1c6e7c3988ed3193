import re

import pytest

from tests.clock import PARIS, at, frozen  # noqa: F401  (the tests of this folder import them from here)
from tests.factories import PlaceFactory
from tests.workers import deliver  # noqa: F401


def confirm_path(message) -> str:
    return re.search(r"https?://[^/\s]+(/lieux/\d+/a-jour/[^\s/]+/)", message.body)[1]


@pytest.fixture
def place(db):
    """A place whose information dates from 1 January 2026: due on 1 July 2026 (six months)."""
    return PlaceFactory(
        nom="Médiathèque Jules Verne", courriels=["contact@mediatheque.example"], date_maj=at(2026, 1, 1).date()
    )
