"""Acceptance: ten reference households (tests/rights/households.py), computed in one request and one batch.

Two kinds of check:

1. Hand computations against the official scales in force in December 2026 (below, each with its source);
   the model's parameter files cite the same texts (OpenFisca-France 176.1.8).
2. The whole result of every household, stored with the model version in `reference.json`: a new
   OpenFisca-France (or core) version fails `test_model_version_was_reviewed` until someone reviews the amounts
   and rewrites the file: `ANCRAGE_RIGHTS_REVIEW=write pytest tests/rights/test_reference.py`, then reads the diff.

Scales used (December 2026):
- RSA, montant forfaitaire for one person: 651,69 € from 1 April 2026 (646,52 € × 1,008; décret de
  revalorisation annuelle du 1er avril, CASF L262-2 and R262-1); forfait logement for one person: 12 % of it
  (CASF R262-10).
- Prime d'activité (CSS L842-3, D843-1 to D843-2): montant forfaitaire 638,28 € (1 April 2026); 59,85 % of the
  activity income; individual bonus from 59 to 138 times the gross hourly SMIC (12,31 € on 1 January 2026), at
  most 37,7 % of the montant forfaitaire; forfait logement 12 % for one person.
- Allocations familiales: 32 % of the BMAF for two children, 73 % for three (CSS D521-1), BMAF 478,16 € on
  1 April 2026; below the first resource ceiling, no age increase before 14.
- ASPA (minimum vieillesse): 12 523,14 € a year for a single person, 19 442,21 € for a couple from 1 January
  2026 (CSS D815-2), i.e. 1 043,60 € and 1 620,18 € a month, minus the household's resources.
- AAH: 1 041,59 € a month at the full rate from 1 April 2026 (CSS D821-3), with no resources.
"""

import json
import os
from pathlib import Path

import pytest
from django.conf import settings

from rights.domain import precheck
from tests.rights.households import MONTH, REFERENCE

SNAPSHOT = Path(__file__).with_name("reference.json")


@pytest.fixture(scope="module")
def checks(rights_engine):
    previous, settings.ANCRAGE_RIGHTS_ENGINE_TIMEOUT = settings.ANCRAGE_RIGHTS_ENGINE_TIMEOUT, 300
    try:
        return dict(zip(REFERENCE, precheck.run_many(list(REFERENCE.values()), MONTH), strict=True))
    finally:
        settings.ANCRAGE_RIGHTS_ENGINE_TIMEOUT = previous


def outcome(check, key):
    return next(o for o in check.outcomes if o.benefit.key == key)


def snapshot_of(checks) -> dict:
    some = next(iter(checks.values()))
    return {
        "month": MONTH.isoformat(),
        "versions": some.versions,
        "amounts": {name: {k: round(v, 2) for k, v in c.values.items()} for name, c in checks.items()},
    }


def test_model_version_was_reviewed(checks):
    if os.environ.get("ANCRAGE_RIGHTS_REVIEW") == "write":
        SNAPSHOT.write_text(json.dumps(snapshot_of(checks), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    stored = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert next(iter(checks.values())).versions == stored["versions"], (
        "La version du modèle a changé : relire les montants de référence, puis "
        "ANCRAGE_RIGHTS_REVIEW=write pytest tests/rights/test_reference.py"
    )


def test_every_amount_is_the_reviewed_one(checks):
    stored = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert snapshot_of(checks)["amounts"] == stored["amounts"]


def test_single_person_without_income_rsa(checks):
    """651,69 × (1 − 12 %) = 573,49 € (the housing aid received brings the forfait logement)."""
    check = checks["seul_sans_revenu"]
    assert outcome(check, "aide_logement").amount > 0
    assert outcome(check, "rsa").amount == pytest.approx(651.69 * 0.88, abs=0.01)
    assert outcome(check, "rsa").new_right


def test_rsa_already_received_is_never_a_new_right(checks):
    rsa = outcome(checks["seul_rsa_percu"], "rsa")
    assert rsa.received and rsa.declared == 580.0 and not rsa.new_right
    assert rsa not in checks["seul_rsa_percu"].new_rights


def test_young_worker_at_the_smic_prime_activite(checks):
    """1 443 € net: 638,28 + 59,85 % × 1 443 (= 863,64) + bonus 240,63 × (1 443 − 726,29) / (1 698,78 − 726,29)
    (= 177,34) − (1 443 + forfait logement 76,59) = 159,67 €; housing aid is 40 € (zone 2, 550 € rent)."""
    check = checks["jeune_smic_evry"]
    assert outcome(check, "ppa").amount == pytest.approx(159.67, abs=0.05)
    assert outcome(check, "rsa").status == precheck.NOT_ENTITLED


def test_family_allowances_two_and_three_children(checks):
    """Two children (8 and 15): 32 % × 478,16 = 153,01 €. Three (4, 9, 13): 73 % × 478,16 = 349,06 €."""
    assert outcome(checks["couple_deux_enfants"], "af").amount == pytest.approx(153.01, abs=0.01)
    assert outcome(checks["parent_isole_trois_enfants"], "af").amount == pytest.approx(349.06, abs=0.01)
    assert outcome(checks["parent_isole_college_massy"], "af").status == precheck.NOT_ENTITLED  # one child


def test_minimum_vieillesse(checks):
    """A single person of 67 with no pension: 12 523,14 / 12 = 1 043,60 €. A couple with 500 + 400 € of
    pensions: 19 442,21 / 12 − 900 = 720,18 €."""
    assert outcome(checks["senior_seul_sans_pension"], "aspa").amount == pytest.approx(1043.60, abs=0.02)
    assert outcome(checks["retraites_couple"], "aspa").amount == pytest.approx(720.18, abs=0.02)


def test_aah_full_rate_replaces_the_rsa(checks):
    """80 %, no resources: 1 041,59 €; the RSA counts the AAH as a resource, so none is left."""
    check = checks["handicap_80_heberge"]
    assert outcome(check, "aah").amount == pytest.approx(1041.59, abs=0.01)
    assert outcome(check, "rsa").status == precheck.NOT_ENTITLED


def test_single_parent_in_massy(checks):
    """The issue's household: prime d'activité, housing aid, ARS and the collège grant likely; the ASF
    « à vérifier » (it depends on the other parent's maintenance payments); the CSS free of charge."""
    check = checks["parent_isole_college_massy"]
    likely = {o.benefit.key for o in check.new_rights}
    assert {"ppa", "aide_logement", "ars", "bourse_college", "css"} <= likely
    assert outcome(check, "asf").status == precheck.UNSURE
    assert outcome(check, "css").notes == ["Gratuite pour votre foyer."]


def test_well_off_couple_gets_nothing(checks):
    assert checks["couple_aise"].new_rights == []
