"""Factories for the directory's models; positions default to Massy (91300)."""

import datetime

import factory

from directory.models import ErrorReport, Place, Service

MASSY = (48.73052, 2.272041)


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Place

    nom = factory.Sequence(lambda n: f"Espace numérique {n}")
    adresse = "1 avenue du Général de Gaulle"
    code_postal = "91300"
    commune = "Massy"
    code_insee = "91377"
    latitude = MASSY[0]
    longitude = MASSY[1]
    telephone = "+33169000000"
    horaires = "Mo-Fr 09:00-12:00,14:00-17:00"
    frais_a_charge = ["Gratuit"]
    modalites_acces = ["Se présenter", "Téléphoner"]
    source = "test"
    date_maj = factory.LazyFunction(datetime.date.today)


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service
        skip_postgeneration_save = True

    place = factory.SubFactory(PlaceFactory)
    nom = "Aide aux démarches administratives"
    description = "Un conseiller vous aide à faire vos démarches en ligne."
    mediation = ["Aide aux démarches administratives"]
    thematiques = [
        "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
        "numerique--acceder-a-des-services-en-ligne",
    ]
    frais = "gratuit"
    publics = ["tous-publics"]
    modes_accueil = ["en-presentiel"]
    modes_mobilisation = ["se-presenter", "telephoner"]
    mobilisable_par = ["usagers", "professionnels"]
    source = "test"

    @factory.post_generation
    def refresh_place(obj, create, extracted, **kwargs):
        if create:
            obj.place.refresh_from_services()


class ErrorReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ErrorReport

    place = factory.SubFactory(PlaceFactory)
    kind = ErrorReport.Kind.HOURS
    message = "Le lieu est fermé le mercredi."
