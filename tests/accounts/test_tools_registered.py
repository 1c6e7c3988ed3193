"""« Mes outils » on /compte/ offers each person the tools of every module they may use, and nothing else."""

import pytest

from accounts.models import Membership, Structure, User

pytestmark = pytest.mark.django_db


def _tools(client, user) -> str:
    client.force_login(user)
    return client.get("/compte/").content.decode()


def test_a_social_worker_gets_orientation_referrals_network_and_survey_entry(client):
    page = _tools(client, User.objects.create_user("as@exemple.fr", profession="travailleur-social"))
    for label in ("Orienter une personne", "Mes adressages", "Réseau des aidants", "Saisir des questionnaires papier"):
        assert label in page, label
    assert "Publier un atelier" not in page


def test_a_structure_member_gets_the_agenda_and_an_inhabitant_nothing(client):
    member = User.objects.create_user("membre@exemple.fr")
    Membership.objects.create(user=member, structure=Structure.objects.create(name="Asso"))
    page = _tools(client, member)
    assert "Publier un atelier" in page and "Orienter une personne" not in page
    assert "Mes outils" not in _tools(client, User.objects.create_user("habitant@exemple.fr"))
