"""Finding a commune from what a user typed: a name, a postal code or an INSEE code."""

import difflib
import re
from functools import lru_cache

from django.conf import settings
from django.db.models import Case, IntegerField, Q, Value, When

from territory.models import Commune, FormerCommune
from territory.text import fold_commune

_DIGITS = re.compile(r"^\d{2,5}$")
_CORSICA_INSEE = re.compile(r"^2[AB]\d{3}$", re.IGNORECASE)
# "Paris 15", "paris 15e", "Lyon 3eme", "Marseille 8e arrondissement"
_ARRONDISSEMENT = re.compile(r"^(paris|lyon|marseille) ?(\d{1,2}) ?(e|er|eme|ieme)?( arrondissement)?$")
_ARRONDISSEMENT_POSTAL = {"paris": ("750{:02d}", 20), "lyon": ("6900{:d}", 9), "marseille": ("130{:02d}", 16)}
# "Massy 91300", "Massy, 91300", "Massy (91300)" and "91300 Massy"
_NAME_POSTAL = re.compile(r"^(?P<nom>.*[^\d\s,(]),?\s*\(?(?P<cp>\d{5})\)?$")
_POSTAL_NAME = re.compile(r"^(?P<cp>\d{5})[\s,]+(?P<nom>\D.*)$")
# Names people type without their article: "Ulis" for Les Ulis, "Haÿ-les-Roses" for L'Haÿ-les-Roses.
_ARTICLES = ("le", "la", "les", "l")


@lru_cache(maxsize=4)
def _home(epci: str) -> tuple[str, str]:
    """(département, région) of the home territory, from its communes."""
    row = Commune.objects.filter(epci_id=epci).values_list("departement", "region").first()
    return row or ("", "")


def split_postal_code(query: str) -> tuple[str, str]:
    """("Massy", "91300") from "Massy 91300", "91300 Massy", "Massy, 91300" or "Massy (91300)"; else (query, "")."""
    query = (query or "").strip()
    match = _NAME_POSTAL.match(query) or _POSTAL_NAME.match(query)
    return (match["nom"].strip(" ,"), match["cp"]) if match else (query, "")


def _named(folded: str) -> Q:
    """A whole name, its first words ("evry" → Évry-Courcouronnes), or the name without its article ("ulis")."""
    return (
        Q(nom_recherche=folded)
        | Q(nom_recherche__startswith=folded + " ")
        | Q(nom_recherche__in=[f"{article} {folded}" for article in _ARTICLES])
    )


def _ranked(queryset, *first: str):
    """After the `first` orderings: the home territory's communes, then its département's, then its region's;
    then by population."""
    home_dept, home_region = _home(settings.ANCRAGE_HOME_EPCI)
    closeness = Case(
        When(epci_id=settings.ANCRAGE_HOME_EPCI, then=Value(0)),
        When(departement=home_dept, then=Value(1)),
        When(region=home_region, then=Value(2)),
        default=Value(3),
        output_field=IntegerField(),
    )
    return queryset.annotate(closeness=closeness).order_by(*first, "closeness", "-population", "nom")


def suggest_communes(query: str, limit: int = 10) -> list[Commune]:
    """Communes whose name, a word of their name, or postal code starts with `query`.

    Insensitive to case, accents, hyphens and apostrophes ("saint remy" finds "Saint-Rémy-lès-Chevreuse").
    "Massy 91300" and "91300 Massy" narrow the name to the postal code. Exact names come first (with or
    without their article: "ulis" → Les Ulis), then names starting with the query, then names with a word
    starting with it; then the home territory's, then the larger communes.
    """
    query = (query or "").strip()
    if not query:
        return []
    if _DIGITS.match(query):
        return list(_ranked(Commune.objects.filter(codes_postaux__contains=f"|{query}"))[:limit])
    name, postal = split_postal_code(query)
    folded = fold_commune(name)
    if len(folded) < 2:
        return []
    found = Commune.objects.filter(Q(nom_recherche__startswith=folded) | Q(nom_recherche__contains=" " + folded))
    if postal:
        found = found.filter(codes_postaux__contains=f"|{postal}|")
    exactness = Case(
        When(Q(nom_recherche=folded) | Q(nom_recherche__in=[f"{a} {folded}" for a in _ARTICLES]), then=Value(0)),
        When(nom_recherche__startswith=folded, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return list(_ranked(found.annotate(exactness=exactness), "exactness")[:limit]) or close_communes(name, limit)


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

    Accepts the suggestion label ("Massy (91300)"), a name with its postal code ("Massy 91300",
    "91300 Massy"), a postal code, an INSEE code, an arrondissement ("Paris 15e") or a name. A name
    matches a whole name, its first words ("evry" finds Évry-Courcouronnes as well as Évry) or the name
    without its article ("ulis" finds Les Ulis); among several, the home territory's come first, then
    its département's and region's, then the most populated.
    """
    query = (query or "").strip()
    if not query:
        return None
    name, postal = split_postal_code(query)
    if postal and name:
        # "Massy 91300": the name among the postal code's communes, else the postal code alone.
        with_code = Commune.objects.filter(codes_postaux__contains=f"|{postal}|")
        return _ranked(with_code.filter(_named(fold_commune(name)))).first() or resolve_commune(postal)
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
    # Among equally close communes, the exact name first ("Le Palais" before Le Palais-sur-Vienne).
    exact = Case(When(nom_recherche=folded, then=Value(0)), default=Value(1), output_field=IntegerField())
    ranked = _ranked(Commune.objects.filter(_named(folded)).annotate(exact=exact))
    found = ranked.order_by("closeness", "exact", "-population", "nom").first()
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


def _shared_start(a: str, b: str) -> int:
    """How many first letters two names share."""
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


def close_communes(query: str, limit: int = 3) -> list[Commune]:
    """Communes a mistyped or partial name may mean, for « Vouliez-vous dire… ».

    Names ending with the typed words first ("Ulis" → Les Ulis), then names starting with them
    ("palaiso" → Palaiseau), then names spelled alike ("Masy" → Massy).
    """
    folded = fold_commune(split_postal_code(query)[0])
    if len(folded) < 3:
        return []
    ending = list(_ranked(Commune.objects.filter(nom_recherche__endswith=" " + folded))[:limit])
    ending += [c for c in _ranked(Commune.objects.filter(nom_recherche__startswith=folded))[:limit] if c not in ending]
    names = _names_for_typos(settings.ANCRAGE_HOME_EPCI)
    close = difflib.get_close_matches(folded, list(names), n=10, cutoff=0.75)
    by_pk = Commune.objects.in_bulk([names[name] for name in close])
    alike = [by_pk[names[name]] for name in close if by_pk[names[name]] not in ending]
    # The same first letters count more than the overall likeness ("palaiso": Palaiseau before Calais),
    # then the home territory and the larger communes.
    home_dept, home_region = _home(settings.ANCRAGE_HOME_EPCI)
    alike.sort(
        key=lambda c: (
            -_shared_start(folded, c.nom_recherche),
            (c.epci_id != settings.ANCRAGE_HOME_EPCI, c.departement != home_dept, c.region != home_region),
            -c.population,
        )
    )
    return (ending + alike)[:limit]
