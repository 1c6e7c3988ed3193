"""Demand signals: the directory counts searches that found nothing or little; providers are registered."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from directory.domain import gaps
from directory.models import SearchGap
from observatory import signals
from tests.factories import ServiceFactory


@pytest.mark.django_db
def test_gaps_are_counted_per_need_commune_and_week():
    assert gaps.record("demarches", "91377", 0, day=date(2026, 12, 2))
    assert gaps.record("demarches", "91377", 1, day=date(2026, 12, 4))
    assert not gaps.record("demarches", "91377", 12, day=date(2026, 12, 4))  # enough results
    assert not gaps.record("", "91377", 0)  # no need: nothing to learn
    row = SearchGap.objects.get()
    assert (row.week, row.nothing, row.few) == (date(2026, 11, 30), 1, 1)


@pytest.mark.django_db
@time_machine.travel("2026-12-04 10:00 +01:00", tick=False)
def test_a_search_that_finds_nothing_is_counted_without_what_was_typed(client):
    ServiceFactory()  # one place for « démarches », in Massy
    response = client.get(reverse("directory:results"), {"besoin": "demarches", "ou": "Saint-Aubin", "rayon": "2"})
    assert response.status_code == 200
    gap = SearchGap.objects.get()
    assert gap.need == "demarches" and gap.code_insee == "91538" and gap.nothing == 1
    provided = list(signals.providers()[0].read(date(2026, 11, 1)))
    assert provided and provided[0].need == "demarches"


def test_apps_register_their_own_provider():
    signals.register("essai", "Essai", lambda since: [signals.Signal("outils", "91377", since, 3)])
    try:
        assert "essai" in [p.key for p in signals.providers()]
    finally:
        signals._PROVIDERS.pop("essai")


@pytest.mark.django_db
def test_orientations_uncovered_needs_are_shown_on_the_signals_page(client):
    from orientation.models import UncoveredNeed

    UncoveredNeed.objects.create(need="demarches", code_insee="91692", reason="sans-equipement",
                                 month=date(2026, 11, 1), count=3)  # fmt: skip
    UncoveredNeed.objects.create(need="demarches", code_insee="91692", reason="sans-equipement",
                                 month=date(2025, 1, 1), count=9)  # fmt: skip
    orientation = next(p for p in signals.providers() if p.key == "orientation")
    assert [(s.need, s.code_insee, s.count) for s in orientation.read(date(2026, 11, 20))] == [
        ("demarches", "91692", 3)
    ]
    with time_machine.travel("2026-12-04 10:00 +01:00"):
        page = client.get(reverse("observatory:signals")).content.decode()
    assert "Besoins sans service trouvé lors d’une orientation" in page and "Les Ulis" in page


@pytest.mark.django_db
def test_the_rights_precheck_likely_non_recours_is_a_demand_signal():
    from rights.models import CheckCount

    CheckCount.objects.create(month=date(2026, 11, 1), code_insee="91377", benefit="rsa", checks=4, likely=2,
                              non_recours=2)  # fmt: skip
    CheckCount.objects.create(month=date(2026, 11, 1), code_insee="91377", benefit="aah", checks=4, likely=1)
    rights = next(p for p in signals.providers() if p.key == "droits")
    [signal] = rights.read(date(2026, 11, 10))
    assert (signal.code_insee, signal.count, signal.detail) == ("91377", 2, "non-recours") and "RSA" in signal.need
