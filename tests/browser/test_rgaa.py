"""The RGAA grid (docs/rgaa/grille.csv) never says « conforme » where axe-core finds the criterion violated."""

import pytest

from tests.browser.conftest import axe_violations_by_rule
from tests.factories import ServiceFactory
from web import rgaa

pytestmark = pytest.mark.django_db(transaction=True)

# axe-core rules (WCAG 2.1 A/AA) and the RGAA 4.1 criteria they check.
AXE_TO_RGAA = {
    "image-alt": ["1.1"], "input-image-alt": ["1.1"], "area-alt": ["1.1"], "role-img-alt": ["1.1"],
    "svg-img-alt": ["1.1"], "object-alt": ["1.1"], "frame-title": ["2.1"], "frame-title-unique": ["2.2"],
    "color-contrast": ["3.2"], "link-in-text-block": ["10.6"], "td-headers-attr": ["5.7"],
    "th-has-data-cells": ["5.6"], "link-name": ["6.2"], "html-has-lang": ["8.3"], "html-lang-valid": ["8.4"],
    "valid-lang": ["8.8"], "document-title": ["8.5"], "list": ["9.3"], "listitem": ["9.3"],
    "definition-list": ["9.3"], "dlitem": ["9.3"], "label": ["11.1"], "select-name": ["11.1"],
    "input-button-name": ["11.9"], "button-name": ["11.9"], "autocomplete-valid": ["11.13"],
    "aria-allowed-attr": ["7.1"], "aria-required-attr": ["7.1"], "aria-valid-attr": ["7.1"],
    "aria-valid-attr-value": ["7.1"], "aria-roles": ["7.1"], "aria-hidden-focus": ["10.8"],
    "bypass": ["12.7"], "meta-viewport": ["10.4"], "meta-refresh": ["13.1"], "blink": ["13.8"],
    "marquee": ["13.8"], "duplicate-id-aria": ["8.2"], "nested-interactive": ["7.1"],
}  # fmt: skip


def urls(place) -> dict:
    return {
        "accueil": "/",
        "resultats": "/recherche/?besoin=demarches&ou=91300",
        "lieu": place.get_absolute_url(),
        "fiche": f"/lieux/{place.pk}/fiche/",
        "signaler": f"/lieux/{place.pk}/signaler/",
        "accessibilite": "/accessibilite/",
    }


def test_every_audited_page_has_a_url_here():
    """Pages of the sample not yet audited by hand (all « NT ») never claim a conformity: their axe-core checks
    are in their own app's browser tests."""
    place_like = type("P", (), {"pk": 1, "get_absolute_url": lambda self: "/lieux/1-x/"})()
    audit = rgaa.load_audit()
    assert {p["page"] for p in audit.pages if p not in audit.unaudited} == set(urls(place_like))


@pytest.mark.parametrize("width", [1280, 320])
def test_grid_never_says_conform_where_axe_finds_a_violation(page, live_server, width):
    place = ServiceFactory(place__nom="Espace numérique", place__courriels=["contact@exemple.fr"]).place
    grid = {(r["page"], r["critere"]): r["statut"] for r in rgaa.load_audit().rows}
    page.set_viewport_size({"width": width, "height": 800})
    wrong = []
    for key, path in urls(place).items():
        page.goto(live_server.url + path)
        for rule in axe_violations_by_rule(page):
            for criterion in AXE_TO_RGAA.get(rule, []):
                if grid[(key, criterion)] == "C":
                    wrong.append(f"{key}: critère {criterion} noté C, axe-core signale « {rule} »")
    assert wrong == []
