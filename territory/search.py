"""Finding a commune from what a user typed: a name, a postal code or an INSEE code."""

import difflib
import re
from functools import lru_cache

from django.conf import settings
from django.db.models import Case, IntegerField, Q, Value, When

from territory.models import Commune, FormerCommune
from territory.text import fold_commune

_LABEL = re.compile(r"^(?P<nom>.+?)\s*\((?P<cp>\d{5})\)\s*$")
_DIGITS = re.compile(r"^\d{2,5}$")
_CORSICA_INSEE = re.compile(r"^2[AB]\d{3}$", re.IGNORECASE)
# "Paris 15", "paris 15e", "Lyon 3eme", "Marseille 8e arrondissement"
_ARRONDISSEMENT = re.compile(r"^(paris|lyon|marseille) ?(\d{1,2}) ?(e|er|eme|ieme)?( arrondissement)?$")
_ARRONDISSEMENT_POSTAL = {"paris": ("750{:02d}", 20), "lyon": ("6900{:d}", 9), "marseille": ("130{:02d}", 16)}


@lru_cache(maxsize=4)
def _home(epci: str) -> tuple[str, str]:
    """(département, région) of the home territory, from its communes."""
    row = Commune.objects.filter(epci_id=epci).values_list("departement", "region").first()
    return row or ("", "")


def _ranked(queryset):
    """The home territory's communes first, then its département's, then its region's; then by population."""
    home_dept, home_region = _home(settings.ANCRAGE_HOME_EPCI)
    closeness = Case(
        When(epci_id=settings.ANCRAGE_HOME_EPCI, then=Value(0)),
        When(departement=home_dept, then=Value(1)),
        When(region=home_region, then=Value(2)),
        default=Value(3),
        output_field=IntegerField(),
    )
    return queryset.annotate(closeness=closeness).order_by("closeness", "-population", "nom")


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


def arrondissement_city(query: str) -> str:
    """ "PARIS 10" → "paris" (folded): the commune of an arrondissement of Paris, Lyon or Marseille, or ""."""
    match = _ARRONDISSEMENT.match(fold_commune(query))
    return match[1] if match else ""


def arrondissement_postal_code(query: str) -> str:
    """ "Paris 15e" → "75015"; "" when the query is not an arrondissement of Paris, Lyon or Marseille."""
    match = _ARRONDISSEMENT.match(fold_commune(query))
    if not match:
        return ""
    pattern, count = _ARRONDISSEMENT_POSTAL[match[1]]
    number = int(match[2])
    return pattern.format(number) if 1 <= number <= count else ""


def resolve_commune(query: str) -> Commune | None:
    """The one commune a user meant, or None when nothing matches.

    Accepts the suggestion label ("Massy (91300)"), a postal code, an INSEE code, an arrondissement
    ("Paris 15e") or a name. A name matches a whole name or its first words ("evry" finds
    Évry-Courcouronnes as well as Évry); among several, the home territory's come first, then its
    département's and region's, then the most populated.
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
    query = arrondissement_postal_code(query) or query
    if query.isdigit() and len(query) == 5:
        # Users type postal codes ("91300") far more often than INSEE codes ("91377").
        # The indexed main postal code first; the full list (a scan) only for secondary codes.
        by_postal = (
            _ranked(Commune.objects.filter(code_postal_principal=query)).first()
            or _ranked(Commune.objects.filter(codes_postaux__contains=f"|{query}|")).first()
        )
        return by_postal or Commune.objects.filter(code_insee=query).first() or resolve_former_commune(query)
    if _CORSICA_INSEE.match(query):
        return Commune.objects.filter(code_insee=query.upper()).first()
    folded = fold_commune(query)
    if len(folded) < 2:
        return None
    found = _ranked(Commune.objects.filter(Q(nom_recherche=folded) | Q(nom_recherche__startswith=folded + " "))).first()
    return found or resolve_former_commune(query)


def resolve_former_commune(query: str) -> Commune | None:
    """Today's commune of a former or delegated commune, or of an arrondissement, by name or INSEE code.

    "Estouches" → Le Mérévillois; "91182" → Évry-Courcouronnes; "13215" → Marseille. Home territory first.
    """
    query = (query or "").strip()
    if query.isdigit() or _CORSICA_INSEE.match(query):
        former = FormerCommune.objects.filter(code_insee=query.upper())
    else:
        former = FormerCommune.objects.filter(nom_recherche=fold_commune(query)) if len(query) > 1 else None
    if not former:
        return None
    return _ranked(Commune.objects.filter(pk__in=former.values("commune_id"))).first()


@lru_cache(maxsize=2)
def _names_for_typos(epci: str) -> dict[str, int]:
    """Names worth suggesting after a typo: the home region's communes and every town of 5,000+."""
    _, home_region = _home(epci)
    rows = Commune.objects.filter(Q(region=home_region) | Q(population__gte=5000)).values_list("nom_recherche", "pk")
    return dict(rows)


def close_communes(query: str, limit: int = 3) -> list[Commune]:
    """Communes a mistyped or partial name may mean, for « Vouliez-vous dire… ».

    Names ending with the typed words first ("Ulis" → Les Ulis), then names spelled alike
    ("Masy" → Massy).
    """
    folded = fold_commune(query)
    if len(folded) < 3:
        return []
    ending = list(_ranked(Commune.objects.filter(nom_recherche__endswith=" " + folded))[:limit])
    names = _names_for_typos(settings.ANCRAGE_HOME_EPCI)
    close = difflib.get_close_matches(folded, list(names), n=limit, cutoff=0.75)
    by_pk = Commune.objects.in_bulk([names[name] for name in close])
    alike = [by_pk[names[name]] for name in close if by_pk[names[name]] not in ending]
    return (ending + alike)[:limit]
