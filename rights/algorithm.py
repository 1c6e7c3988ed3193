"""The pre-check's declaration in the public register of algorithms (`core.algorithms`), read from the running
code: the benefits, the conversions and the rules of interpretation, and the pinned model versions."""

import re
from functools import cache
from pathlib import Path

from core.algorithms import Declaration, Rule, constant, french

REQUIREMENTS = Path(__file__).resolve().parent / "engine" / "requirements.txt"


@cache
def pinned_versions() -> dict[str, str]:
    """The engine's pinned OpenFisca-France and OpenFisca-Core versions (its hashed requirements)."""
    text = REQUIREMENTS.read_text(encoding="utf-8")
    found = dict(
        re.findall(r"^(openfisca-(?:france|core))(?:\[[^\]]*\])?==([\w.]+)", text, flags=re.MULTILINE | re.IGNORECASE)
    )
    return {"openfisca_france": found.get("openfisca-france", "?"), "openfisca_core": found.get("openfisca-core", "?")}


def _labels(benefits) -> str:
    return ", ".join(getattr(b, "label", str(b)) for b in benefits)


def declare() -> Declaration:
    versions = pinned_versions()
    return Declaration(
        slug="droits",
        name="Estimation des droits aux aides sociales (« Vérifier ses droits »)",
        purpose="Aider une personne, seule ou avec un professionnel, à repérer les aides auxquelles son foyer a "
        "probablement droit sans les percevoir (non-recours), et lui dire comment les demander.",
        part_in_outcome="Une aide à la décision de la personne : une estimation, jamais une décision. L’organisme qui "
        "verse chaque aide (Caf, Assurance maladie, caisse de retraite, MDPH, établissement scolaire) décide sur "
        "les justificatifs.",
        data=(
            ("Composition du foyer, âges, scolarité des enfants", "Réponses de la personne, non enregistrées"),
            ("Revenus nets des 12 derniers mois, revenu fiscal de référence", "Réponses de la personne"),
            ("Logement, loyer, commune, taux d’incapacité, aides déjà perçues", "Réponses de la personne"),
            ("Barèmes et règles des aides", f"OpenFisca-France {versions['openfisca_france']}"),
        ),
        operations=(
            "Les réponses sont traduites en situation OpenFisca : faits stables sur les 12 derniers mois et le mois "
            "estimé, revenus mensuels supposés réguliers, revenus de l’année N-2 pour les aides qui les lisent.",
            "Les aides déjà perçues comptent comme ressources sur les mois passés ; elles ne sont jamais présentées "
            "comme de nouveaux droits.",
            "Le moteur OpenFisca-France calcule chaque aide pour le mois en cours (ou l’année).",
            "Chaque montant est lu : droit probable (1 € ou plus), pas de droit, ou « à vérifier » quand une "
            "condition échappe au simulateur ; les conditions non vérifiées sont affichées.",
            "Des décomptes anonymes (commune, mois, aide) sont gardés pour mesurer le non-recours.",
        ),
        human_role="La personne lit l’estimation, les conditions non vérifiées et la démarche ; elle demande l’aide "
        "si elle le souhaite. Un désaccord se règle avec l’organisme qui verse l’aide, qui seul décide.",
        module="rights.domain.precheck",
        parameters=(
            constant("rights.situation.BENEFITS", "Aides estimées", "Ce que le simulateur calcule.", show=_labels),
            constant(
                "rights.domain.precheck.MIN_AMOUNT",
                "Seuil d’un droit probable",
                "En dessous, aucun droit n’est annoncé.",
                unit="€",
            ),
            constant(
                "rights.situation.NET_PER_GROSS_SALARY",
                "Net / brut du salaire",
                "Le salaire net indiqué est converti en brut pour les règles qui lisent le brut (minimum vieillesse).",
            ),
            constant(
                "rights.situation.TAXABLE_PER_NET_SALARY",
                "Imposable / net du salaire",
                "Pour les règles qui lisent le revenu imposable (aide au logement, revenus N-2).",
            ),
            constant(
                "rights.situation.RFR_SHARE_OF_TAXABLE",
                "Revenu fiscal de référence estimé",
                "Quand la personne n’a pas son avis d’impôt (bourses, chèque énergie) ; le résultat le signale.",
                show=lambda share: f"{french(share)} × revenus imposables des 12 derniers mois",
            ),
            constant(
                "rights.domain.help.RADIUS_KM",
                "Rayon des lieux d’aide",
                "Lieux d’aide aux démarches proposés.",
                unit="km",
            ),
        ),
        rules=(
            Rule("deja-percu", "Une aide déclarée comme déjà perçue n’est jamais présentée comme un nouveau droit."),
            Rule("asf", "L’allocation de soutien familial est « à vérifier » : elle dépend de la pension alimentaire."),
            Rule(
                "aah", "L’AAH est « à vérifier » entre 50 et 79 % d’incapacité : la MDPH apprécie l’accès à l’emploi."
            ),
            Rule("css", "La complémentaire santé solidaire est probable, gratuite ou avec participation."),
        ),
        rules_version=f"OpenFisca-France {versions['openfisca_france']}, OpenFisca-Core {versions['openfisca_core']}",
    )
