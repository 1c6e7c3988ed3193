"""The rights engine for tests: one process for the whole test session (its first load takes seconds), shared by
tests/rights and tests/browser; the settings point the web app at it."""

import os
from pathlib import Path

import pytest
from django.conf import settings

from rights.engine import process

PYTHON = Path(os.environ.get("ANCRAGE_ENGINE_PYTHON", process.PYTHON))
_running: dict[str, str] = {}


def engine_url() -> str:
    if "url" not in _running:
        _running["url"], _ = process.start(PYTHON)
    return _running["url"]


@pytest.fixture(scope="session")
def rights_engine():
    url = engine_url()
    previous = settings.ANCRAGE_RIGHTS_ENGINE_URL
    settings.ANCRAGE_RIGHTS_ENGINE_URL = url
    yield url
    settings.ANCRAGE_RIGHTS_ENGINE_URL = previous
