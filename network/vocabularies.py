"""The network's own short lists: labels an aidant may hold, languages spoken. Needs and publics come from
`directory.needs` and `standards.dataincl` (one vocabulary each, never copied)."""

from django.utils.translation import gettext_lazy as _

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
        (AIDANTS_CONNECT, _("Habilitation Aidants Connect")),
        (CONSEILLER_NUMERIQUE, _("Conseiller ou conseillère numérique")),
        (FRANCE_SERVICES, _("Agent France Services")),
        (PIX, _("Certification Pix ou formation Pix")),
        (OTHER_LABEL, _("Autre formation ou label")),
    ),
)

# The languages people ask for most in the territory's places; French is implied.
LANGUAGES = Vocabulary(
    "langues",
    (
        ("en", _("anglais")),
        ("ar", _("arabe")),
        ("es", _("espagnol")),
        ("pt", _("portugais")),
        ("tr", _("turc")),
        ("ro", _("roumain")),
        ("zh", _("chinois")),
        ("ta", _("tamoul")),
        ("ru", _("russe")),
        ("uk", _("ukrainien")),
        ("lsf", _("langue des signes française")),
    ),
)

NEEDS = Vocabulary("besoins", tuple(NEED_CHOICES))
PUBLICS = PUBLICS


def keys(**lists: list[str]) -> str:
    """`|need:demarches|lang:ar|`: one text column that both databases filter with `contains`."""
    return "|" + "".join(f"{kind}:{value}|" for kind, values in lists.items() for value in values)
