"""The search's declaration in the public register of algorithms (« Algorithmes publics », `/algorithmes/recherche/`).

Read at each call from the constants and settings `domain/search.py`, `explain.py`, `hours.py`, `geo.py` and the
search form run with: change one of them and the register shows it (and the suite asks for a new version entry).
"""

from core.algorithms import Declaration, Parameter, Rule, constant, french
from directory import forms
from directory.domain import explain, hours, search

SLUG = "recherche"
_S = "directory.domain.search"


def _hide_after(days: int) -> str:
    return "jamais (toutes les fiches sont montrées)" if not days else french(days, "jours")


def parameters() -> tuple[Parameter, ...]:
    return (
        constant(
            "settings.ANCRAGE_DEFAULT_RADIUS_KM", "Distance par défaut",
            "Le rayon de recherche quand vous n’en choisissez pas.", "km",
        ),
        constant(
            "directory.forms.RADII_KM", "Distances proposées",
            "Les rayons que vous pouvez choisir dans le formulaire.", "km",
        ),
        Parameter(
            "Distance maximale", french(max(forms.RADII_KM), "km"),
            "Le plus grand rayon proposé. Au-delà, seuls les lieux les plus proches sont montrés, "
            "quand rien n’est trouvé.",
            "directory.forms.RADII_KM",
        ),
        constant(
            f"{_S}.SAME_DISTANCE_KM", "Égalité de distance",
            "Deux lieux dont les distances diffèrent de moins que cela sont à égalité : "
            "l’adresse précise passe alors devant.", "km",
        ),
        constant(
            f"{_S}.APPROXIMATE_FROM_KM", "Distance dite « environ »",
            "Pour un lieu placé au centre de sa commune : en dessous, on dit « dans la commune de… » ; "
            "au-delà, « à environ N km ».", "km",
        ),
        constant(
            "directory.domain.hours.HORIZON_DAYS", "Horizon des horaires",
            "« Ouvert le mardi » veut dire : ouvert un mardi dans ce nombre de jours ; "
            "« fermé » : aucune ouverture dans ce délai.", "jours",
        ),
        constant(
            "settings.ANCRAGE_HIDE_AFTER_DAYS", "Fiches anciennes écartées après",
            "Les fiches non vérifiées depuis plus longtemps ne sont pas montrées, "
            "sauf si la case « Inclure les fiches anciennes » est cochée.",
            show=_hide_after,
        ),
        constant(
            "directory.domain.explain.WIDER_RADII_KM", "Élargissements essayés",
            "Quand rien n’est trouvé, ces rayons sont essayés ; le plus petit qui trouve un lieu est proposé.", "km",
        ),
        constant(
            f"{_S}.NEAREST_LIMIT", "Lieux les plus proches montrés",
            "Quand rien n’est trouvé : ce nombre de lieux, les plus proches, à toute distance.",
        ),
        constant(
            f"{_S}.NEAREST_MAX_ROWS", "Lieux examinés sans limite de distance",
            "Au plus ce nombre de lieux, les plus proches, est examiné quand la distance n’est pas limitée.",
        ),
        constant(
            f"{_S}.REMOTE_LIMIT", "Aides à distance montrées",
            "Quand rien n’est trouvé : ce nombre d’aides par téléphone ou en visio ouvertes aux habitants "
            "de la commune.",
        ),
        constant(
            "directory.domain.geo.EARTH_RADIUS_KM", "Rayon de la Terre",
            "Sert à calculer les distances à vol d’oiseau.", "km",
        ),
    )  # fmt: skip


def rules() -> tuple[Rule, ...]:
    return (
        Rule("R1-besoin", (
            "Un lieu est retenu s’il propose au moins un service qui répond au besoin choisi, selon les thématiques "
            "et les types d’accompagnement des standards nationaux ; pour quelques besoins, la nature du lieu "
            "suffit (une ressourcerie reprend le matériel)."
        )),
        Rule("R2-filtres", (
            "Les filtres sur les services (gratuit, public, à distance ou sur place, rendez-vous en ligne) doivent "
            "être remplis par un même service du lieu. Le filtre « public » garde aussi les services ouverts à tous "
            "et ceux qui ne précisent pas leur public."
        )),
        Rule("R3-distance", (
            "Seuls les lieux situés à moins de la distance choisie sont retenus, à vol d’oiseau depuis la mairie "
            "de la commune indiquée ou depuis votre position."
        )),
        Rule("R4-ordre", (
            "Les lieux sont classés du plus proche au plus éloigné, puis par nom. Sans commune ni position "
            "(recherche par nom seulement), ils sont classés par nom."
        )),
        Rule("R5-adresse-imprecise", (
            f"À distance égale (à {french(search.SAME_DISTANCE_KM, 'km')} près), un lieu placé au centre de sa "
            "commune, faute d’adresse précise, vient après les lieux dont l’adresse est connue."
        )),
        Rule("R6-horaires", (
            f"Sous un filtre de jour, un lieu est gardé s’il ouvre ce jour-là dans les {hours.HORIZON_DAYS} "
            "prochains jours (ou à l’instant, pour « ouvert maintenant »), à l’heure de son propre fuseau. Un jour "
            "férié dont les horaires ne disent rien n’est pas compté comme ouvert."
        )),
        Rule("R7-horaires-inconnus", (
            "Sous un filtre de jour, les lieux dont les horaires sont inconnus ou illisibles ne sont pas écartés : "
            "ils sont montrés à part, après ceux qui ouvrent."
        )),
        Rule("R8-fermetures", (
            "Les fermetures et horaires exceptionnels déclarés par les lieux s’appliquent aux filtres de jour "
            "comme aux horaires affichés."
        )),
        Rule("R9-nom", (
            "La recherche par nom ne tient compte ni des majuscules, ni des accents, ni de la ponctuation ; chaque "
            "mot tapé doit figurer dans le nom du lieu ou de sa structure."
        )),
        Rule("R10-fiches-anciennes", (
            "Si le site fixe une durée, les fiches non vérifiées depuis plus longtemps sont écartées, sauf si vous "
            "cochez « Inclure les fiches anciennes »."
        )),
        Rule("R11-aucune-promotion", (
            "Aucun lieu n’est mis en avant pour une autre raison : pas de publicité, pas de partenaire payant, "
            "pas de note."
        )),
        Rule("R12-rien-trouve", (
            f"Quand rien n’est trouvé, les élargissements (rayon de {french(explain.WIDER_RADII_KM, 'km')}, aide à "
            "distance, sans les filtres, tous les besoins) sont essayés d’abord ; seuls ceux qui trouvent un lieu "
            f"sont proposés, avec leur nombre. S’y ajoutent les {search.NEAREST_LIMIT} lieux les plus proches à "
            f"toute distance, {search.REMOTE_LIMIT} aides à distance ouvertes à la commune et la ligne d’aide "
            "nationale."
        )),
    )  # fmt: skip


DATA = (
    (
        "Les lieux et leurs services : nom, adresse, position, thématiques, publics, frais, modes d’accueil, "
        "horaires, fermetures",
        "Les bases nationales (data·inclusion, qui reprend DORA ; la cartographie nationale des lieux de médiation "
        "numérique), les fichiers des partenaires, les corrections des structures et de la coordination",
    ),
    ("La commune, le code postal ou la position que vous indiquez, et vos filtres", "Vous, dans le formulaire"),
    (
        "La position de la mairie de chaque commune, ses codes postaux, son fuseau horaire",
        "Le code officiel géographique de l’INSEE et la base officielle des codes postaux",
    ),
    ("Les jours fériés", "Le calendrier officiel français"),
    ("La date de la dernière vérification de chaque fiche", "Les structures, la coordination, les bases nationales"),
)

OPERATIONS = (
    "Lire votre demande : le besoin, la commune ou la position, la distance, les filtres.",
    "Garder les lieux publiés dont un service répond au besoin et aux filtres (règles R1, R2, R9, R10).",
    "Garder ceux qui sont dans la distance choisie, à vol d’oiseau (R3).",
    "Les classer du plus proche au plus éloigné ; à égalité, l’adresse précise d’abord (R4, R5).",
    "Sous un filtre de jour, calculer pour chaque lieu s’il ouvre, dans son fuseau horaire, et mettre à part ceux "
    "dont les horaires sont inconnus (R6, R7, R8).",
    "Afficher la liste, avec « Pourquoi ces résultats ? » qui redit les règles appliquées à votre recherche.",
    "Si rien n’est trouvé, proposer les élargissements qui trouvent quelque chose, les lieux les plus proches et "
    "l’aide à distance (R12).",
)


def declare() -> Declaration:
    return Declaration(
        slug=SLUG,
        name="Classement des résultats de la recherche",
        purpose="Trouver les lieux d’aide au numérique qui répondent à un besoin, près d’une commune ou d’une "
        "position, et les classer du plus proche au plus éloigné.",
        part_in_outcome=(
            "Une aide pour choisir, jamais une décision : la recherche propose une liste de lieux, elle n’accorde "
            "ni ne refuse rien. Vous choisissez le lieu ; le lieu décide de son accueil. Le classement ne dépend que "
            "de la distance et de la précision de l’adresse."
        ),
        data=DATA,
        operations=OPERATIONS,
        human_role=(
            "Vous restez libre : changez la distance, les filtres ou le besoin, ou choisissez un lieu plus loin dans "
            "la liste. Les informations viennent des lieux et des bases nationales et peuvent être anciennes : "
            "appelez avant de vous déplacer. Une information fausse se corrige avec « Signaler une erreur » sur la "
            "page du lieu ; une question ou une contestation du classement s’adresse à l’équipe du site."
        ),
        module="directory.domain.search",
        parameters=parameters(),
        rules=rules(),
    )


def register() -> None:
    from core import algorithms

    algorithms.register(SLUG, declare)
