"""The merge rules' declaration in the public register reads the thresholds the merge runs with; the review page
links to it."""

import pytest
from django.urls import reverse

from core import algorithms
from datahub.merging import decide, similarity
from datahub.merging.decide import Level
from datahub.merging.similarity import PlaceSummary
from datahub.models import MergeCandidate
from tests.datahub.conftest import IDF, NATIONAL

pytestmark = pytest.mark.django_db


def _declared(name: str) -> str:
    return next(p.value for p in algorithms.declaration("fusion-des-donnees").parameters if p.name == name)


def _rule(code: str) -> str:
    return next(r.text for r in algorithms.declaration("fusion-des-donnees").rules if r.code == code)


def test_the_declared_thresholds_are_those_decide_uses(monkeypatch):
    a = PlaceSummary(1, "Médiathèque Jules Verne", "", "1 rue de la Gare", "91377", 48.73, 2.27, False)
    b = PlaceSummary(2, "Mediatheque Jules-Verne de Massy", "", "1 rue de la Gare", "91377", 48.73, 2.27, False)
    names = similarity.name_similarity(a.nom, b.nom)
    assert decide.decide(a, b).level == Level.AUTO and names >= decide.AUTO_NAMES
    assert _declared("Noms semblables pour fusionner") == f"{round(decide.AUTO_NAMES * 100)}\u00a0%"
    monkeypatch.setattr(decide, "AUTO_NAMES", min(1.0, names + 0.01))
    assert decide.decide(a, b).level == Level.REVIEW  # below the new threshold: a coordinator decides
    assert f"{round(decide.AUTO_NAMES * 100)}\u00a0%" in _rule("F2-fusion-automatique")
    assert _declared("Même endroit") == f"{decide.SAME_SPOT_M}\u00a0m"


def test_the_kinds_of_bodies_and_the_official_lists_are_declared():
    kinds = _declared("Natures d’organismes reconnues par leur nom")
    for kind, words in similarity.KINDS.items():
        assert f"{kind} : {', '.join(words)}" in kinds
    assert "france-services" in _rule("F6-listes-officielles")


def test_the_review_page_links_to_the_merge_rules(admin_client, imported):
    imported(NATIONAL)
    imported(IDF)
    candidate = MergeCandidate.objects.get(other_name="Le Petit Lien")
    html = admin_client.get(reverse("admin:datahub_mergecandidate_change", args=[candidate.pk])).content.decode()
    assert '<a href="/algorithmes/fusion-des-donnees/">les règles de fusion des données</a>' in html
