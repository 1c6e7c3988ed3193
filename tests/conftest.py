import os

import pytest
from django.conf import settings
from django.core.management import call_command

# Tests render pages without running `collectstatic` first: plain static storage, not the hashed names.
# Fast password hashing: the login tests check behaviour, not the hash's cost.
settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
settings.STORAGES = {
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


def _load_territory():
    from territory.models import Commune

    if not Commune.objects.exists():
        call_command("createcachetable")
        with open(os.devnull, "w") as devnull:
            call_command("load_territory", stdout=devnull)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database holds the real territory referential (shipped in territory/data)."""
    with django_db_blocker.unblock():
        _load_territory()


@pytest.fixture(autouse=True)
def _territory_after_flush(request, django_db_blocker):
    """Transactional tests (browser tests, crash tests) empty every table when they end: reload. Their shared
    cache entries are committed and the flush does not empty the cache table: emptied before and after."""
    if "transactional_db" in request.fixturenames or "live_server" in request.fixturenames:
        from django.core.cache import cache

        request.getfixturevalue("transactional_db")
        with django_db_blocker.unblock():
            _load_territory()
            cache.clear()
        yield
        with django_db_blocker.unblock():
            cache.clear()
    else:
        yield


def pytest_collection_modifyitems(items):
    """Browser tests last: they are the slowest and flush the database."""
    for item in items:
        if "tests/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture(autouse=True)
def _close_progress_connection():
    """The "progress" connection (job progress, outside the test's transaction) is closed after each test, so that
    the test database can be dropped at the end (PostgreSQL refuses while a connection stays open)."""
    yield
    from django.db import connections

    connections["progress"].close()


@pytest.fixture(autouse=True)
def _french_after_each_test():
    """A request under /en/ leaves its language active in the thread: the next test starts in French again."""
    from django.utils import translation

    yield
    translation.activate(settings.LANGUAGE_CODE)
