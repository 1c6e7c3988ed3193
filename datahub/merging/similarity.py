"""How alike two places are: names, addresses, positions, SIRET. Pure functions, no database."""

import math
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from territory.text import fold

# Words that say what kind of place it is, not which one: two places share them without being one.
GENERIC_WORDS = {
    "de", "du", "des", "la", "le", "les", "l", "d", "et", "a", "au", "aux", "en", "sur",
    "espace", "centre", "maison", "point", "lieu", "site", "association", "asso", "ville", "commune",
    "mairie", "cdc", "ccas", "france", "services", "service", "numerique", "social", "sociale", "quartier",
}  # fmt: skip
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "av": "avenue", "bd": "boulevard", "pl": "place", "r": "rue"}
_NUMBER = re.compile(r"\d+")
# The name similarity is the best of: the text ratio of the sorted words; CONTAINMENT_WEIGHT × the share of the
# shorter name's distinctive words found in the other + OVERLAP_WEIGHT × the share of all distinctive words in
# common; SHARED_WEIGHT × that containment when at least SHARED_MIN distinctive words are shared.
CONTAINMENT_WEIGHT = 0.5
OVERLAP_WEIGHT = 0.5
SHARED_WEIGHT = 0.8
SHARED_MIN = 2
# Kinds of bodies, told by their names: two bodies of different kinds at one address (the town hall
# and its CCAS, a France Services in the town hall) are two places, whatever else their names share.
KINDS = {
    "ccas": ("ccas", "cias", "centre communal d action sociale", "centre intercommunal d action sociale"),
    "mairie": ("mairie", "hotel de ville", "ville de", "commune de"),
    "france-services": ("france services", "france service", "msap", "maison de services au public"),
    "bibliotheque": ("bibliotheque", "mediatheque"),
    "intercommunalite": ("cdc", "communaute de communes", "communaute d agglomeration", "agglomeration"),
    "centre-social": ("centre social", "centre socioculturel", "espace de vie sociale"),
    "emploi": ("pole emploi", "france travail", "mission locale"),
    "caf": ("caf", "caisse d allocations familiales"),
}


@dataclass(frozen=True)
class PlaceSummary:
    """The few fields matching needs, read from the database in one query."""

    pk: int
    nom: str
    pivot: str
    adresse: str
    code_insee: str
    latitude: float | None
    longitude: float | None
    approximate: bool

    @property
    def precise(self) -> bool:
        return self.latitude is not None and self.longitude is not None and not self.approximate


def _words(text: str) -> list[str]:
    return [_ABBREVIATIONS.get(w, w) for w in fold(text).split()]


def distinctive_words(nom: str) -> set[str]:
    """The words of a name that say which place it is ("Jules Verne" in "Médiathèque Jules Verne")."""
    return set(_words(nom)) - GENERIC_WORDS


def name_similarity(a: str, b: str) -> float:
    """0 to 1. Case, accents and word order do not matter; different numbers never match."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    if set(_NUMBER.findall(" ".join(wa))) != set(_NUMBER.findall(" ".join(wb))):
        return 0.0
    ratio = SequenceMatcher(None, " ".join(sorted(wa)), " ".join(sorted(wb))).ratio()
    sa, sb = set(wa) - GENERIC_WORDS, set(wb) - GENERIC_WORDS
    if sa and sb:
        # "Le Petit Lien" inside "Espace services jeunesse - Le Petit Lien": the distinctive words are shared.
        containment = len(sa & sb) / min(len(sa), len(sb))
        overlap = len(sa & sb) / len(sa | sb)
        shared = SHARED_WEIGHT * containment if len(sa & sb) >= SHARED_MIN else 0
        ratio = max(ratio, CONTAINMENT_WEIGHT * containment + OVERLAP_WEIGHT * overlap, shared)
    return round(min(ratio, 1.0), 3)


def name_kinds(name: str) -> frozenset[str]:
    """The kinds of body a name says ("CCAS de Pégomas" → {"ccas"}); empty when it says none."""
    text = f" {fold(name)} "
    return frozenset(kind for kind, words in KINDS.items() if any(f" {w} " in text for w in words))


def different_kinds(a: str, b: str) -> bool:
    """Both names say what kind of body they are, and no kind is common to both."""
    ka, kb = name_kinds(a), name_kinds(b)
    return bool(ka) and bool(kb) and not ka & kb


def address_key(adresse: str, code_insee: str) -> str:
    """ "42/44 RUE DES POMMIERS" and "42 rue des Pommiers", in the same commune, give the same key."""
    words = _words(adresse)
    if not words or not code_insee:
        return ""
    number = words[0] if words[0].isdigit() else ""
    rest = [w for w in words if not w.isdigit() and w not in {"bis", "ter"}]
    return f"{code_insee}:{number}:{' '.join(rest)}" if rest else ""


def distance_m(a: PlaceSummary, b: PlaceSummary) -> float | None:
    """Metres between two precise positions; None when one of them is unknown or approximate."""
    if not (a.precise and b.precise):
        return None
    lat = math.radians((a.latitude + b.latitude) / 2)
    dy = (a.latitude - b.latitude) * 111_195
    dx = (a.longitude - b.longitude) * 111_195 * math.cos(lat)
    return math.hypot(dx, dy)
