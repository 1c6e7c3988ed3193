import pytest
from django.core.exceptions import ValidationError

from standards.identifiers import clean_identifier, is_rna, is_siret, validate_rna, validate_siret


# DINUM, the City of Paris, La Poste's head office, a post office (digit-sum rule, not Luhn)
@pytest.mark.parametrize("value", ["13002526500013", "21750001600019", "35600000000048", "35600000010000"])
def test_real_sirets_are_valid(value):
    assert is_siret(value)
    validate_siret(value)


@pytest.mark.parametrize("value", ["13002526500012", "1300252650001", "1300252650001A", "00000000000001", ""])
def test_a_wrong_key_or_length_is_refused_with_a_french_message(value):
    assert not is_siret(value)
    if value:
        with pytest.raises(ValidationError, match="SIRET n’est pas valide"):
            validate_siret(value)


def test_rna_is_w_and_nine_digits():
    assert is_rna("W751234567") and not is_rna("W75123456") and not is_rna("751234567X") and not is_rna("w751234567")
    with pytest.raises(ValidationError, match="commence par W"):
        validate_rna("W12")


def test_spaces_and_dots_typed_by_people_are_removed():
    assert clean_identifier(" 130 025 265 00013 ") == "13002526500013"
    assert clean_identifier("w75.123.4567") == "W751234567"
