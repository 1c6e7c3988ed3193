"""The orientation's two algorithms, declared to the public register (`core.algorithms`) from the very rules
file and constants they run with: change a rule or a distance and the register shows it."""

from core import algorithms
from orientation.domain import rules as rulebook
from orientation.models import HALVES, Mobility

HUMAN_ROLE = (
    "Une aide à la décision, jamais une décision : la ou le professionnel lit les risques et les propositions "
    "avec la personne, choisit avec elle, peut n’en retenir aucun et orienter ailleurs. La personne peut "
    "demander comment une proposition a été faite et la contester auprès de la coordination du territoire."
)
SHEET_DATA = (
    "Fiche situation remplie par la ou le professionnel pendant l’entretien, sans nom ni identité de la personne : "
    "équipement, internet, adresse e-mail, comptes en ligne, compétences numériques (cinq domaines de l’INSEE), "
    "lecture et langue, handicap, déplacement, disponibilités, démarche et échéance, commune"
)


def _rules() -> tuple[rulebook.RuleSet, tuple[algorithms.Rule, ...]]:
    ruleset = rulebook.load()
    return ruleset, tuple(algorithms.Rule(code=r.code, text=f"{r.name} — {r.text}") for r in ruleset.rules)


def declare_risks() -> algorithms.Declaration:
    ruleset, rules = _rules()
    procedures = tuple(  # what each procedure asks of the person, from the same rules file
        algorithms.Rule(
            code=f"démarche-{key}",
            text=f"Démarche « {p.short} » : "
            + ("en ligne seulement" if p.online_only else "pas seulement en ligne")
            + (f", compte {p.account}" if p.account else "")
            + (f", compétences : {', '.join(p.skills)}" if p.skills else "")
            + ".",
        )
        for key, p in ruleset.procedures.items()
    )
    return algorithms.Declaration(
        slug="risques-exclusion",
        name="Repérage des risques d’exclusion (fiches situations)",
        purpose="Aider la ou le professionnel à repérer, à partir de la situation d’une personne, les risques "
        "d’exclusion liés au numérique et ce dont elle a besoin pour sa démarche.",
        part_in_outcome="Affiche des risques nommés avec leur raison ; ne décide rien, ne refuse rien.",
        data=(
            (SHEET_DATA, "Saisie de la ou du professionnel ; rien n’est nominatif"),
            ("Description des démarches (en ligne ou non, compte, compétences)", "Fichier des règles publié"),
        ),
        operations=(
            "Lire la fiche et ce que demande la démarche en jeu.",
            "Vérifier chaque règle écrite, dans l’ordre du fichier : une condition sur les champs de la fiche.",
            "Pour chaque règle vérifiée, afficher le risque et sa raison en français courant.",
        ),
        human_role=HUMAN_ROLE,
        module="orientation.domain.risks",
        rules=(*rules, *procedures),
        rules_version=f"{ruleset.version} du {ruleset.date.isoformat()}",
    )


def _reach(reach: dict) -> str:
    labels = dict(Mobility.choices)
    return ", ".join(f"{labels.get(mode, mode).lower()} {km} km" for mode, km in reach.items())


def _slots(slots: dict) -> str:
    return ", ".join(f"{HALVES.get(half, half)} {' – '.join(f'{t:%H:%M}' for t in hours)}"
                     if all(hasattr(t, "hour") for t in hours) else f"{half} {hours}"
                     for half, hours in slots.items())  # fmt: skip


def declare_matching() -> algorithms.Declaration:
    ruleset, rules = _rules()
    here = "orientation.domain.matching."
    parameters = (
        algorithms.constant(here + "REACH_KM", "Distance selon le déplacement",
                            "Distance maximale, à vol d’oiseau depuis le centre de la commune.", show=_reach),
        algorithms.constant(here + "DEFAULT_REACH_KM", "Distance si le mode de déplacement n’est pas dit",
                            "Rayon de recherche par défaut.", unit="km"),
        algorithms.constant(here + "ITINERANT_REACH_KM", "Rayon d’un service itinérant",
                            "Pour une personne qui ne peut pas se déplacer.", unit="km"),
        algorithms.constant(here + "MAX_RESULTS", "Nombre de propositions", "Au plus, dans l’ordre du tri."),
        algorithms.constant(here + "CANDIDATES_PER_NEED", "Candidats lus par besoin",
                            "Les plus proches, avant le tri."),
        algorithms.constant(here + "SLOT_HOURS", "Demi-journées",
                            "Un service doit être ouvert sur ce créneau un jour des prochains jours, pour les "
                            "disponibilités de la personne.", show=_slots),
        algorithms.constant(here + "AVAILABILITY_DAYS", "Jours regardés pour les disponibilités",
                            "Les horaires sont lus sur ces prochains jours.", unit="jours"),
    )  # fmt: skip
    return algorithms.Declaration(
        slug="orientation-correspondance",
        name="Propositions de services pour une situation",
        purpose="Proposer à la ou au professionnel des services publiés de l’annuaire qui répondent aux risques "
        "repérés et à la démarche de la personne, près d’elle ou à distance, ouverts quand elle est disponible, "
        "avec l’accompagnement adapté dont elle a besoin.",
        part_in_outcome="Une liste ordonnée de propositions expliquées (« Pourquoi ce service ? ») ; la ou le "
        "professionnel choisit avec la personne. Un besoin sans réponse est compté, sans donnée personnelle.",
        data=(
            (SHEET_DATA, "Saisie de la ou du professionnel"),
            ("Risques repérés", "Algorithme « Repérage des risques d’exclusion »"),
            (
                "Lieux et services publiés : besoins, accueil, horaires, prise en charge spécifique, position",
                "Annuaire d’Ancrage (data·inclusion, cartographie nationale, structures, coordination)",
            ),
            ("Position et code des communes", "INSEE, Code officiel géographique"),
        ),
        operations=(
            "Chercher dans l’annuaire, pour la démarche et chaque besoin des risques, les services publiés et à "
            "jour : sur place dans le rayon du mode de déplacement, ou à distance et itinérants si la personne ne "
            "peut pas se déplacer.",
            "Écarter ceux dont les horaires connus ne sont jamais ouverts quand la personne est disponible ; "
            "garder ceux dont les horaires sont inconnus, « à vérifier ».",
            "Compter les risques auxquels chacun répond (besoin, accompagnement adapté, en personne ou à distance).",
            "Trier : d’abord le nombre de risques couverts (chacun compte 1), puis la démarche couverte, puis les "
            "horaires connus, puis le plus proche ; garder les premiers, et expliquer chacun en français courant.",
            "Compter comme besoin non couvert (besoin × commune × règle × mois) chaque risque qu’aucun ne couvre.",
        ),
        human_role=HUMAN_ROLE,
        module="orientation.domain.matching",
        parameters=parameters,
        rules=rules,
        rules_version=f"{ruleset.version} du {ruleset.date.isoformat()}",
    )


def register() -> None:
    algorithms.register("risques-exclusion", declare_risks)
    algorithms.register("orientation-correspondance", declare_matching)
