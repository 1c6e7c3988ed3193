"""Staff find their tools on their account page: the queue for a service's members, their commission."""

import pytest

from accounts.models import User
from tests.factories_participation import CategoryFactory, CommissionFactory

pytestmark = pytest.mark.django_db


def account_page(client, user) -> str:
    client.force_login(user)
    return client.get("/compte/").content.decode()


def test_a_service_member_finds_the_requests_to_handle(client):
    agent = User.objects.create_user("agent@ville.fr", "mot-de-passe-2026")
    CategoryFactory().service.members.add(agent)
    assert '<a href="/demandes/traitement/">Demandes à traiter</a>' in account_page(client, agent)
    coordinator = User.objects.create_user("coord@ville.fr", "mot-de-passe-2026", role=User.Role.COORDINATOR)
    assert '<a href="/demandes/traitement/">Demandes à traiter</a>' in account_page(client, coordinator)


def test_a_commission_member_finds_their_commission(client):
    member = User.objects.create_user("membre@exemple.fr", "mot-de-passe-2026")
    CommissionFactory(slug="massy").members.add(member)
    page = account_page(client, member)
    assert '<a href="/demandes/commissions/massy/">Ma commission</a>' in page
    assert "/demandes/traitement/" not in page
    CommissionFactory(slug="palaiseau", name="Commission de Palaiseau").members.add(member)
    assert '<a href="/demandes/commissions/">Mes commissions</a>' in account_page(client, member)


def test_someone_else_sees_neither(client):
    page = account_page(client, User.objects.create_user("x@exemple.fr", "mot-de-passe-2026"))
    assert "/demandes/traitement/" not in page and "commission" not in page.lower()
