"""The network's demo data: loaded twice, nothing is duplicated; the people cannot log in."""

import io

import pytest
from django.core.management import call_command

from network.models import Practice, Profile

pytestmark = pytest.mark.django_db


def test_the_demo_loads_once_and_its_people_cannot_log_in():
    call_command("load_network_demo", stdout=io.StringIO())
    call_command("load_network_demo", stdout=io.StringIO())
    assert Profile.objects.listed().count() == 4 and Practice.objects.published().count() == 3
    profile = Profile.objects.select_related("user").first()
    assert not profile.user.has_usable_password() and profile.user.email.endswith(".invalid")
    assert profile.communes.exists()
