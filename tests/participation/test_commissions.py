"""Commissions rank the open requests of their area in public, and publish their minutes."""

import pytest

from accounts.models import User
from participation.models import Request
from territory.models import Commune
from tests.factories_participation import CommissionFactory, RequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def commission():
    commission = CommissionFactory()
    member = User.objects.create_user("membre@exemple.fr", "mot-de-passe-2026")
    commission.members.add(member)
    return commission, member


def test_members_rank_the_open_requests_of_their_area_and_everyone_sees_it(client, commission):
    commission, member = commission
    first, second = RequestFactory(), RequestFactory()
    elsewhere = RequestFactory(commune=Commune.objects.get(code_insee="75056"), latitude=None, longitude=None)
    RequestFactory(status=Request.Status.DONE)
    client.force_login(member)
    page = client.get(f"/demandes/commissions/{commission.slug}/classement/").content.decode()
    assert f"rang_{first.pk}" in page and f"rang_{elsewhere.pk}" not in page
    response = client.post(f"/demandes/commissions/{commission.slug}/classement/",
                           {f"rang_{first.pk}": "2", f"rang_{second.pk}": "1"})  # fmt: skip
    assert response.status_code == 302
    client.logout()
    page = client.get(f"/demandes/commissions/{commission.slug}/").content.decode()
    assert page.index(f"n° {second.pk},") < page.index(f"n° {first.pk},")
    assert "Rang 1" in page
    assert "rang 2" in client.get(f"/demandes/{first.pk}/").content.decode()


def test_two_requests_cannot_share_a_rank(client, commission):
    commission, member = commission
    a, b = RequestFactory(), RequestFactory()
    client.force_login(member)
    response = client.post(
        f"/demandes/commissions/{commission.slug}/classement/", {f"rang_{a.pk}": "1", f"rang_{b.pk}": "1"}
    )
    assert response.status_code == 400 and "même rang" in response.content.decode()


def test_minutes_are_published_by_members_only(client, commission):
    commission, member = commission
    url = f"/demandes/commissions/{commission.slug}/compte-rendu/"
    client.force_login(User.objects.create_user("autre@exemple.fr", "mot-de-passe-2026"))
    assert client.get(url).status_code == 403
    client.force_login(member)
    assert client.post(url, {"date": "2026-11-20", "text": "Priorité au WiFi de la médiathèque."}).status_code == 302
    client.logout()
    page = client.get(f"/demandes/commissions/{commission.slug}/").content.decode()
    assert "Priorité au WiFi de la médiathèque." in page and "20 novembre 2026" in page
    assert commission.name in client.get("/demandes/commissions/").content.decode()
