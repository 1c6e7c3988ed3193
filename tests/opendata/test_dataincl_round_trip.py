"""Export in data·inclusion v1, import structures then services into an empty database: same data.

What the data·inclusion format cannot carry is not compared: the lieux-standard columns (publics,
modalités, labels…), the source (the files' producer is Ancrage), each place's short summary when it
also has a long presentation (data·inclusion has one `description`), and all but the first e-mail and
web site of a place (one of each in data·inclusion).
"""

import datetime

import pytest
from django.urls import reverse

from datahub.models import SourceRecord
from datahub.runs import run_import
from directory.models import Place, Service
from opendata.exports.lieux import mediation_from_thematiques
from tests.factories import PlaceFactory, ServiceFactory

pytestmark = pytest.mark.django_db

PLACE_FIELDS = [
    "nom", "pivot", "adresse", "complement_adresse", "code_postal", "commune", "code_insee", "latitude",
    "longitude", "position_approximative", "telephone", "horaires", "fiche_acces_libre", "reseaux_porteurs",
    "date_maj",
]  # fmt: skip
SERVICE_FIELDS = [
    "nom", "description", "type", "thematiques", "frais", "frais_precisions", "publics", "publics_precisions",
    "conditions_acces", "modes_accueil", "zone_eligibilite", "modes_mobilisation", "mobilisable_par",
    "lien_mobilisation", "mobilisation_precisions", "telephone", "courriel", "contact_nom_prenom",
    "horaires_accueil", "volume_horaire_hebdomadaire", "nombre_semaines", "date_maj",
]  # fmt: skip


def _snapshot() -> dict:
    found = {}
    for place in Place.objects.prefetch_related("services"):
        values = {f: getattr(place, f) for f in PLACE_FIELDS}
        values["courriel"] = place.courriels[:1]
        # pydantic's HttpUrl adds a "/" to a bare domain, and a short description is read as a summary
        # (whitespace folded): equivalent values.
        values["site_web"] = [url.rstrip("/") for url in place.site_web[:1]]
        values["description"] = " ".join((place.presentation_detail or place.presentation_resume).split())
        values["services"] = sorted(
            (
                {f: sorted(v) if isinstance(v := getattr(s, f), list) else v for f in SERVICE_FIELDS}
                | {"mediation": s.mediation or mediation_from_thematiques(s.thematiques)}
                | {"own_address": s.own_address}
                for s in place.services.all()
            ),
            key=lambda s: s["nom"],
        )
        found[place.nom] = values
    return found


def _download(client, slug, tmp_path):
    path = tmp_path / slug
    path.write_bytes(b"".join(client.get(reverse("opendata:download", args=[slug])).streaming_content))
    return path


def test_data_inclusion_export_then_import_gives_back_the_same_data(client, full_place, tmp_path):
    Service.objects.update(date_maj=datetime.date(2024, 4, 1))
    ServiceFactory(
        place=PlaceFactory(nom="Atelier du centre social", pivot="", date_maj=datetime.date(2023, 9, 1)),
        nom="Atelier tablette",
        description="Apprendre à se servir d’une tablette, en petit groupe.",
        type="atelier",
        thematiques=["numerique--maitriser-les-fondamentaux-du-numerique"],
        mediation=[],
        frais="payant",
        frais_precisions="5 € par séance",
        publics=["seniors", "familles"],
        zone_eligibilite=["91377", "91"],
        modes_accueil=["en-presentiel", "a-distance"],
        lien_mobilisation="https://rdv.example.fr/tablette",
        telephone="+33169111111",
        courriel="atelier@centre.example.fr",
        contact_nom_prenom="Camille Martin",
        horaires_accueil="We 14:00-16:00",
        volume_horaire_hebdomadaire=2.0,
        nombre_semaines=10,
        date_maj=datetime.date(2023, 10, 2),
    )
    ServiceFactory(  # given elsewhere than at its place: a permanence at the town hall
        place=full_place,
        nom="Permanence à la mairie",
        adresse="1 avenue du Général de Gaulle",
        code_postal="91120",
        commune="Palaiseau",
        code_insee="91477",
        date_maj=datetime.date(2024, 3, 5),
    )
    before = _snapshot()
    assert any(s["own_address"] for s in before[full_place.nom]["services"])
    structures = _download(client, "data-inclusion-structures.json", tmp_path)
    services = _download(client, "data-inclusion-services.json", tmp_path)

    Service.objects.all().delete()
    Place.objects.all().delete()
    SourceRecord.objects.all().delete()
    first = run_import(structures, "di-structures")
    second = run_import(services, "di-services")

    assert (first.status, first.created, first.rejected) == ("reussi", 2, 0), first.error
    assert (second.status, second.created, second.rejected) == ("reussi", 4, 0), second.error
    after = _snapshot()
    assert sorted(after) == sorted(before)
    for name, values in before.items():
        assert after[name] == values, name
