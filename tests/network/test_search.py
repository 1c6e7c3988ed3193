"""The directory's filters: commune (served, or where a structure has a place), need, label, language."""

import pytest

from accounts.models import Structure
from network.domain.search import Filters, practices, profiles
from territory.models import Commune
from tests.factories import PlaceFactory
from tests.factories_network import practice, professional, profile

pytestmark = pytest.mark.django_db


@pytest.fixture
def network():
    centre = Structure.objects.create(name="Centre social de Palaiseau")
    PlaceFactory(structure=centre, commune="Palaiseau", code_insee="91477", code_postal="91120")
    return {
        "camille": profile(professional("camille@exemple.fr", name="Camille"), communes=("91377",),
                           needs=["demarches"], labels=["aidants-connect"], languages=["ar"]),
        "dominique": profile(professional("dominique@exemple.fr", name="Dominique", structure=centre),
                             needs=["outils"], labels=["conseiller-numerique"]),
        "eden": profile(professional("eden@exemple.fr", name="Eden"), communes=("91377",), listed=False,
                        needs=["demarches"]),
    }  # fmt: skip


def names(found):
    return [p.user.full_name for p in found]


def test_everyone_listed_without_filters_and_never_the_withdrawn(network):
    assert names(profiles(Filters())) == ["Camille", "Dominique"]


def test_by_commune_served_or_through_the_structure_s_place(network):
    assert names(profiles(Filters(commune=Commune.objects.get(code_insee="91377")))) == ["Camille"]
    assert names(profiles(Filters(commune=Commune.objects.get(code_insee="91477")))) == ["Dominique"]
    assert names(profiles(Filters(commune=Commune.objects.get(code_insee="91228")))) == []


def test_by_need_label_and_language(network):
    assert names(profiles(Filters(need="outils"))) == ["Dominique"]
    assert names(profiles(Filters(label="aidants-connect"))) == ["Camille"]
    assert names(profiles(Filters(language="ar", need="demarches"))) == ["Camille"]
    assert names(profiles(Filters(language="ar", label="conseiller-numerique"))) == []


def test_practices_by_theme_and_public_published_only():
    structure = Structure.objects.create(name="Médiathèque")
    practice(structure, title="Tablettes", themes=["outils"], publics=["seniors"])
    practice(structure, title="Démarches", themes=["demarches"], publics=["jeunes"])
    practice(structure, title="En attente", themes=["outils"], status="a-moderer")
    assert [p.title for p in practices(theme="outils")] == ["Tablettes"]
    assert [p.title for p in practices(public="jeunes")] == ["Démarches"]
    assert [p.title for p in practices(theme="outils", public="jeunes")] == []
