"""The needs a person can name, in plain French, mapped to the national vocabularies.

A service answers a need when its « lieux » services match it, or, for services described only
with data·inclusion thématiques, when its thématiques do.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from standards import dataincl as di


@dataclass(frozen=True)
class Need:
    slug: str
    label: str  # lazy: in the language of the page
    mediation: tuple[str, ...]
    thematiques: tuple[str, ...]
    typologies: tuple[str, ...] = ()  # kinds of place that answer it whatever their services


NEEDS = [
    Need(
        "demarches",
        _("Faire mes démarches administratives en ligne (CAF, impôts, santé, retraite…)"),
        ("Aide aux démarches administratives",),
        (di.DEMARCHES, di.SL, di.ACCES_DROITS),
    ),
    Need(
        "outils",
        _("Apprendre à me servir d’un ordinateur, d’une tablette ou d’un téléphone"),
        ("Maîtrise des outils numériques du quotidien",),
        (di.MF,),
    ),
    Need(
        "securite",
        _("Utiliser internet en sécurité (arnaques, mots de passe, données personnelles)"),
        ("Utilisation sécurisée du numérique",),
        (di.MF,),
    ),
    Need(
        "emploi",
        _("Chercher un emploi ou une formation avec le numérique"),
        ("Insertion professionnelle via le numérique",),
        (di.EMPLOI, "preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation"),
    ),
    Need(
        "parents",
        _("Accompagner mes enfants dans leur usage du numérique"),
        ("Parentalité et éducation avec le numérique",),
        (di.PARENTALITE,),
    ),
    Need(
        "comprendre",
        _("Comprendre le numérique (réseaux sociaux, information, intelligence artificielle)"),
        ("Compréhension du monde numérique",),
        (di.MF,),
    ),
    Need(
        "loisirs",
        _("Créer, me cultiver, me divertir avec le numérique"),
        ("Loisirs et créations numériques",),
        (di.LOISIRS,),
    ),
    # The municipal programme's devices and connectivity. The lieux standard has one value for internet and
    # equipment access, so "wifi" and "acces" find the same lieux; data·inclusion's thématique « Accéder à
    # une connexion Internet » tells the WiFi ones apart.
    Need(
        "wifi",
        _("Me connecter à internet gratuitement (WiFi, accès libre)"),
        ("Accès internet et matériel informatique",),
        (di.CX,),
    ),
    Need(
        "acces",
        _("Utiliser un ordinateur ou une imprimante sur place"),
        ("Accès internet et matériel informatique",),
        (),
    ),
    Need(
        "equipement",
        _("Acheter un ordinateur ou un téléphone reconditionné, à prix solidaire"),
        ("Acquisition de matériel informatique à prix solidaire",),
        (di.EQ,),
    ),
    # No value of either standard says "collects old devices": the ressourceries (lieux typologie) do.
    Need(
        "don",
        _("Donner un ancien ordinateur ou téléphone pour qu’il soit reconditionné"),
        (),
        (),
        ("RESSOURCERIE",),
    ),
]
BY_SLUG = {need.slug: need for need in NEEDS}
CHOICES = [(need.slug, need.label) for need in NEEDS]
