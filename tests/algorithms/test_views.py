"""The public register's pages: the list, each algorithm under the headings the CRPA asks for, 404 otherwise."""

import re

import pytest
from django.urls import reverse

from algorithms import versions
from core import algorithms

pytestmark = pytest.mark.django_db

HEADINGS = [
    "À quoi il sert",
    "Sa part dans le résultat",
    "Les données utilisées et leurs sources",
    "Les paramètres et leur poids",
    "Les opérations, dans l’ordre",
    "Les règles",
    "Le rôle des personnes, et comment contester",
    "Version et date",
    "À qui s’adresser",
]


def norm(value: str) -> str:
    return re.sub(r"\s+", " ", value.replace("&nbsp;", " ").replace("\u00a0", " "))


def text(response) -> str:
    return norm(response.content.decode())


def test_the_list_shows_every_declaration_with_its_purpose_and_version(client):
    response = client.get("/algorithmes/")
    assert response.status_code == 200
    html = text(response)
    assert "<h1>Algorithmes publics</h1>" in html
    assert "<script" not in html
    for d in algorithms.declarations():
        assert reverse("algorithms:detail", args=[d.slug]) in html
        assert d.name in html and d.purpose in html
    assert "Version 1 du 4 décembre 2026" in html  # the first publication, from versions.toml
    assert "/donnees-ouvertes/algorithmes.csv" in html and reverse("web:contact") in html


@pytest.mark.parametrize("slug", ["recherche", "fusion-des-donnees", "fraicheur"])
def test_a_detail_page_says_everything_the_crpa_asks_for(client, slug):
    d = algorithms.declaration(slug)
    response = client.get(f"/algorithmes/{slug}/")
    assert response.status_code == 200
    html = text(response)
    for heading in HEADINGS:
        assert heading in html, heading
    assert d.purpose in html and d.part_in_outcome in html and d.human_role in html
    for what, source in d.data:
        assert what in html and source in html
    for p in d.parameters:
        assert norm(f'<th scope="row">{p.name}</th><td class="value" data-label="Valeur">{p.value}</td>') in html
    for rule in d.rules:
        assert norm(f"<dt>{rule.code}</dt><dd>{rule.text}</dd>") in html
    for step in d.operations:
        assert norm(step) in html
    current = versions.current(slug)
    assert f"version {current.number} du" in html and current.summary in html
    assert reverse("web:contact") in html and "L311-3-1" in html and "cada.fr" in html
    assert "diffèrent de la version" not in html  # the values shown are the published ones
    assert "<script" not in html


def test_an_unknown_algorithm_is_a_french_404(client):
    response = client.get("/algorithmes/tirage-au-sort/")
    assert response.status_code == 404
    assert "introuvable" in response.content.decode().lower()


def test_a_setting_of_this_site_that_differs_from_the_published_version_is_said(client, settings):
    settings.ANCRAGE_FRESHNESS_REMIND_DAYS = 21
    html = text(client.get("/algorithmes/fraicheur/"))
    assert '<td class="value" data-label="Valeur">21 jours</td>' in html
    assert "un seul rappel 21 jours après la demande" in html
    assert "ils diffèrent de la version 1 publiée" in html


def test_the_register_is_in_the_site_map_and_the_footer(client):
    html = client.get("/plan-du-site/").content.decode()
    assert html.count('href="/algorithmes/"') == 2  # the map's entry and the footer's
