"""Who sees the aidants' directory: professionals and coordinators; a withdrawn profile is hidden; the menu
offers « Réseau des aidants » to professionals only; the form keeps what was typed."""

import pytest

from accounts.models import Structure, User
from accounts.permissions import may_use_network
from network.models import Profile
from tests.factories_network import professional, profile
from tests.public_pages import main_menu

pytestmark = pytest.mark.django_db


@pytest.fixture
def camille():
    structure = Structure.objects.create(name="Centre social des Ulis")
    return profile(professional("camille@exemple.fr", name="Camille Martin", structure=structure),
                   communes=("91692",), work_email="camille@centre.fr", labels=["france-services"])  # fmt: skip


def test_only_professionals_and_coordinators_use_the_network(client, camille):
    assert client.get("/reseau/").status_code == 302  # to the login page
    assert client.get(f"/reseau/profils/{camille.pk}/").status_code == 302
    client.force_login(User.objects.create_user("membre@exemple.fr"))
    assert client.get("/reseau/").status_code == 403
    assert client.get(f"/reseau/profils/{camille.pk}/").status_code == 403
    client.force_login(professional("pro@exemple.fr"))
    page = client.get("/reseau/").content.decode()
    assert "Camille Martin" in page and "Centre social des Ulis" in page
    assert "camille@centre.fr" in client.get(f"/reseau/profils/{camille.pk}/").content.decode()
    client.force_login(User.objects.create_user("coord@exemple.fr", role=User.Role.COORDINATOR))
    assert client.get(f"/reseau/profils/{camille.pk}/").status_code == 200
    assert not may_use_network(User.objects.create_user("off@exemple.fr", profession="aidant", is_active=False))


def test_a_withdrawn_profile_is_hidden_from_colleagues_not_from_its_person(client, camille):
    Profile.objects.filter(pk=camille.pk).update(listed=False)
    client.force_login(professional("pro@exemple.fr"))
    assert "Camille Martin" not in client.get("/reseau/").content.decode()
    assert client.get(f"/reseau/profils/{camille.pk}/").status_code == 403
    client.force_login(camille.user)
    assert client.get(f"/reseau/profils/{camille.pk}/").status_code == 200


def test_the_menu_offers_the_network_to_professionals(client):
    client.force_login(User.objects.create_user("membre@exemple.fr"))
    assert "Réseau des aidants" not in main_menu(client.get("/").content.decode())
    client.force_login(professional("pro@exemple.fr"))
    assert 'href="/reseau/">Réseau des aidants</a>' in main_menu(client.get("/").content.decode())
    assert 'href="/pratiques/">Pratiques</a>' in client.get("/plan-du-site/").content.decode()


def test_search_filters_by_commune_label_and_says_what_national_data_says(client, camille):
    client.force_login(professional("pro@exemple.fr"))
    found = client.get("/reseau/", {"ou": "Les Ulis", "label": "france-services"}).content.decode()
    assert "Camille Martin" in found and "Les Ulis selon les données nationales" in found
    assert "Camille Martin" not in client.get("/reseau/", {"ou": "Massy"}).content.decode()
    wrong = client.get("/reseau/", {"ou": "Zzzyx"}).content.decode()
    assert "Commune introuvable" in wrong and 'value="Zzzyx"' in wrong


def test_a_professional_creates_then_withdraws_their_profile(client):
    pro = professional("pro@exemple.fr")
    client.force_login(pro)
    wrong = client.post("/reseau/mon-profil/", {"listed": "on", "communes": "Massy, Nulle-Part-Ici",
                                                "work_phone": "12"})  # fmt: skip
    text = wrong.content.decode()
    assert "Commune introuvable : Nulle-Part-Ici" in text and "Ce numéro ne se lit pas" in text
    assert 'value="Massy, Nulle-Part-Ici"' in text
    done = client.post("/reseau/mon-profil/", {"listed": "on", "communes": "Massy; 91120", "needs": ["demarches"],
                                               "work_phone": "01 69 00 00 00"})  # fmt: skip
    assert done.status_code == 302
    mine = Profile.objects.get(user=pro)
    assert mine.listed and mine.work_phone == "+33169000000"
    assert sorted(c.nom for c in mine.communes.all()) == ["Massy", "Palaiseau"]
    assert "Massy, Palaiseau" in client.get("/reseau/mon-profil/").content.decode()
    client.post("/reseau/mon-profil/retirer/", {"action": "retirer"})
    assert not Profile.objects.get(user=pro).listed
    client.post("/reseau/mon-profil/retirer/", {"action": "supprimer"})
    assert not Profile.objects.filter(user=pro).exists()
