"""The network's own short lists: labels an aidant may hold, languages spoken. Needs and publics come from
`directory.needs` and `standards.dataincl` (one vocabulary each, never copied)."""

from directory.needs import CHOICES as NEED_CHOICES
from standards.dataincl import PUBLICS
from standards.vocabulary import Vocabulary

AIDANTS_CONNECT = "aidants-connect"
CONSEILLER_NUMERIQUE = "conseiller-numerique"
FRANCE_SERVICES = "france-services"
PIX = "pix"
OTHER_LABEL = "autre"

LABELS = Vocabulary(
    "labels",
    (
        (AIDANTS_CONNECT, "Habilitation Aidants Connect"),
        (CONSEILLER_NUMERIQUE, "Conseiller ou conseillère numérique"),
        (FRANCE_SERVICES, "Agent France Services"),
        (PIX, "Certification Pix ou formation Pix"),
        (OTHER_LABEL, "Autre formation ou label"),
    ),
)

# The languages people ask for most in the territory's places; French is implied.
LANGUAGES = Vocabulary(
    "langues",
    (
        ("en", "anglais"),
        ("ar", "arabe"),
        ("es", "espagnol"),
        ("pt", "portugais"),
        ("tr", "turc"),
        ("ro", "roumain"),
        ("zh", "chinois"),
        ("ta", "tamoul"),
        ("ru", "russe"),
        ("uk", "ukrainien"),
        ("lsf", "langue des signes française"),
    ),
)

NEEDS = Vocabulary("besoins", tuple(NEED_CHOICES))
PUBLICS = PUBLICS


def keys(**lists: list[str]) -> str:
    """`|need:demarches|lang:ar|`: one text column that both databases filter with `contains`."""
    return "|" + "".join(f"{kind}:{value}|" for kind, values in lists.items() for value in values)
