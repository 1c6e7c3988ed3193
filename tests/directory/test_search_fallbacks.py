"""A search that found nothing never dead-ends (directory/domain/explain.py and the results page)."""

import re
from html import unescape

import pytest
from django.test import override_settings

from tests.factories import PlaceFactory, ServiceFactory

pytestmark = pytest.mark.django_db

EVRY = (48.6243, 2.4290)  # about 16 km from Massy
LYON = (45.76, 4.83)
EQUIPEMENT = {"mediation": ["Acquisition de matériel informatique à prix solidaire"], "nom": "Ordinateurs"}


def _links(html: str) -> list[tuple[str, str]]:
    section = html[html.index('id="vide-titre"') : html.index('id="aide-titre"')]
    return [
        (unescape(label), unescape(href)) for href, label in re.findall(r'<li><a href="([^"]+)">([^<]+)</a>', section)
    ]


def test_every_suggestion_is_checked_and_says_how_many_it_finds(client):
    ServiceFactory(place__nom="Payant à Évry", frais="payant", place__latitude=EVRY[0], place__longitude=EVRY[1],
                   **EQUIPEMENT)  # fmt: skip
    ServiceFactory(place__nom="Gratuit à Lyon", place__latitude=LYON[0], place__longitude=LYON[1], **EQUIPEMENT)
    ServiceFactory(place__nom="Démarches à Massy")
    html = client.get("/recherche/?ou=91300&besoin=equipement&rayon=5&gratuit=on").content.decode()
    links = _links(html)
    assert [label for label, _ in links] == ["Voir tous les besoins (1 lieu)"]
    for _, href in links:
        assert "Aucun lieu ne correspond" not in client.get("/recherche/" + href).content.decode()
    # The nearest place that matches everything, at any distance, with its distance.
    assert "Les lieux les plus proches" in html and "Gratuit à Lyon" in html and "Payant à Évry" not in html
    assert re.search(r"À \d{3} km", html)


def test_wider_radius_then_without_filters():
    from django.http import QueryDict

    from directory.domain.explain import widenings
    from directory.forms import SearchForm, count_for

    ServiceFactory(place__nom="Payant", frais="payant", place__latitude=EVRY[0], place__longitude=EVRY[1])
    params = QueryDict("ou=91300&rayon=5&gratuit=on")
    form = SearchForm(params)
    assert form.is_valid()
    assert [label for label, _ in widenings(form.criteria(), params, count_for)] == []
    params = QueryDict("ou=91300&rayon=5")
    form = SearchForm(params)
    assert form.is_valid()
    assert [label for label, _ in widenings(form.criteria(), params, count_for)] == ["Chercher jusqu’à 20 km (1 lieu)"]


def test_remote_services_for_the_commune_whatever_the_radius(client):
    ServiceFactory(place__nom="Ligne Essonne", place__latitude=LYON[0], place__longitude=LYON[1],
                   modes_accueil=["a-distance"], zone_eligibilite=["91"])  # fmt: skip
    ServiceFactory(place__nom="Ligne Rhône", place__latitude=LYON[0], place__longitude=LYON[1],
                   modes_accueil=["a-distance"], zone_eligibilite=["69"])  # fmt: skip
    html = client.get("/recherche/?ou=91300&rayon=5&accueil=presentiel").content.decode()
    remote = html[html.index('id="distance-titre"') : html.index('id="aide-titre"')]
    assert "Ligne Essonne" in remote and "Ligne Rhône" not in remote


def test_national_help_line_and_the_area_covered(client):
    PlaceFactory(nom="Sans service")  # not searchable, but its commune counts in what the data covers
    PlaceFactory(nom="Autre lieu en Essonne")
    PlaceFactory(nom="Lyon", code_insee="69123", latitude=LYON[0], longitude=LYON[1])
    html = client.get("/recherche/?ou=91300").content.decode()
    assert 'href="tel:+33170772372">01 70 772 372</a>' in html and "Solidarité numérique" in html
    assert "se trouvent pour l’instant dans : Essonne (91), Rhône (69)." in html


@override_settings(ANCRAGE_HELP_LINE_NAME="Allô Saclay", ANCRAGE_HELP_LINE_PHONE="01 23 45 67 89")
def test_the_help_line_is_a_setting(client):
    for url in ("/recherche/?ou=91300", "/"):
        html = client.get(url).content.decode()
        assert "Allô Saclay" in html and 'href="tel:+33123456789"' in html, url


@override_settings(ANCRAGE_HELP_LINE_PHONE="")
def test_no_help_line_when_the_setting_is_empty(client):
    assert "tel:" not in client.get("/recherche/?ou=91300").content.decode()


def test_needs_without_places_are_not_offered_as_if_they_had_some(client):
    ServiceFactory()
    html = client.get("/").content.decode()
    assert re.search(r'<option value="demarches">Faire mes démarches', html)
    assert re.search(r'<option value="don" disabled>Donner [^<]+ — aucun lieu pour l’instant</option>', html)
    html = client.get("/recherche/?ou=91300").content.decode()
    assert '<option value="wifi" disabled>' in html


def test_approximate_positions_say_the_commune_and_link_directions_to_the_address(client):
    place = ServiceFactory(place__nom="Quelque part", place__position_approximative=True,
                           place__adresse="2 rue de la Paix").place  # fmt: skip
    html = client.get("/recherche/?ou=91300").content.decode()
    assert "Dans la commune de Massy" in html and " m</span>" not in html
    page = client.get(place.get_absolute_url()).content.decode()
    assert "directions?to=2%20rue%20de%20la%20Paix%2C%2091300%20Massy" in page


def test_search_by_name_without_a_commune(client):
    ServiceFactory(place__nom="Médiathèque de Lyon", place__latitude=LYON[0], place__longitude=LYON[1])
    html = client.get("/recherche/?nom=mediatheque").content.decode()
    assert "Médiathèque de Lyon" in html and "1 lieu trouvé" in html


def test_unknown_hours_are_a_separate_labelled_group_and_counted(client):
    ServiceFactory(place__nom="Ouvert le mardi", place__horaires="Tu 09:00-12:00")
    ServiceFactory(place__nom="Horaires inconnus", place__horaires="")
    html = client.get("/recherche/?ou=91300&ouvert=2").content.decode()
    assert "2 lieux trouvés, dont 1 aux horaires inconnus" in html
    assert (
        html.index("Ouvert le mardi")
        < html.index("Horaires inconnus : peut-être ouverts")
        < html.index(">Horaires inconnus</a>")
    )
    assert "1 lieu dont les horaires sont inconnus est gardé" in html
