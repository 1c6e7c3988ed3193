"""French organisation identifiers: SIRET (an establishment, 14 digits, Luhn key) and RNA (an association's
register number, W followed by 9 digits). One check each, and Django validators with French messages."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

RNA_PATTERN = re.compile(r"^W\d{9}$")


def clean_identifier(value: str) -> str:
    """Spaces, dots and dashes removed, upper case: « 130 025 265 00013 » → « 13002526500013 »."""
    return re.sub(r"[\s.\-]", "", value or "").upper()


def luhn_valid(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        n = int(char)
        if position % 2:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


def is_siret(value: str) -> bool:
    """14 digits with a valid Luhn key; La Poste's many establishments (SIREN 356000000) may instead have a
    digit sum that is a multiple of 5."""
    if not (len(value) == 14 and value.isdigit()):
        return False
    return luhn_valid(value) or (value.startswith("356000000") and sum(int(c) for c in value) % 5 == 0)


def is_rna(value: str) -> bool:
    return bool(RNA_PATTERN.match(value or ""))


def validate_siret(value: str) -> None:
    if value and not is_siret(value):
        raise ValidationError(
            _("Ce numéro SIRET n’est pas valide : il compte 14 chiffres (vérifiez chacun d’eux)."), code="siret"
        )


def validate_rna(value: str) -> None:
    if value and not is_rna(value):
        raise ValidationError(
            _("Ce numéro RNA n’est pas valide : il commence par W, suivi de 9 chiffres (par exemple W751234567)."),
            code="rna",
        )
