import pytest

from territory.search import resolve_commune, suggest_communes
from territory.text import fold, fold_commune

pytestmark = pytest.mark.django_db


def test_fold_ignores_case_accents_hyphens_apostrophes():
    assert fold("Saint-Rémy-lès-Chevreuse") == "saint remy les chevreuse"
    assert fold("L'Haÿ-les-Roses") == "l hay les roses"
    assert fold_commune("St Rémy lès Chevreuse") == "saint remy les chevreuse"


@pytest.mark.parametrize("typed", ["massy", "MASSY", "Mas", "  massy "])
def test_suggestions_by_name_any_case(typed):
    assert "Massy" in [c.nom for c in suggest_communes(typed)]


def test_suggestions_insensitive_to_accents_and_hyphens():
    assert suggest_communes("gif sur yvette")[0].nom == "Gif-sur-Yvette"
    assert suggest_communes("orsay")[0].nom == "Orsay"
    assert "Évry-Courcouronnes" in [c.nom for c in suggest_communes("evry")]


def test_suggestions_by_postal_code_prefix():
    assert [c.nom for c in suggest_communes("91300")] == ["Massy"]
    assert all(c.postal_codes[0].startswith("919") for c in suggest_communes("919"))


def test_home_territory_first_among_homonyms():
    # Two "Les Ulis"-like cases are rare; "Saint-Aubin" exists in many départements, one in Paris-Saclay.
    first = suggest_communes("saint aubin")[0]
    assert first.epci_id == "200056232"


def test_resolve_label_postal_insee_and_name():
    assert resolve_commune("Massy (91300)").code_insee == "91377"
    assert resolve_commune("91300").code_insee == "91377"
    assert resolve_commune("91377").code_insee == "91377"
    assert resolve_commune("les ulis").code_insee == "91692"
    assert resolve_commune("75010").code_insee == "75056"
    assert resolve_commune("xyzzy") is None
    assert resolve_commune("") is None


def test_paris_has_an_approximate_position():
    paris = resolve_commune("Paris")
    assert paris.position_approximative
    assert 48.8 < paris.latitude < 48.92 and 2.25 < paris.longitude < 2.42


def test_communes_without_a_town_hall_position_get_an_estimated_one():
    lanester = resolve_commune("Lanester")  # "nan" in the source file
    assert lanester.position_approximative
    assert 47.7 < lanester.latitude < 47.9 and -3.5 < lanester.longitude < -3.2  # Lorient area


def test_names_resolve_to_the_closest_territory_first():
    assert resolve_commune("evry").nom == "Évry-Courcouronnes"  # not the village of Évry (Yonne)
    assert resolve_commune("saint denis").departement == "93"  # not La Réunion's, farther from home
    assert resolve_commune("paris 15e").code_insee == "75056"
    assert resolve_commune("Lyon 3").code_insee == "69123"


def test_no_position_is_better_than_a_wrong_one():
    from territory.models import Commune

    papeete = Commune.objects.get(code_insee="98735")  # no town-hall position, no EPCI, no neighbour
    assert papeete.latitude is None


def test_typos_and_partial_names_get_suggestions():
    from territory.search import close_communes

    assert close_communes("Masy")[0].nom == "Massy"
    assert close_communes("Ulis")[0].nom == "Les Ulis"
    assert close_communes("zz") == []


@pytest.mark.parametrize("typed", ["Massy 91300", "91300 Massy", "Massy, 91300", "massy (91300)", "MASSY  91300"])
def test_name_with_postal_code_resolves(typed):
    assert resolve_commune(typed).code_insee == "91377"
    assert [c.nom for c in suggest_communes(typed)] == ["Massy"]


def test_postal_code_wins_over_a_mistyped_name():
    assert resolve_commune("Masy 91300").code_insee == "91377"


@pytest.mark.parametrize("typed", ["ulis", "Ulis", "ULIS"])
def test_name_without_its_article_resolves_and_is_suggested(typed):
    assert resolve_commune(typed).nom == "Les Ulis"
    assert suggest_communes(typed)[0].nom == "Les Ulis"


def test_exact_names_and_prefixes_are_suggested_first():
    names = [c.nom for c in suggest_communes("Saint-Véran")]
    assert names.index("Saint-Véran") < names.index("Saint-Vérand")
    assert suggest_communes("palaise")[0].nom == "Palaiseau"
    typo = [c.nom for c in suggest_communes("palaiso")]  # no name starts so: names spelled alike
    assert typo.index("Palaiseau") < typo.index("Calais")


def test_typo_suggestions_prefer_names_starting_with_the_query():
    from territory.search import close_communes

    assert close_communes("palaiso")[0].nom == "Palaiseau"


def test_an_exact_name_wins_among_equally_close_communes():
    assert resolve_commune("Le Palais").code_insee == "56152"
    assert resolve_commune("evry").nom == "Évry-Courcouronnes"  # closer first, still


@pytest.mark.parametrize(
    "query, code",
    [("Estouches", "91390"), ("91182", "91228"), ("13215", "13055"), ("Champtoceaux", "49126")],
)
def test_former_and_delegated_communes_resolve_to_todays_commune(query, code):
    assert resolve_commune(query).code_insee == code
