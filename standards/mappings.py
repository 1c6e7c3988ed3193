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

# --- data·inclusion v0 → v1 (services and structures) -------------------------------------
# Thématiques: STANDARDS §3.5 — DORA migration 0131 `MAPPING_THEMATIQUES` (6a076a0c) and the
# data·inclusion dbt `v0_to_v1/_map_thematiques.sql` (29c151df). A value already in v1 is kept.
DI_THEMATIQUES = {
    "numerique--prendre-en-main-un-ordinateur": [di.MF],
    "numerique--prendre-en-main-un-smartphone-ou-une-tablette": [di.MF],
    "numerique--utiliser-le-numerique-au-quotidien": [di.MF],
    "numerique--approfondir-ma-culture-numerique": [di.MF],
    "numerique--promouvoir-la-citoyennete-numerique": [di.MF],
    "illettrisme--utiliser-numerique": [di.MF],
    "se-former--utiliser-le-numerique": [di.MF],
    "numerique--acceder-a-du-materiel": [di.EQ],
    "numerique--s-equiper-en-materiel-informatique": [di.EQ],
    "equipement-et-alimentation--acces-a-du-materiel-informatique": [di.EQ],
    "equipement-et-alimentation--acces-a-un-telephone-et-un-abonnement": [di.EQ],
    "numerique--acceder-a-une-connexion-internet": [di.CX],
    "numerique--realiser-des-demarches-administratives-avec-un-accompagnement": [di.SL],
    "numerique--devenir-autonome-dans-les-demarches-administratives": [di.DEMARCHES],
    "numerique--accompagner-les-demarches-de-sante": ["sante--acces-aux-soins"],
    "numerique--favoriser-mon-insertion-professionnelle": [di.EMPLOI],
    "numerique--creer-et-developper-mon-entreprise": ["creer-une-entreprise--developper-son-entreprise"],
    "numerique--creer-avec-le-numerique": ["creer-une-entreprise--definir-son-projet-de-creation-dentreprise"],
    "numerique--soutenir-la-parentalite-et-l-education-avec-le-numerique": [di.PARENTALITE],
}
# v0 categories renamed in v1 (DORA migrations 0129–0131, 6a076a0c).
DI_CATEGORIES_RENAMED = {
    "acces-aux-droits-et-citoyennete": "difficultes-administratives-ou-juridiques",
    "apprendre-francais": "lecture-ecriture-calcul",
    "illettrisme": "lecture-ecriture-calcul",
    "creation-activite": "creer-une-entreprise",
    "gestion-financiere": "difficultes-financieres",
}
# A bare v0 category (v0 allowed them, v1 does not) gives every v1 thématique of its category:
# the dbt rule for `numerique` (→ the four `numerique--*`), extended by Ancrage to every category.
DI_THEMATIQUES_BY_CATEGORY: dict[str, list[str]] = {}
for _value in di.THEMATIQUES.values:
    DI_THEMATIQUES_BY_CATEGORY.setdefault(_value.split("--")[0], []).append(_value)

# Types: v0 `types` (a list) → v1 `type` (one value), first matching line wins
# (data·inclusion dbt `v0_to_v1/int__services_v0_to_v1.sql`, 02f46462).
DI_TYPES = [
    ("aide-financiere", {"aide-financiere", "financement"}),
    ("aide-materielle", {"autonomie", "aide-materielle"}),
    ("formation", {"formation"}),
    ("atelier", {"atelier", "numerique"}),
    ("accompagnement", {"accompagnement", "delegation"}),
    ("information", {"accueil", "information"}),
]
# `delegation` is not in the dbt CASE; the npm reference reads it as « Accompagnement individuel » (§4).

# Frais: v0 list → v1 single value; `payant` wins when both appear (dbt `_map_frais.sql`).
DI_FRAIS = {
    "gratuit": "gratuit",
    "gratuit-sous-conditions": "gratuit",
    "pass-numerique": "gratuit",
    "adhesion": "payant",
    "payant": "payant",
}

# Profils (v0) → publics (v1): dbt `v0_to_v1/_map_publics.sql` (4534a612). None = no v1 public.
DI_PROFILS = {
    "adultes": [],
    "alternants": ["etudiants", "actifs"],
    "beneficiaires-rsa": ["beneficiaires-des-minimas-sociaux"],
    "deficience-visuelle": ["personnes-en-situation-de-handicap"],
    "handicaps-mentaux": ["personnes-en-situation-de-handicap"],
    "handicaps-psychiques": ["personnes-en-situation-de-handicap"],
    "personnes-en-situation-de-handicap": ["personnes-en-situation-de-handicap"],
    "personnes-handicapees": ["personnes-en-situation-de-handicap"],
    "surdite": ["personnes-en-situation-de-handicap"],
    "demandeurs-demploi": ["demandeurs-emploi"],
    "etudiants": ["etudiants"],
    "familles-enfants": ["familles"],
    "femmes": ["femmes"],
    "jeunes": ["jeunes"],
    "jeunes-16-26": ["jeunes"],
    "locataires": ["actifs"],
    "proprietaires": ["actifs"],
    "personnes-de-nationalite-etrangere": ["personnes-exilees"],
    "public-langues-etrangeres": ["personnes-exilees"],
    "personnes-en-situation-durgence": ["personnes-en-situation-durgence"],
    "personnes-en-situation-illettrisme": ["personnes-en-situation-durgence"],
    "sans-domicile-fixe": ["personnes-en-situation-durgence"],
    "sortants-de-detention": ["personnes-en-situation-durgence"],
    "victimes": ["personnes-en-situation-durgence"],
    "retraites": ["seniors"],
    "seniors-65": ["seniors"],
    "salaries": ["actifs"],
    "tous-publics": ["tous-publics"],
}

# v0 structure `labels_nationaux` slugs whose v1 `reseaux_porteurs` value differs (npm §4 slugs).
DI_LABELS_TO_RESEAU = {
    "conseiller-numerique": "conseillers-numeriques",
    "france-services": "france-service",
    "grande-ecole-du-numerique": "grandes-ecoles-du-numerique",
}

for _values in DI_THEMATIQUES.values():
    assert all(v in di.THEMATIQUES for v in _values), _values
for _values in DI_PROFILS.values():
    assert all(v in di.PUBLICS for v in _values), _values
for _new in DI_CATEGORIES_RENAMED.values():
    assert _new in DI_THEMATIQUES_BY_CATEGORY, _new
