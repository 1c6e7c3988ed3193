"""Every old value of the national vocabularies maps to a current one (STANDARDS.md §2.1, §3.5, data·inclusion dbt)."""

import pytest

from standards import dataincl as di
from standards import lieux
from standards import mappings as m
from standards.parsing import di_frais, di_publics, di_thematiques, di_type, map_cell, split_cell

V0_SERVICES = {
    "Devenir autonome dans les démarches administratives": "Aide aux démarches administratives",
    "Réaliser des démarches administratives avec un accompagnement": "Aide aux démarches administratives",
    "Accompagner les démarches de santé": "Aide aux démarches administratives",
    "Prendre en main un smartphone ou une tablette": "Maîtrise des outils numériques du quotidien",
    "Prendre en main un ordinateur": "Maîtrise des outils numériques du quotidien",
    "Utiliser le numérique au quotidien": "Maîtrise des outils numériques du quotidien",
    "Approfondir ma culture numérique": "Compréhension du monde numérique",
    "Promouvoir la citoyenneté numérique": "Compréhension du monde numérique",
    "Favoriser mon insertion professionnelle": "Insertion professionnelle via le numérique",
    "Créer et développer mon entreprise": "Insertion professionnelle via le numérique",
    "Accéder à une connexion internet": "Accès internet et matériel informatique",
    "Accéder à du matériel": "Accès internet et matériel informatique",
    "S’équiper en matériel informatique": "Acquisition de matériel informatique à prix solidaire",
    "Créer avec le numérique": "Loisirs et créations numériques",
    "Soutenir la parentalité et l'éducation avec le numérique": "Parentalité et éducation avec le numérique",
}


@pytest.mark.parametrize(("old", "new"), V0_SERVICES.items())
def test_the_15_old_services(old, new):
    assert map_cell(old, m.SERVICES).values == {"services": [new]}


def test_every_current_value_maps_to_itself():
    for vocabulary, table in (
        (lieux.SERVICES, m.SERVICES),
        (lieux.FRAIS_A_CHARGE, m.FRAIS),
        (lieux.MODALITES_ACCES, m.MODALITES_ACCES),
        (lieux.MODALITES_ACCOMPAGNEMENT, m.MODALITES_ACCOMPAGNEMENT),
    ):
        for value in vocabulary.values:
            assert map_cell(value, table).values == {vocabulary.name: [value]}


def test_publics_accueillis_split_in_two_columns():
    cell = (
        "Adultes;Familles/enfants;Jeunes (16-26 ans);Seniors (+ 65 ans);Surdité;"
        "Handicaps mentaux : déficiences limitant les activités d'une personne;"
        "Personnes en situation d'illettrisme;Public langues étrangères;"
        "Handicaps psychiques : troubles psychiatriques donnant lieu à des atteintes comportementales"
    )
    mapped = map_cell(cell, m.PUBLICS)
    assert mapped.unknown == []
    assert mapped.get("publics_specifiquement_adresses") == ["Familles et/ou enfants", "Jeunes", "Seniors"]
    assert mapped.get("prise_en_charge_specifique") == [
        "Surdité", "Handicaps mentaux", "Illettrisme", "Langues étrangères (anglais)", "Langues étrangères (autres)",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Gratuit : Je peux accéder gratuitement au lieu et à ses services", "Gratuit"),
        (
            "Gratuit sous condition : La gratuité est conditionnée à des critères (situation familiale, convention "
            "avec un organisme social...)",
            "Gratuit sous condition",
        ),
        ("Payant : L'accès au lieu et/ou à ses services est payant", "Payant"),
        ("Adhésion : L'accès au lieu et/ou à ses services nécessite d'y adhérer", "Payant"),
        ("Accepte le Pass numérique : Il est possible d'utiliser un Pass numérique pour accéder au lieu",
         "Gratuit sous condition"),
    ],
)  # fmt: skip
def test_conditions_acces_to_frais(old, new):
    assert map_cell(old, m.FRAIS).values == {"frais_a_charge": [new]}


def test_labels_nationaux_and_modalites():
    mapped = map_cell("CNFS;France Services;Point relais CAF;Fabriques de Territoire;APTIC;French Tech", m.LABELS)
    assert mapped.get("dispositif_programmes_nationaux") == [
        "Conseillers numériques", "France Services", "Point d'accès numérique CAF",
    ]  # fmt: skip
    assert mapped.get("formations_labels") == ["Fabriques de Territoire"]
    assert mapped.unknown == []
    accompagnement = map_cell(
        "Seul : j'ai accès à du matériel et une connexion;A ma place : une personne habilitée fait les démarches à "
        "ma place;Dans un atelier : j'apprends collectivement à utiliser le numérique",
        m.MODALITES_ACCOMPAGNEMENT,
    )
    assert accompagnement.get("modalites_accompagnement") == [
        "En autonomie", "Accompagnement individuel", "Dans un atelier collectif",
    ]  # fmt: skip


def test_separators():
    assert split_cell("Prendre en main un ordinateur, Utiliser le numérique au quotidien") == [
        "Prendre en main un ordinateur", "Utiliser le numérique au quotidien",
    ]  # fmt: skip
    assert split_cell("Gratuit|Payant") == ["Gratuit", "Payant"]
    assert split_cell(["A", " ", "B"]) == ["A", "B"]


def test_di_v0_thematiques():
    assert di_thematiques(["numerique--prendre-en-main-un-ordinateur"]) == ([di.MF], [])
    assert di_thematiques(["numerique--favoriser-mon-insertion-professionnelle"]) == ([di.EMPLOI], [])
    assert di_thematiques(["numerique"])[0] == [di.SL, di.CX, di.EQ, di.MF]
    mobilite, unknown = di_thematiques(["mobilite"])
    assert len(mobilite) == 6 and all(t.startswith("mobilite--") for t in mobilite) and unknown == []
    creation, _ = di_thematiques(["creation-activite"])
    assert all(t.startswith("creer-une-entreprise--") for t in creation)
    assert di_thematiques(["acces-aux-droits-et-citoyennete--accompagnement-pour-lacces-aux-droits"]) == (
        [di.ACCES_DROITS], [],
    )  # fmt: skip
    assert di_thematiques(["numerique--inconnu"]) == ([], ["numerique--inconnu"])
    for values in m.DI_THEMATIQUES.values():
        assert all(v in di.THEMATIQUES for v in values)


def test_di_v0_types_frais_profils():
    assert di_type(["information", "accueil", "atelier"]) == "atelier"
    assert di_type(["accompagnement", "aide-financiere"]) == "aide-financiere"
    assert di_type(["autonomie"]) == "aide-materielle"
    assert di_type(["delegation"]) == "accompagnement"
    assert di_type("formation") == "formation"
    assert di_type([]) == ""
    assert di_frais(["gratuit-sous-conditions"]) == "gratuit"
    assert di_frais(["gratuit", "adhesion"]) == "payant"
    assert di_frais(["pass-numerique"]) == "gratuit"
    assert di_publics(["seniors-65", "familles-enfants", "beneficiaires-rsa"]) == (
        ["seniors", "familles", "beneficiaires-des-minimas-sociaux"], [],
    )  # fmt: skip
    assert di_publics(["adultes"]) == ([], [])
    assert di_publics(["tous-publics", "femmes"]) == (["femmes"], [])
    assert di_publics(["chats"]) == ([], ["chats"])
