"""The national data about the network's presence, read from the shipped extracts."""

import pytest

from network import national
from territory.models import Commune

pytestmark = pytest.mark.django_db


def test_a_structure_is_found_by_its_siret_in_aidants_connect():
    first = national._aidants_connect()[0]
    assert national.for_structure(first.siret) == first
    assert national.for_structure("") is None and national.for_structure("00000000000000") is None


def test_a_commune_s_aidants_connect_structures_and_conseillers_activity():
    massy = national.for_commune(Commune.objects.get(code_insee="91377"))
    expected = [r for r in national._aidants_connect() if r.code_insee == "91377" and r.active]
    assert massy.ac_structures == len(expected) and massy.ac_aidants == sum(r.aidants for r in expected)
    assert massy.postal_codes == ("91300",) and massy.conseillers_accompagnements == national._conseillers()["91300"]
    assert massy.any
    nowhere = national.for_commune(Commune.objects.get(code_insee="29019"))  # Brest: outside the extract
    assert not nowhere.any
