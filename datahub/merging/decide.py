"""Whether two places are one: merge, ask a coordinator, or leave apart.

Rules (documented in docs/VOCABULARIES.md, « Fusion des doublons »):
- same place for sure (automatic merge): at the same spot (under 50 m apart, or the same address in
  the same commune) AND names alike (similarity ≥ 0.85); or at the same spot with the same SIRET and
  names fairly alike (≥ 0.6).
- maybe (review queue): close (under 150 m, or same address) with names somewhat alike (≥ 0.5); at
  the same spot with the same SIRET whatever the names; same SIRET and very alike names (≥ 0.85) even
  far apart (a move?).
- otherwise apart. A shared SIRET alone never merges: a town hall's SIRET covers all its libraries.
- two bodies of different kinds (a CCAS, a town hall, a France Services…: `similarity.name_kinds`)
  are never merged automatically, even at one address with the same distinctive words: at most a review.
"""

from dataclasses import dataclass
from enum import Enum

from django.utils.translation import gettext

from datahub.merging.similarity import PlaceSummary, address_key, different_kinds, distance_m, name_similarity

SAME_SPOT_M = 50  # closer than this (or at the same address), two places are at the same spot
NEAR_M = 150  # closer than this, they are near each other
AUTO_NAMES = 0.85  # name similarity for a sure merge at the same spot
AUTO_NAMES_SAME_SIRET = 0.6  # … when both have the same SIRET
REVIEW_NAMES = 0.5  # name similarity for a review when near
REVIEW_NAMES_SAME_SIRET = 0.85  # name similarity for a review with the same SIRET, even far apart (a move?)


class Level(Enum):
    NONE = 0
    REVIEW = 1
    AUTO = 2


@dataclass(frozen=True)
class Decision:
    level: Level
    score: float
    reasons: str


def decide(a: PlaceSummary, b: PlaceSummary) -> Decision:
    names = name_similarity(a.nom, b.nom)
    distance = distance_m(a, b)
    key_a = address_key(a.adresse, a.code_insee)
    same_address = bool(key_a) and key_a == address_key(b.adresse, b.code_insee)
    same_siret = bool(a.pivot) and a.pivot == b.pivot
    # Two precise positions far apart outweigh a same address (one of them is wrongly geocoded, or
    # the address is a head office): at most a review then.
    far = distance is not None and distance > NEAR_M
    same_spot = (same_address and not far) or (distance is not None and distance <= SAME_SPOT_M)
    near = same_address or (distance is not None and distance <= NEAR_M)
    reasons = [gettext("noms semblables à %(percent)s %%") % {"percent": round(names * 100)}]
    if distance is not None:
        reasons.append(gettext("à %(metres)s m l’un de l’autre") % {"metres": round(distance)})
    if same_address:
        reasons.append(gettext("même adresse"))
    if same_siret:
        reasons.append(gettext("même SIRET (%(siret)s)") % {"siret": a.pivot})
    kinds_differ = different_kinds(a.nom, b.nom)
    if kinds_differ:
        reasons.append(gettext("organismes de natures différentes"))
    text = ", ".join(reasons)
    if same_spot and not kinds_differ and (names >= AUTO_NAMES or (same_siret and names >= AUTO_NAMES_SAME_SIRET)):
        return Decision(Level.AUTO, names, text)
    if (
        (near and names >= REVIEW_NAMES)
        or (same_spot and same_siret)
        or (same_siret and names >= REVIEW_NAMES_SAME_SIRET)
    ):
        return Decision(Level.REVIEW, names, text)
    return Decision(Level.NONE, names, text)
