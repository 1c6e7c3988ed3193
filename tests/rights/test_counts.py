"""Anonymous counts: one row per month, commune and benefit, only counters."""

from datetime import date

import pytest

from rights.domain import counts, precheck
from rights.models import CheckCount
from rights.situation import BENEFITS, Adult, Household

pytestmark = pytest.mark.django_db
ZERO = {b.key: 0.0 for b in BENEFITS} | {"cmu_c": 0.0}


def test_each_check_counts_checks_likely_rights_and_non_recours():
    plain = Household(adults=(Adult(age=40),), depcom="91377")
    declared = Household(adults=(Adult(age=40),), depcom="91377", received={"rsa": 500.0})
    for h in (plain, declared, plain):
        counts.record(precheck.interpret(h, date(2026, 12, 1), ZERO | {"rsa": 573.0}, {}), "91377")
    rsa = CheckCount.objects.get(benefit="rsa")
    assert (rsa.month, rsa.code_insee, rsa.checks, rsa.likely, rsa.non_recours) == (date(2026, 12, 1), "91377", 3, 3, 2)
    assert CheckCount.objects.get(benefit="aah").checks == 3 and CheckCount.objects.count() == len(BENEFITS)
    fields = {f.name for f in CheckCount._meta.get_fields()}
    assert fields == {"id", "month", "code_insee", "benefit", "checks", "likely", "non_recours"}  # nothing personal
