"""data·inclusion schema v1 vocabularies, taken from the `data-inclusion-schema` package."""

from data_inclusion.schema import v1

from standards.vocabulary import Vocabulary

THEMATIQUES = Vocabulary.from_enum("thematiques", v1.Thematique)
CATEGORIES = Vocabulary.from_enum("categories", v1.Categorie)
FRAIS = Vocabulary.from_enum("frais", v1.Frais)
# Words people know (tests/web/test_plain_words.py): the standard's label stays in the data and the exports.
PUBLICS = Vocabulary.from_enum(
    "publics",
    v1.Public,
    plain={
        "residents-qpv-frr": "Habitants des quartiers prioritaires ou des communes rurales aidées",
        "beneficiaires-des-minimas-sociaux": "Personnes qui touchent le RSA ou une autre aide sociale",
        "personnes-en-situation-juridique-specifique": "Personnes sous tutelle, curatelle ou sous main de justice",
    },
)
MODES_ACCUEIL = Vocabulary.from_enum("modes_accueil", v1.ModeAccueil)
MODES_MOBILISATION = Vocabulary.from_enum("modes_mobilisation", v1.ModeMobilisation)
MOBILISABLE_PAR = Vocabulary.from_enum("mobilisable_par", v1.PersonneMobilisatrice)
TYPES_SERVICE = Vocabulary.from_enum("type", v1.TypeService)
RESEAUX_PORTEURS = Vocabulary.from_enum("reseaux_porteurs", v1.ReseauPorteur)

TOUS_PUBLICS = v1.Public.TOUS_PUBLICS.value
EN_PRESENTIEL = v1.ModeAccueil.EN_PRESENTIEL.value
A_DISTANCE = v1.ModeAccueil.A_DISTANCE.value
GRATUIT = v1.Frais.GRATUIT.value

MF = "numerique--maitriser-les-fondamentaux-du-numerique"
SL = "numerique--acceder-a-des-services-en-ligne"
EQ = "numerique--acquerir-un-equipement"
CX = "numerique--acceder-a-une-connexion-internet"
DEMARCHES = "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"
ACCES_DROITS = "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits"
EMPLOI = "preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi"
PARENTALITE = "famille--soutien-a-la-parentalite-et-a-leducation"
LOISIRS = "remobilisation--activites-sportives-et-culturelles"

for _value in (MF, SL, EQ, CX, DEMARCHES, ACCES_DROITS, EMPLOI, PARENTALITE, LOISIRS):
    assert _value in THEMATIQUES, _value
