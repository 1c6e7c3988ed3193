"""The freshness cadence's declaration reads the settings the periodic job runs with."""

import pytest

from core import algorithms

pytestmark = pytest.mark.django_db


def _declaration():
    return algorithms.declaration("fraicheur")


def test_the_declared_cadence_and_delays_are_the_settings(settings):
    values = {p.name: p.value.replace("\u00a0", " ") for p in _declaration().parameters}
    assert values["Cadence de vérification"] == f"{settings.ANCRAGE_FRESHNESS_CADENCE_MONTHS} mois"
    assert values["Rappel après"] == f"{settings.ANCRAGE_FRESHNESS_REMIND_DAYS} jours"
    assert values["Transmission à la coordination après"] == f"{settings.ANCRAGE_FRESHNESS_ESCALATE_DAYS} jours"
    settings.ANCRAGE_FRESHNESS_CADENCE_MONTHS = 12
    rules = {r.code: r.text.replace("\u00a0", " ") for r in _declaration().rules}
    assert "au moins 12 mois" in rules["V1-echeance"]
