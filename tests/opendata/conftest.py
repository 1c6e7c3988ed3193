import datetime

import pytest

from tests.factories import PlaceFactory, ServiceFactory


@pytest.fixture
def full_place(db):
    """A place with every column of the lieux standard filled in, and two services."""
    place = PlaceFactory(
        nom="Médiathèque Jules Verne, espace numérique",
        pivot="21910377200018",
        structure_parente="Ville de Massy",
        typologie=["BIB", "MUNI"],
        complement_adresse="Rez-de-chaussée, porte B",
        itinerance=["Fixe"],
        telephone="+33169000000",
        courriels=["contact@mediatheque.example.fr", "numerique@mediatheque.example.fr"],
        site_web=["https://mediatheque.example.fr"],
        prise_rdv="https://rdv.example.fr/mediatheque",
        horaires="Tu-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00; PH off",
        presentation_resume="Ateliers, postes en accès libre et aide aux démarches, sans rendez-vous.",
        presentation_detail="Une équipe de médiateurs vous accueille.\nDeux ateliers par semaine, « pour tous ».",
        publics_specifiquement_adresses=["Seniors", "Familles et/ou enfants"],
        prise_en_charge_specifique=["Surdité", "Langues étrangères (anglais)"],
        frais_a_charge=["Gratuit"],
        modalites_acces=["Se présenter", "Téléphoner", "Prendre un RDV en ligne"],
        modalites_accompagnement=["Accompagnement individuel", "Dans un atelier collectif"],
        dispositif_programmes_nationaux=["Conseillers numériques", "France Services"],
        reseaux_porteurs=["conseillers-numeriques", "france-service"],
        formations_labels=["Étapes numériques (La Poste)"],
        autres_formations_labels="Label local « Massy connectée »",
        fiche_acces_libre="https://acceslibre.beta.gouv.fr/app/91-massy/a/bibliotheque/erp/mediatheque/",
        source="ville-de-massy",
        date_maj=datetime.date(2024, 5, 2),
    )
    ServiceFactory(place=place)
    ServiceFactory(
        place=place,
        nom="Maîtrise des outils numériques du quotidien",
        mediation=["Maîtrise des outils numériques du quotidien"],
        thematiques=[
            "numerique--maitriser-les-fondamentaux-du-numerique",
            "numerique--acceder-a-des-services-en-ligne",
        ],
        type="atelier",
    )
    return place
