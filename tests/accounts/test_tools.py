"""« Mes outils » on the account page: any app registers a link with who sees it, in one line."""

import pytest

from accounts import tools
from accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def registered():
    tools.register("Outil de tous", "/outil/")
    tools.register("Outil de la coordination", "accounts:home", visible=lambda user: user.is_coordinator, order=1)
    tools.register(lambda user: f"Outil de {user.email}", lambda user: f"/outil/{user.pk}/", key="perso")
    yield
    for key in ("Outil de tous", "Outil de la coordination", "perso"):
        tools.unregister(key)


def test_each_person_sees_the_links_meant_for_them(client, registered):
    person = User.objects.create_user("camille@exemple.fr", "mot-de-passe-2026")
    coordinator = User.objects.create_user("coord@exemple.fr", "mot-de-passe-2026", role=User.Role.COORDINATOR)
    mine = [(link.label, link.url) for link in tools.for_user(person) if link.label.startswith("Outil")]
    assert mine == [("Outil de tous", "/outil/"), ("Outil de camille@exemple.fr", f"/outil/{person.pk}/")]
    first = tools.for_user(coordinator)[0]
    assert (first.label, first.url) == ("Outil de la coordination", "/compte/")  # a URL name is reversed
    client.force_login(person)
    page = client.get("/compte/").content.decode()
    assert "<h2>Mes outils</h2>" in page and '<a href="/outil/">Outil de tous</a>' in page


def test_registering_twice_keeps_one_link_and_visitors_get_none(registered):
    tools.register("Outil de tous", "/outil/")
    person = User.objects.create_user("camille@exemple.fr", "mot-de-passe-2026")
    assert [link.label for link in tools.for_user(person)].count("Outil de tous") == 1
    from django.contrib.auth.models import AnonymousUser

    assert tools.for_user(AnonymousUser()) == []


def test_without_any_tool_the_section_is_not_shown(client):
    person = User.objects.create_user("camille@exemple.fr", "mot-de-passe-2026")
    client.force_login(person)
    assert "Mes outils" not in client.get("/compte/").content.decode()
