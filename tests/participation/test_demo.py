"""`load_demo_participation` (run by `make setup` after load_demo) loads a few requests, once."""

import io

import pytest
from django.core.management import call_command

from participation.models import Category, Commission, Request

pytestmark = pytest.mark.django_db


def test_demo_data_is_loaded_once():
    call_command("load_demo_participation", stdout=io.StringIO())
    call_command("load_demo_participation", stdout=io.StringIO())
    assert Category.objects.count() == 4 and Commission.objects.count() == 1
    assert Request.objects.filter(source="demo", status__in=Request.PUBLIC).count() == 3
    assert not Request.objects.exclude(email="").exists()
