"""Export in the lieux standard, import the file into an empty database: the same places come back."""

import datetime

import pytest
from django.urls import reverse

from datahub.models import SourceRecord
from datahub.runs import run_import
from directory.models import Place, Service
from territory.models import Commune
from tests.factories import PlaceFactory, ServiceFactory

pytestmark = pytest.mark.django_db

COMPARED = [
    "nom", "pivot", "structure_parente", "typologie", "adresse", "complement_adresse", "code_postal", "commune",
    "code_insee", "latitude", "longitude", "position_approximative", "itinerance", "telephone", "courriels",
    "site_web", "prise_rdv", "horaires", "presentation_resume", "presentation_detail",
    "publics_specifiquement_adresses", "prise_en_charge_specifique", "frais_a_charge", "modalites_acces",
    "modalites_accompagnement", "dispositif_programmes_nationaux", "formations_labels", "reseaux_porteurs",
    "autres_formations_labels", "fiche_acces_libre", "source", "date_maj",
]  # fmt: skip


def _snapshot() -> dict:
    """Each place's compared fields and lieux services, keyed by name."""
    found = {}
    for place in Place.objects.prefetch_related("services"):
        values = {field: getattr(place, field) for field in COMPARED}
        values["latitude"] = round(values["latitude"], 6) if values["latitude"] is not None else None
        values["longitude"] = round(values["longitude"], 6) if values["longitude"] is not None else None
        values["services"] = sorted({v for s in place.services.all() for v in s.mediation})
        found[place.nom] = values
    return found


def _places(full_place):
    PlaceFactory(
        nom="Point numérique du CCAS",
        pivot="",
        telephone="+33169530000",
        horaires="",
        modalites_acces=[],
        frais_a_charge=["Gratuit sous condition"],
        date_maj=datetime.date(2023, 11, 30),
        source="ccas",
    )
    # Position unknown: placed at the commune's centre, and exported without coordinates.
    ServiceFactory(
        place=PlaceFactory(
            nom="Bus numérique",
            latitude=48.7308,
            longitude=2.2755,
            position_approximative=True,
            itinerance=["Itinérant"],
            date_maj=datetime.date(2024, 1, 15),
        ),
        mediation=["Accès internet et matériel informatique"],
        thematiques=[],
    )


@pytest.mark.parametrize("slug", ["lieux-de-mediation-numerique.csv", "lieux-de-mediation-numerique.json"])
def test_export_then_import_gives_back_the_same_places(client, full_place, tmp_path, slug):
    _places(full_place)
    # An approximate position is the commune's centre: re-locating the place gives the same point.
    massy = Commune.objects.get(code_insee="91377")
    Place.objects.filter(nom="Bus numérique").update(latitude=massy.latitude, longitude=massy.longitude)
    before = _snapshot()
    response = client.get(reverse("opendata:download", args=[slug]))
    path = tmp_path / slug
    path.write_bytes(b"".join(response.streaming_content))

    Service.objects.all().delete()
    Place.objects.all().delete()
    SourceRecord.objects.all().delete()
    run = run_import(path, "lieux")

    assert run.status == "reussi", run.error
    assert (run.created, run.rejected) == (3, 0)
    assert not run.issues.filter(level="rejet").exists()
    after = _snapshot()
    assert sorted(after) == sorted(before)
    for name, values in before.items():
        assert after[name] == values, name


def test_importing_the_same_export_again_changes_nothing(client, full_place, tmp_path):
    response = client.get(reverse("opendata:download", args=["lieux-de-mediation-numerique.csv"]))
    path = tmp_path / "lieux.csv"
    path.write_bytes(b"".join(response.streaming_content))
    Place.objects.all().delete()
    first = run_import(path, "lieux")
    second = run_import(path, "lieux")
    assert (first.created, second.created, second.updated, second.unchanged) == (1, 0, 0, 1)
