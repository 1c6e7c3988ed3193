"""The directory's public pages go through the translation machinery: in French (the source language) they
say exactly what they said; under another language's prefix they render in that language."""

import pytest
from django.urls import reverse
from django.utils import translation

from directory.domain import explain, hours
from directory.domain.search import Criteria
from tests.factories import ServiceFactory
from web import french

pytestmark = pytest.mark.django_db


def _pages(place) -> list[str]:
    return [
        "/",
        "/recherche/?ou=Massy&besoin=demarches&ouvert=2&gratuit=on",
        "/recherche/?ou=91300&rayon=2&besoin=loisirs",
        place.get_absolute_url(),
        reverse("directory:place-sheet", args=[place.pk]),
        reverse("directory:report", args=[place.pk]),
    ]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_public_pages_render_in_any_language(client, language):
    service = ServiceFactory(
        place__nom="Médiathèque", place__latitude=48.74, place__longitude=2.28, place__horaires="Mo-Fr 09:00-12:00"
    )
    for url in _pages(service.place):
        response = client.get(("" if language == "fr" else f"/{language}") + url)
        assert response.status_code == 200, url
        assert response.headers["Content-Language"] == language
        assert "Médiathèque" in response.content.decode() or url == "/" or "rayon=2" in url


def test_french_grammar_applies_only_in_french():
    with translation.override("fr"):
        assert french.de("Évry") == "d’Évry"
    with translation.override("en"):
        assert french.de("Évry") == "Évry"


def test_opening_hours_and_explanations_stay_french_in_french():
    with translation.override("fr"):
        assert hours.format_time(hours.time(9, 30)) == "9\u00a0h\u00a030"
        assert hours.status("").label == "Horaires non renseignés"
        lines = explain.why(Criteria(latitude=48.73, longitude=2.27, place_label="Massy (91300)", radius_km=10))
        first = "Nous montrons les lieux qui proposent une aide au numérique, à moins de 10 km de Massy (91300)."
        assert lines[0] == first
