"""« Lieux de médiation numérique » standard, current version v1.0.2 (LaMednum/standard-mediation-num).

Each multi-valued column holds `|`-separated values from these lists, exact strings.
"""

from pathlib import Path

from standards.vocabulary import Vocabulary

SCHEMA_VERSION = "v1.0.2"
SEPARATOR = "|"

COLUMNS = [
    "id", "pivot", "nom", "commune", "code_postal", "code_insee", "adresse", "complement_adresse",
    "latitude", "longitude", "typologie", "telephone", "courriels", "site_web", "horaires",
    "presentation_resume", "presentation_detail", "source", "itinerance", "structure_parente",
    "date_maj", "services", "publics_specifiquement_adresses", "prise_en_charge_specifique",
    "frais_a_charge", "dispositif_programmes_nationaux", "formations_labels",
    "autres_formations_labels", "modalites_acces", "modalites_accompagnement",
    "fiche_acces_libre", "prise_rdv",
]  # fmt: skip

SERVICES = Vocabulary.same_labels(
    "services",
    [
        "Aide aux démarches administratives",
        "Maîtrise des outils numériques du quotidien",
        "Insertion professionnelle via le numérique",
        "Utilisation sécurisée du numérique",
        "Parentalité et éducation avec le numérique",
        "Loisirs et créations numériques",
        "Compréhension du monde numérique",
        "Accès internet et matériel informatique",
        "Acquisition de matériel informatique à prix solidaire",
    ],
)
ITINERANCE = Vocabulary.same_labels("itinerance", ["Itinérant", "Fixe"])
PUBLICS_SPECIFIQUEMENT_ADRESSES = Vocabulary.same_labels(
    "publics_specifiquement_adresses",
    ["Jeunes", "Étudiants", "Familles et/ou enfants", "Seniors", "Femmes"],
)
PRISE_EN_CHARGE_SPECIFIQUE = Vocabulary.same_labels(
    "prise_en_charge_specifique",
    [
        "Surdité",
        "Handicaps moteurs",
        "Handicaps mentaux",
        "Illettrisme",
        "Langues étrangères (anglais)",
        "Langues étrangères (autres)",
        "Déficience visuelle",
    ],
)
FRAIS_A_CHARGE = Vocabulary.same_labels("frais_a_charge", ["Gratuit", "Gratuit sous condition", "Payant"])
DISPOSITIF_PROGRAMMES_NATIONAUX = Vocabulary.same_labels(
    "dispositif_programmes_nationaux",
    [
        "Aidants Connect",
        "Bibliothèques numérique de référence",
        "Certification PIX",
        "Conseillers numériques",
        "Emmaüs Connect",
        "France Services",
        "Grande école du numérique",
        "La Croix Rouge",
        "Point d'accès numérique CAF",
        "Promeneurs du net",
        "Relais numérique (Emmaüs Connect)",
    ],
)
FORMATIONS_LABELS = Vocabulary.same_labels(
    "formations_labels",
    [
        "Formé à « Mon Espace Santé »",
        "Formé à « DUPLEX » (illettrisme)",
        "Arnia/MedNum BFC (Bourgogne-Franche-Comté)",
        "Collectif ressources et acteurs réemploi (Normandie)",
        "Étapes numériques (La Poste)",
        "Fabriques de Territoire",
        "Les Éclaireurs du numérique (Drôme)",
        "Mes Papiers (Métropole de Lyon)",
        "ORDI 3.0",
        "SUD LABS (PACA)",
    ],
)
MODALITES_ACCES = Vocabulary.same_labels(
    "modalites_acces",
    [
        "Se présenter",
        "Téléphoner",
        "Contacter par mail",
        "Prendre un RDV en ligne",
        "Ce lieu n'accueille pas de public",
        "Envoyer un mail avec une fiche de prescription",
    ],
)
MODALITES_ACCOMPAGNEMENT = Vocabulary.same_labels(
    "modalites_accompagnement",
    ["En autonomie", "Accompagnement individuel", "Dans un atelier collectif", "À distance"],
)
TYPOLOGIE = Vocabulary.from_csv("typologie", Path(__file__).resolve().parent / "data" / "typologies-structures-v0.csv")
