"""The search's declaration in the public register reads the constants the search runs with, and the results page
links to it."""

import pytest
from django.http import QueryDict

from core import algorithms
from directory.domain import explain, search
from directory.forms import RADII_KM, SearchForm, count_for
from tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db

EVRY = (48.6243, 2.4290)  # about 16 km from Massy


def _parameter(name: str) -> str:
    return next(p.value for p in algorithms.declaration("recherche").parameters if p.name == name)


def test_the_declared_values_are_those_the_search_uses(settings):
    assert _parameter("Distance par défaut") == f"{settings.ANCRAGE_DEFAULT_RADIUS_KM}\u00a0km"
    assert _parameter("Distance maximale") == f"{max(RADII_KM)}\u00a0km"
    assert _parameter("Lieux les plus proches montrés") == str(search.NEAREST_LIMIT)
    assert _parameter("Élargissements essayés") == ", ".join(map(str, explain.WIDER_RADII_KM)) + "\u00a0km"
    assert _parameter("Fiches anciennes écartées après") == "jamais (toutes les fiches sont montrées)"
    settings.ANCRAGE_HIDE_AFTER_DAYS = 400
    assert _parameter("Fiches anciennes écartées après") == "400\u00a0jours"


def _criteria(query: str):
    form = SearchForm(QueryDict(query))
    assert form.is_valid(), form.errors
    return form.criteria()


def test_the_nearest_places_shown_follow_the_declared_constant(monkeypatch):
    for n in range(4):
        ServiceFactory(place__nom=f"Lieu {n}", place__latitude=EVRY[0] + n / 1000, place__longitude=EVRY[1])
    c = _criteria("ou=91300&rayon=2")
    assert len(search.nearest(c)) == search.NEAREST_LIMIT == 3
    monkeypatch.setattr(search, "NEAREST_LIMIT", 1)
    assert len(search.nearest(c)) == 1
    assert "les 1 lieux les plus proches" in next(
        r.text for r in algorithms.declaration("recherche").rules if r.code == "R12-rien-trouve"
    )


def test_the_wider_radii_tried_follow_the_declared_constant(monkeypatch):
    ServiceFactory(place__nom="À Évry", place__latitude=EVRY[0], place__longitude=EVRY[1])
    params = QueryDict("ou=91300&rayon=5")
    labels = [label for label, _ in explain.widenings(_criteria("ou=91300&rayon=5"), params, count_for)]
    assert labels[0] == "Chercher jusqu’à 20 km (1 lieu)"
    monkeypatch.setattr(explain, "WIDER_RADII_KM", (30, 50))
    labels = [label for label, _ in explain.widenings(_criteria("ou=91300&rayon=5"), params, count_for)]
    assert labels[0] == "Chercher jusqu’à 30 km (1 lieu)"
    assert "30, 50 km" in _parameter("Élargissements essayés").replace("\u00a0", " ")


def test_the_wider_radii_are_distances_a_person_may_choose():
    assert set(explain.WIDER_RADII_KM) <= set(RADII_KM)  # a wider search is a link to the form's own choices


def test_a_commune_centre_follows_precise_places_within_the_declared_band(monkeypatch):
    massy = (48.7309, 2.2713)
    ServiceFactory(
        place__nom="Au centre",
        place__latitude=massy[0] + 0.0270,
        place__longitude=massy[1],
        place__position_approximative=True,
    )  # fmt: skip  (about 3.0 km)
    ServiceFactory(place__nom="Adresse connue", place__latitude=massy[0] + 0.0305, place__longitude=massy[1])
    c = _criteria("ou=91300&rayon=10")
    order = [r.place.nom for r in search.search(c).results]
    assert order.index("Adresse connue") < order.index("Au centre")  # same kilometre: the precise one first
    monkeypatch.setattr(search, "SAME_DISTANCE_KM", 0.1)
    order = [r.place.nom for r in search.search(c).results]
    assert order.index("Au centre") < order.index("Adresse connue")  # a narrower band: nearest first


def test_the_results_page_says_how_results_are_ranked(client):
    ServiceFactory(place__nom="Espace numérique")
    html = client.get("/recherche/?besoin=demarches&ou=91300").content.decode()
    why = html[html.index("Pourquoi ces résultats ?") : html.index("</details>", html.index("Pourquoi ces résultats"))]
    assert '<a href="/algorithmes/recherche/">Comment ces résultats sont classés</a>' in why
