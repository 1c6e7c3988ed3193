"""Small rules of written French used on every page: plurals and elisions.

count(0, "lieu", "lieux") → "0 lieu"   (0 and 1 are singular in French)
de("Évry") → "d’Évry", de("Les Ulis") → "des Ulis", de("Le Kremlin-Bicêtre") → "du Kremlin-Bicêtre"
day(date(2026, 8, 1)) → "1er août 2026"   (the first of the month is an ordinal)
phone("+33169096292") → "01 69 09 62 92"
days(0.4) → "moins d’un jour", days(1) → "1 jour", days(2.54) → "2,5 jours"
"""

import datetime

from django.utils import formats, timezone
from django.utils.translation import get_language, gettext, ngettext

_VOWELS = set("aeiouàâäéèêëîïôöùûüœæ")


def plural(n: int | float, singular: str, plural_form: str = "") -> str:
    """The word that goes with n: singular for 0 and 1 (and -1…1), plural from 2."""
    return singular if abs(n) < 2 else plural_form or singular + "s"


def count(n: int, singular: str, plural_form: str = "") -> str:
    return f"{n} {plural(n, singular, plural_form)}"


def days(n: float) -> str:
    """A duration in days, one decimal at most: « moins d’un jour », « 1 jour », « 1,5 jour », « 2,5 jours »."""
    n = round(float(n), 1)
    if n < 1:
        return gettext("moins d’un jour")
    number = f"{n:.1f}".removesuffix(".0").replace(".", formats.get_format("DECIMAL_SEPARATOR"))
    if n < 2:  # 1 and 1,5 are singular in French
        return gettext("%(number)s jour") % {"number": number}
    return ngettext("%(number)s jour", "%(number)s jours", round(n)) % {"number": number}


def is_french() -> bool:
    """Whether the page is in French (the source language): the rules of this module apply only then."""
    return (get_language() or "fr").split("-")[0] == "fr"


def de(name: str) -> str:
    """The preposition « de » before a name, contracted or elided as French requires.

    In another language the name alone: the translated sentence says its own preposition."""
    name = (name or "").strip()
    if not is_french():
        return name
    if name.startswith("Les "):
        return "des " + name[4:]
    if name.startswith("Le "):
        return "du " + name[3:]
    if name[:1].lower() in _VOWELS:
        return "d’" + name
    return "de " + name


def day(value: datetime.date | None, year: bool = True) -> str:
    """A date as French writes it: « 1er août 2026 », « 2 août 2026 » (« 1er août » without the year)."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date()  # the day it was where the site is, not in UTC
    text = formats.date_format(value, "j F Y" if year else "j F")
    return "1er" + text[1:] if value.day == 1 and is_french() else text


def phone(value: str) -> str:
    """A number stored as +33… written as people dial it: « 01 69 09 62 92 » (others as stored)."""
    value = value or ""
    if value.startswith("+33") and len(value) == 12:
        national = "0" + value[3:]
        return " ".join(national[i : i + 2] for i in range(0, 10, 2))
    return value
