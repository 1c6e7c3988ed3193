"""Every mapping from an old vocabulary value to a current one, in one place.

Sources (see ../docs/VOCABULARIES.md for the full write-up):
- lieux v0.x → v1.0.2: LaMednum `descriptif-des-evolutions`, mednum-cli conseiller-numerique config (M)
  and the npm reference chain `@gouvfr-anct/lieux-de-mediation-numerique` 1.22.2 → 2.3.0 (R).
  Where M and R disagree we follow M for `Handicaps psychiques` (→ Handicaps mentaux, closer to the
  person's need) and R elsewhere.
- lieux v1 → data·inclusion v1: data·inclusion pipeline `intermediate/v1/001_mappings/mediation_numerique`.

Values are looked up by `key()`: the part before " : " (long v0 labels), folded (case, accents,
apostrophes, punctuation), so "Gratuit : Je peux accéder…" and "gratuit" find the same entry.
"""

from standards import dataincl as di
from standards import lieux
from territory.text import fold


def key(value: str) -> str:
    return fold(value.replace("’", "'").split(" : ")[0])


def _table(mapping: dict[str, list[tuple[str, str]]]) -> dict[str, list[tuple[str, str]]]:
    return {key(old): new for old, new in mapping.items()}


def _identity(field: str, vocabulary) -> dict[str, list[tuple[str, str]]]:
    return {value: [(field, value)] for value in vocabulary.values}


# --- lieux: `services` (15 v0 names → 9 v1 values) ---------------------------------------
_S = "services"
SERVICES = _table(
    {
        **_identity(_S, lieux.SERVICES),
        "Devenir autonome dans les démarches administratives": [(_S, "Aide aux démarches administratives")],
        "Réaliser des démarches administratives avec un accompagnement": [(_S, "Aide aux démarches administratives")],
        "Accompagner les démarches de santé": [(_S, "Aide aux démarches administratives")],
        "Prendre en main un smartphone ou une tablette": [(_S, "Maîtrise des outils numériques du quotidien")],
        "Prendre en main un ordinateur": [(_S, "Maîtrise des outils numériques du quotidien")],
        "Utiliser le numérique au quotidien": [(_S, "Maîtrise des outils numériques du quotidien")],
        "Approfondir ma culture numérique": [(_S, "Compréhension du monde numérique")],
        "Promouvoir la citoyenneté numérique": [(_S, "Compréhension du monde numérique")],
        "Favoriser mon insertion professionnelle": [(_S, "Insertion professionnelle via le numérique")],
        "Créer et développer mon entreprise": [(_S, "Insertion professionnelle via le numérique")],
        "Accéder à une connexion internet": [(_S, "Accès internet et matériel informatique")],
        "Accéder à du matériel": [(_S, "Accès internet et matériel informatique")],
        "S'équiper en matériel informatique": [(_S, "Acquisition de matériel informatique à prix solidaire")],
        "Créer avec le numérique": [(_S, "Loisirs et créations numériques")],
        "Soutenir la parentalité et l'éducation avec le numérique": [
            (_S, "Parentalité et éducation avec le numérique")
        ],
        "Comprehension du monde numérique": [(_S, "Compréhension du monde numérique")],
    }
)  # fmt: skip

# --- lieux: `publics_accueillis` (v0) → publics_specifiquement_adresses + prise_en_charge_specifique
_PSA, _PEC = "publics_specifiquement_adresses", "prise_en_charge_specifique"
PUBLICS = _table(
    {
        **_identity(_PSA, lieux.PUBLICS_SPECIFIQUEMENT_ADRESSES),
        **_identity(_PEC, lieux.PRISE_EN_CHARGE_SPECIFIQUE),
        "Seniors (+ 65 ans)": [(_PSA, "Seniors")],
        "Familles/enfants": [(_PSA, "Familles et/ou enfants")],
        "Jeunes (16-26 ans)": [(_PSA, "Jeunes")],
        "Uniquement femmes": [(_PSA, "Femmes")],
        "Adultes": [],
        "Handicaps mentaux : déficiences limitant les activités d'une personne": [(_PEC, "Handicaps mentaux")],
        "Handicaps psychiques": [(_PEC, "Handicaps mentaux")],
        "Personnes en situation d'illettrisme": [(_PEC, "Illettrisme")],
        "Public langues étrangères": [(_PEC, "Langues étrangères (anglais)"), (_PEC, "Langues étrangères (autres)")],
    }
)  # fmt: skip

# --- lieux: `conditions_acces` / `conditions_access` (v0) → frais_a_charge ----------------
_F = "frais_a_charge"
FRAIS = _table(
    {
        **_identity(_F, lieux.FRAIS_A_CHARGE),
        "Adhésion": [(_F, "Payant")],
        "Accepte le Pass numérique": [(_F, "Gratuit sous condition")],
    }
)

# --- lieux: `labels_nationaux` (v0) → dispositif_programmes_nationaux + formations_labels -----
_DPN, _FL = "dispositif_programmes_nationaux", "formations_labels"
LABELS = _table(
    {
        **_identity(_DPN, lieux.DISPOSITIF_PROGRAMMES_NATIONAUX),
        **_identity(_FL, lieux.FORMATIONS_LABELS),
        "CNFS": [(_DPN, "Conseillers numériques")],
        "Grandes écoles du numérique": [(_DPN, "Grande école du numérique")],
        "Point numérique CAF": [(_DPN, "Point d'accès numérique CAF")],
        "Point relais CAF": [(_DPN, "Point d'accès numérique CAF")],
        "Étapes numériques(La Poste)": [(_FL, "Étapes numériques (La Poste)")],
        "APTIC": [],
        "Campus connecté": [],
        "French Tech": [],
        "Relais pôle emploi": [],
    }
)

# --- lieux: `modalites_accompagnement` (v0 long labels) ------------------------------------
_MA = "modalites_accompagnement"
MODALITES_ACCOMPAGNEMENT = _table(
    {
        **_identity(_MA, lieux.MODALITES_ACCOMPAGNEMENT),
        "Seul": [(_MA, "En autonomie")],
        "Avec de l'aide": [(_MA, "Accompagnement individuel")],
        "A ma place": [(_MA, "Accompagnement individuel")],
        "Dans un atelier": [(_MA, "Dans un atelier collectif")],
    }
)

_MAC = "modalites_acces"
MODALITES_ACCES = _table(_identity(_MAC, lieux.MODALITES_ACCES))
ITINERANCE = _table(_identity("itinerance", lieux.ITINERANCE))

# --- lieux v1 → data·inclusion v1 ---------------------------------------------------------
SERVICE_THEMATIQUES = {
    "Accès internet et matériel informatique": [di.CX, di.EQ],
    "Acquisition de matériel informatique à prix solidaire": [di.EQ],
    "Aide aux démarches administratives": [di.DEMARCHES, di.SL],
    "Compréhension du monde numérique": [di.MF],
    "Utilisation sécurisée du numérique": [di.MF],
    "Insertion professionnelle via le numérique": [di.EMPLOI, di.MF],
    "Loisirs et créations numériques": [di.LOISIRS, di.MF],
    "Maîtrise des outils numériques du quotidien": [di.MF, di.SL],
    "Parentalité et éducation avec le numérique": [di.PARENTALITE, di.MF],
}
PUBLIC_TO_DI = {
    "Étudiants": "etudiants",
    "Familles et/ou enfants": "familles",
    "Femmes": "femmes",
    "Jeunes": "jeunes",
    "Seniors": "seniors",
    "Déficience visuelle": "personnes-en-situation-de-handicap",
    "Handicaps mentaux": "personnes-en-situation-de-handicap",
    "Handicaps moteurs": "personnes-en-situation-de-handicap",
    "Surdité": "personnes-en-situation-de-handicap",
    "Langues étrangères (anglais)": "personnes-exilees",
    "Langues étrangères (autres)": "personnes-exilees",
}
ACCOMPAGNEMENT_TO_TYPE = [  # first match wins
    ("En autonomie", "aide-materielle"),
    ("Dans un atelier collectif", "atelier"),
    ("Accompagnement individuel", "accompagnement"),
]
ACCES_TO_MOBILISATION = {
    "Contacter par mail": "envoyer-un-courriel",
    "Envoyer un mail avec une fiche de prescription": "envoyer-un-courriel",
    "Prendre un RDV en ligne": "utiliser-lien-mobilisation",
    "Se présenter": "se-presenter",
    "Téléphoner": "telephoner",
}
PROGRAMME_TO_RESEAU = {
    "Aidants Connect": "aidants-connect",
    "Conseillers numériques": "conseillers-numeriques",
    "France Services": "france-service",
    "Grande école du numérique": "grandes-ecoles-du-numerique",
    "La Croix Rouge": "croix-rouge",
}

for _value in PUBLIC_TO_DI.values():
    assert _value in di.PUBLICS, _value
for _values in SERVICE_THEMATIQUES.values():
    assert all(v in di.THEMATIQUES for v in _values)
