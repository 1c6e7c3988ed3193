"""Finding a commune from what a user typed: a name, a postal code or an INSEE code."""

import re

from django.conf import settings
from django.db.models import Case, IntegerField, Value, When

from territory.models import Commune
from territory.text import fold_commune

_LABEL = re.compile(r"^(?P<nom>.+?)\s*\((?P<cp>\d{5})\)\s*$")
_DIGITS = re.compile(r"^\d{2,5}$")
_CORSICA_INSEE = re.compile(r"^2[AB]\d{3}$", re.IGNORECASE)


def _ranked(queryset):
    """Home-territory communes first, then the most populated."""
    home_first = Case(
        When(epci_id=settings.ANCRAGE_HOME_EPCI, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return queryset.annotate(home_first=home_first).order_by("home_first", "-population", "nom")


def suggest_communes(query: str, limit: int = 10) -> list[Commune]:
    """Communes whose name or postal code starts with `query`.

    Insensitive to case, accents, hyphens and apostrophes ("saint remy" finds
    "Saint-Rémy-lès-Chevreuse").
    """
    query = (query or "").strip()
    if not query:
        return []
    if _DIGITS.match(query):
        found = Commune.objects.filter(codes_postaux__contains=f"|{query}")
    else:
        folded = fold_commune(query)
        if len(folded) < 2:
            return []
        found = Commune.objects.filter(nom_recherche__startswith=folded)
    return list(_ranked(found)[:limit])


def resolve_commune(query: str) -> Commune | None:
    """The one commune a user meant, or None when nothing matches.

    Accepts the suggestion label ("Massy (91300)"), a postal code, an INSEE code
    or a name; an ambiguous name ("Saint-Denis") resolves to the home
    territory's, then the most populated.
    """
    query = (query or "").strip()
    if not query:
        return None
    label = _LABEL.match(query)
    if label:
        folded = fold_commune(label["nom"])
        found = Commune.objects.filter(nom_recherche=folded, codes_postaux__contains=f"|{label['cp']}|").first()
        if found:
            return found
        query = label["nom"]
    if query.isdigit() and len(query) == 5:
        # Users type postal codes ("91300") far more often than INSEE codes ("91377").
        # The indexed main postal code first; the full list (a scan) only for secondary codes.
        by_postal = (
            _ranked(Commune.objects.filter(code_postal_principal=query)).first()
            or _ranked(Commune.objects.filter(codes_postaux__contains=f"|{query}|")).first()
        )
        return by_postal or Commune.objects.filter(code_insee=query).first()
    if _CORSICA_INSEE.match(query):
        return Commune.objects.filter(code_insee=query.upper()).first()
    folded = fold_commune(query)
    exact = _ranked(Commune.objects.filter(nom_recherche=folded)).first()
    if exact:
        return exact
    suggestions = suggest_communes(query, limit=1)
    return suggestions[0] if suggestions else None
