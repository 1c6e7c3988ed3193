import os

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database holds the real territory referential (shipped in territory/data)."""
    with django_db_blocker.unblock():
        call_command("createcachetable")
        call_command("load_territory", stdout=open(os.devnull, "w"))  # noqa: SIM115
