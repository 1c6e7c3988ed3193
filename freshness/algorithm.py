"""The freshness cadence's declaration in the public register of algorithms (`/algorithmes/fraicheur/`).

Read at each call from the settings `domain/due.py` and `domain/requests.py` run with: change the cadence or a
delay and the register shows it.
"""

from django.conf import settings

from core.algorithms import Declaration, Parameter, Rule, constant, french

SLUG = "fraicheur"


def parameters() -> tuple[Parameter, ...]:
    return (
        constant(
            "settings.ANCRAGE_FRESHNESS_CADENCE_MONTHS", "Cadence de vérification",
            "Une fiche est à vérifier quand sa dernière vérification date d’au moins ce nombre de mois "
            "(la coordination peut fixer une autre cadence pour un lieu).", "mois",
        ),
        constant(
            "settings.ANCRAGE_FRESHNESS_REMIND_DAYS", "Rappel après",
            "Sans réponse à la demande de vérification, un seul rappel est envoyé après ce délai.", "jours",
        ),
        constant(
            "settings.ANCRAGE_FRESHNESS_ESCALATE_DAYS", "Transmission à la coordination après",
            "Sans réponse après le rappel, la fiche est signalée à la coordination (« relance sans réponse »).",
            "jours",
        ),
        constant(
            "settings.ANCRAGE_FRESHNESS_OVERDUE_DAYS", "En retard après",
            "Une fiche à vérifier depuis plus longtemps est dite « en retard ».", "jours",
        ),
        constant(
            "settings.ANCRAGE_FRESHNESS_LINK_DAYS", "Validité du lien envoyé",
            "Le lien « Mes informations sont à jour » fonctionne pendant ce délai, une seule fois.", "jours",
        ),
        constant(
            "settings.ANCRAGE_FRESHNESS_DAILY_MAX", "Demandes envoyées par jour, au plus",
            "Les fiches les plus anciennes d’abord.",
        ),
        constant(
            "settings.ANCRAGE_STALE_AFTER_DAYS", "Fiche signalée ancienne après",
            "Au-delà, la page du lieu prévient que ses informations peuvent ne plus être à jour.", "jours",
        ),
    )  # fmt: skip


def rules() -> tuple[Rule, ...]:
    cadence = french(settings.ANCRAGE_FRESHNESS_CADENCE_MONTHS, "mois")
    remind = french(settings.ANCRAGE_FRESHNESS_REMIND_DAYS, "jours")
    escalate = french(settings.ANCRAGE_FRESHNESS_ESCALATE_DAYS, "jours")
    overdue = french(settings.ANCRAGE_FRESHNESS_OVERDUE_DAYS, "jours")
    return (
        Rule("V1-echeance", (
            f"Une fiche est à vérifier le jour où sa date de vérification (« Informations vérifiées le… ») a au "
            f"moins {cadence}, ou la cadence propre du lieu ; une fiche sans date l’est dès sa création."
        )),
        Rule("V2-etats", (
            f"Trois états pour la coordination : « à jour » avant l’échéance, « à vérifier » pendant {overdue}, "
            "« en retard » ensuite."
        )),
        Rule("V3-destinataires", (
            "La demande va aux membres actifs de la structure du lieu, administrateurs d’abord ; seulement s’il n’y "
            "en a pas, à l’adresse publique du lieu (trois au plus)."
        )),
        Rule("V4-une-demande", "Une seule demande par lieu et par échéance, les fiches les plus anciennes d’abord."),
        Rule("V5-rappel", f"Sans réponse, un seul rappel {remind} après la demande."),
        Rule("V6-coordination", (
            f"Sans réponse {escalate} après le rappel, la fiche est transmise à la coordination, qui peut "
            "appeler ou passer sur place."
        )),
        Rule("V7-confirmation", (
            "Le lien reçu ouvre une page ; seul son bouton confirme. Une modification acceptée de la fiche, un "
            "signalement traité, ou un appel ou une visite de la coordination valent aussi vérification, et la "
            "date de vérification devient celle de ce jour."
        )),
    )  # fmt: skip


DATA = (
    ("La date de vérification de chaque fiche, sa cadence propre, sa date de création", "Le site"),
    (
        "Les adresses des membres de la structure, ou l’adresse publique du lieu",
        "Les comptes des membres ; la fiche publique du lieu (jamais conservées dans les demandes ni journalisées)",
    ),
    ("Les demandes déjà envoyées et leurs réponses", "Le site"),
)

OPERATIONS = (
    "Chaque jour, calculer l’échéance de chaque fiche publiée (V1).",
    "Envoyer une demande à chaque fiche arrivée à échéance qui n’en a pas encore eu pour cette échéance (V3, V4).",
    "Envoyer un rappel aux demandes restées sans réponse (V5).",
    "Transmettre à la coordination celles qui restent sans réponse après le rappel (V6).",
    "À chaque confirmation, mettre à jour la date de vérification de la fiche (V7).",
)


def declare() -> Declaration:
    return Declaration(
        slug=SLUG,
        name="Cadence de vérification des fiches",
        purpose="Demander aux structures, à intervalles réguliers, de vérifier que les informations de leurs "
        "lieux sont à jour, et prévenir la coordination quand personne ne répond.",
        part_in_outcome=(
            "Une aide à la coordination : le calcul dit quelles fiches vérifier et quand écrire ; il ne retire ni "
            "ne modifie aucune fiche. Ce sont les structures qui confirment ou corrigent, et la coordination qui "
            "relance ou décide."
        ),
        data=DATA,
        operations=OPERATIONS,
        human_role=(
            "La structure confirme ou corrige sa fiche ; la coordination peut changer la cadence d’un lieu, "
            "appeler ou passer sur place. Une structure qui reçoit trop ou pas assez de demandes, ou qui conteste "
            "l’état de sa fiche, s’adresse à la coordination par la page « Contact »."
        ),
        module="freshness.domain",
        parameters=parameters(),
        rules=rules(),
    )


def register() -> None:
    from core import algorithms

    algorithms.register(SLUG, declare)
