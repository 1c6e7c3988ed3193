"""The merge rules' declaration in the public register of algorithms (`/algorithmes/fusion-des-donnees/`).

Read at each call from the constants `merging/decide.py`, `merging/similarity.py`, `merging/detect.py` and the
import profiles run with: change a threshold, a weight or a kind of body and the register shows it.
"""

from core.algorithms import Declaration, Parameter, Rule, constant, french
from datahub.importers import profiles
from datahub.merging import decide

SLUG = "fusion-des-donnees"
_D = "datahub.merging.decide"
_S = "datahub.merging.similarity"


def _percent(value: float) -> str:
    return f"{round(value * 100)}\u00a0%"


def _kinds(kinds: dict) -> str:
    return " ; ".join(f"{kind} : {', '.join(words)}" for kind, words in kinds.items())


def parameters() -> tuple[Parameter, ...]:
    return (
        constant(
            f"{_D}.SAME_SPOT_M", "Même endroit",
            "Deux positions précises plus proches que cela sont au même endroit (une même adresse dans la même "
            "commune aussi).",
            "m",
        ),
        constant(
            f"{_D}.NEAR_M", "Proches",
            "Deux positions précises plus proches que cela sont voisines ; plus loin, une même adresse ne suffit "
            "plus à les dire au même endroit.",
            "m",
        ),
        constant(
            f"{_D}.AUTO_NAMES", "Noms semblables pour fusionner",
            "Ressemblance des noms à partir de laquelle deux lieux au même endroit sont fusionnés.",
            show=_percent,
        ),
        constant(
            f"{_D}.AUTO_NAMES_SAME_SIRET", "Noms semblables pour fusionner, même SIRET",
            "Seuil de ressemblance des noms quand les deux lieux au même endroit ont le même SIRET.",
            show=_percent,
        ),
        constant(
            f"{_D}.REVIEW_NAMES", "Noms semblables pour une vérification",
            "Ressemblance à partir de laquelle deux lieux proches sont proposés à la coordination.",
            show=_percent,
        ),
        constant(
            f"{_D}.REVIEW_NAMES_SAME_SIRET", "Même SIRET, loin l’un de l’autre",
            "Ressemblance à partir de laquelle deux lieux de même SIRET, même éloignés (un déménagement ?), sont "
            "proposés à la coordination.",
            show=_percent,
        ),
        constant(
            f"{_S}.CONTAINMENT_WEIGHT", "Poids des mots en commun (inclusion)",
            "Poids de la part des mots distinctifs du nom le plus court retrouvés dans l’autre.",
        ),
        constant(
            f"{_S}.OVERLAP_WEIGHT", "Poids des mots en commun (recouvrement)",
            "Poids de la part de tous les mots distinctifs communs aux deux noms.",
        ),
        constant(
            f"{_S}.SHARED_WEIGHT", "Poids de plusieurs mots partagés",
            "Quand au moins le nombre de mots ci-dessous est partagé, la ressemblance vaut au moins ce poids × la"
            " part d’inclusion.",
        ),
        constant(
            f"{_S}.SHARED_MIN", "Mots partagés pour ce poids",
            "Nombre de mots distinctifs communs à partir duquel le poids ci-dessus s’applique.",
        ),
        constant(
            f"{_S}.GENERIC_WORDS", "Mots qui ne distinguent pas",
            "Ces mots disent quelle sorte de lieu, pas lequel : ils ne comptent pas comme mots distinctifs.",
        ),
        constant(
            f"{_S}.KINDS", "Natures d’organismes reconnues par leur nom",
            "Deux organismes de natures différentes (une mairie et son CCAS) ne sont jamais fusionnés "
            "automatiquement.",
            show=_kinds,
        ),
        constant(
            "datahub.merging.detect.MAX_PROPOSALS", "Vérifications proposées par lieu",
            "Au plus ce nombre de doublons possibles est proposé pour un nouveau lieu, les plus ressemblants "
            "d’abord.",
        ),
        constant(
            "datahub.importers.profiles.ONE_PLACE_PER_ID_SOURCES", "Listes officielles d’un lieu par identifiant",
            "Deux fiches d’une de ces listes ne sont jamais fusionnées automatiquement.",
        ),
    )  # fmt: skip


def rules() -> tuple[Rule, ...]:
    auto, siret = _percent(decide.AUTO_NAMES), _percent(decide.AUTO_NAMES_SAME_SIRET)
    review, far = _percent(decide.REVIEW_NAMES), _percent(decide.REVIEW_NAMES_SAME_SIRET)
    spot, near = french(decide.SAME_SPOT_M, "m"), french(decide.NEAR_M, "m")
    lists = french(profiles.ONE_PLACE_PER_ID_SOURCES)
    return (
        Rule("F1-comparaison", (
            "Après chaque import, chaque nouveau lieu est comparé aux lieux déjà connus proches de lui (environ "
            "220 m), de même SIRET ou à la même adresse. Les noms sont comparés sans majuscules, accents, ordre "
            "des mots ni abréviations ; deux noms aux numéros différents ne se ressemblent pas."
        )),
        Rule("F2-fusion-automatique", (
            f"Deux lieux sont fusionnés automatiquement s’ils sont au même endroit (à moins de {spot}, ou à la "
            f"même adresse sans être à plus de {near}) et que leurs noms se ressemblent à {auto} au moins, ou à "
            f"{siret} au moins avec le même SIRET."
        )),
        Rule("F3-verification", (
            f"Sont proposés à la coordination, qui décide : deux lieux proches (moins de {near} ou même adresse) "
            f"aux noms semblables à {review} au moins ; deux lieux au même endroit de même SIRET, quels que soient "
            f"leurs noms ; deux lieux de même SIRET aux noms semblables à {far} au moins, même éloignés."
        )),
        Rule("F4-siret-seul", (
            "Un même SIRET ne suffit jamais à fusionner : celui d’une mairie couvre toutes ses bibliothèques."
        )),
        Rule("F5-natures", (
            "Deux organismes dont les noms disent des natures différentes (mairie, CCAS, France Services, "
            "bibliothèque…) ne sont jamais fusionnés automatiquement : au plus, ils sont proposés à la coordination."
        )),
        Rule("F6-listes-officielles", (
            f"Deux fiches d’une liste officielle qui donne un identifiant par lieu ({lists}) ne sont jamais "
            "fusionnées automatiquement."
        )),
        Rule("F7-decisions-gardees", (
            "Une décision de la coordination (fusionner, refuser, annuler une fusion) est gardée pour chaque paire "
            "d’enregistrements des sources : un lieu réimporté plus tard n’est pas reproposé, ou est refusionné."
        )),
        Rule("F8-valeurs", (
            "Un lieu connu par plusieurs sources montre, champ par champ, la valeur de la source la plus récemment "
            "mise à jour qui en donne une ; une valeur vide n’efface jamais celle d’une autre source."
        )),
        Rule("F9-position", (
            "La position vient entière de l’enregistrement le plus récent qui la connaît précisément ; le centre "
            "d’une commune ne remplace jamais une position précise dans la même commune."
        )),
        Rule("F10-version-plus-recente", (
            "Une version qui n’est pas plus récente que celle déjà enregistrée, venue d’un autre fichier, n’est pas "
            "appliquée ; le flux qui a écrit un enregistrement peut toujours le corriger."
        )),
        Rule("F11-corrections", (
            "Une correction d’une structure ou de la coordination tient jusqu’à ce que la source change cette "
            "valeur-là ; une valeur répétée à l’identique ne l’annule pas."
        )),
        Rule("F12-annulation", (
            "Toute fusion, automatique ou non, peut être annulée : le lieu absorbé retrouve son numéro, ses "
            "sources et ses services. Deux services de même nom deviennent un seul service à deux sources."
        )),
    )  # fmt: skip


DATA = (
    (
        "Les fiches des lieux : nom, adresse, commune, position, SIRET, date de mise à jour",
        "Les bases nationales (data·inclusion, la cartographie nationale des lieux de médiation numérique, "
        "la liste des France Services) et les fichiers des partenaires importés par la coordination",
    ),
    ("Les corrections des structures et de la coordination", "Les personnes qui les ont saisies sur le site"),
    ("Les décisions déjà prises sur des paires de lieux", "La coordination"),
)

OPERATIONS = (
    "Importer un fichier : chaque ligne devient un enregistrement de sa source.",
    "Pour chaque nouveau lieu, chercher les lieux voisins, de même SIRET ou à la même adresse (F1).",
    "Mesurer la ressemblance des noms et la distance ; noter les raisons (noms semblables à N %, à N m, "
    "même adresse, même SIRET, natures différentes).",
    "Appliquer les décisions déjà prises sur ces paires (F7).",
    "Fusionner quand c’est sûr (F2, F4, F5, F6) ; sinon proposer au plus les paires les plus ressemblantes "
    "à la coordination (F3).",
    "Recalculer chaque champ du lieu à partir de ses sources (F8, F9, F10, F11).",
)


def declare() -> Declaration:
    return Declaration(
        slug=SLUG,
        name="Fusion des données des différentes sources",
        purpose="Reconnaître un même lieu décrit par plusieurs sources, pour n’en montrer qu’une fiche, avec les "
        "informations les plus récentes.",
        part_in_outcome=(
            "Une aide à la coordination : la fusion automatique ne se fait que lorsque c’est sûr, et elle peut "
            "toujours être annulée ; dans le doute, ce sont les personnes de la coordination qui décident, "
            "en comparant les deux fiches champ par champ. Aucune décision ne porte sur une personne."
        ),
        data=DATA,
        operations=OPERATIONS,
        human_role=(
            "La coordination examine les doublons possibles dans la file de modération, fusionne ou refuse, et "
            "peut annuler toute fusion. Une structure qui voit sa fiche mélangée avec une autre, ou une "
            "information remplacée à tort, le signale avec « Signaler une erreur » sur la page du lieu ou par la "
            "page « Contact »."
        ),
        module="datahub.merging",
        parameters=parameters(),
        rules=rules(),
    )


def register() -> None:
    from core import algorithms

    algorithms.register(SLUG, declare)
