import pytest

from datahub.models import RowIssue, SourceRecord
from directory.models import Place, Service
from tests.datahub.conftest import DI_LIEUX, IDF, LIEUX_V1_CSV, NATIONAL

pytestmark = pytest.mark.django_db


def test_national_extract_v0_json(imported):
    run = imported(NATIONAL)
    assert run.rows == 36
    assert run.rejected == 1
    issue = run.issues.get(level=RowIssue.Level.REJECTED)
    assert issue.line == 30 and issue.record_id.startswith("62c820fb")
    assert issue.reason == "Nom du lieu manquant"
    # The two Meudon rows describe one médiathèque (same name, same address): merged.
    assert run.merged == 1
    assert run.created == 34
    sablière = Place.objects.get(source_records__source_id="626809503a929e0790b16cf7")
    assert sablière.nom == "ICF la Sabliere SA d'HLM"
    assert sablière.nom_source == "ICF LA SABLIERE SA D'HLM"
    assert sablière.code_insee == "75056"  # "PARIS 10" resolved from its postal code
    assert sablière.dispositif_programmes_nationaux == ["Conseillers numériques"]
    assert sablière.frais_a_charge == ["Gratuit"]
    services = set(sablière.services.values_list("nom", flat=True))
    assert services == {"Maîtrise des outils numériques du quotidien", "Compréhension du monde numérique"}


def test_missing_coordinates_put_at_commune_centre_flagged(imported):
    imported(NATIONAL)
    meudon = Place.objects.filter(nom="Médiathèque Meudon la forêt").first()
    assert meudon.position_approximative is True
    assert (meudon.code_insee, round(meudon.latitude, 1)) == ("92048", 48.8)
    # Saint-Martin has no position in the referential: no position rather than a wrong one.
    five_b = Place.objects.get(nom="FIVE B")
    assert five_b.latitude is None and five_b.code_insee == "97801"
    assert five_b.telephone == "+590690426195"


def test_hours_written_with_h_are_repaired(imported):
    run = imported(NATIONAL)
    app = Place.objects.get(nom="L'APP - La montagne vivra")
    assert app.horaires.startswith("Mo-Th 10:00-12:30,13:30-17:00")
    assert run.issues.filter(reason__startswith="Horaires corrigés").exists()


def test_idf_services_separated_by_comma_space(imported):
    imported(IDF)
    place = Place.objects.get(source_records__source_id="626809503a929e0790b16cf7")
    assert place.services.count() == 2


def test_v1_csv_every_cell_quoted_pipe_lists(imported):
    run = imported(LIEUX_V1_CSV)
    assert (run.rows, run.created, run.rejected) == (8, 8, 0)
    place = Place.objects.get(source_records__source_id="62711760da550c06ed3690fb")
    assert place.modalites_acces == ["Se présenter", "Téléphoner"]
    assert place.modalites_accompagnement == ["Accompagnement individuel", "Dans un atelier collectif"]
    assert place.site_web == ["https://regiedequartierblancmesnil.com/"]
    service = place.services.get(nom="Maîtrise des outils numériques du quotidien (atelier)")
    assert service.type == "atelier"
    assert service.modes_mobilisation == ["se-presenter", "telephoner"]
    # First line of data is line 2 of the file.
    assert SourceRecord.objects.filter(kind="lieu").count() == 8


def test_data_inclusion_lieux_old_vocabularies(imported):
    imported(DI_LIEUX)
    adoma = Place.objects.filter(publics_specifiquement_adresses__has="Seniors").first()
    assert adoma is not None
    with_pec = Place.objects.filter(prise_en_charge_specifique__has="Illettrisme")
    assert with_pec.exists()
    apije = Place.objects.get(source_records__source_id="010c714a-71ce-44aa-a8bf-45d63ae4d1e8")
    assert apije.telephone == "+33467714850"
    assert apije.typologie == ["AI"]
    assert apije.modalites_accompagnement == ["Accompagnement individuel", "Dans un atelier collectif", "En autonomie"]
    assert {value for service in apije.services.all() for value in service.mediation} == {
        "Aide aux démarches administratives",
        "Insertion professionnelle via le numérique",
        "Maîtrise des outils numériques du quotidien",
        "Compréhension du monde numérique",
        "Accès internet et matériel informatique",
    }
    assert Service.objects.filter(place=apije, type="aide-materielle").count() == 5


def test_labels_outside_the_standard_are_kept_as_other_labels(imported, tmp_path):
    """v0 labels with no v1 equivalent (APTIC, Pass numérique) are kept, exported, and reported."""
    text = LIEUX_V1_CSV.read_text(encoding="utf-8")
    text = text.replace('"Conseillers numériques"', '"Conseillers numériques|APTIC|Pass numérique"', 1)
    path = tmp_path / "lieux.csv"
    path.write_text(text, encoding="utf-8")
    run = imported(path)
    place = Place.objects.get(source_records__source_id="626809503a929e0790b16cf7")
    assert place.dispositif_programmes_nationaux == ["Conseillers numériques"]
    assert place.autres_formations_labels == "APTIC | Pass numérique"
    assert run.issues.filter(reason__startswith="Label « APTIC » hors du standard").exists()


def test_every_accompaniment_named_gives_a_service_of_its_type(imported):
    """Blanc-Mesnil's row: « Accompagnement individuel|Dans un atelier collectif »."""
    imported(LIEUX_V1_CSV)
    regie = Place.objects.get(source_records__source_id="62711760da550c06ed3690fb")
    kinds = set(
        regie.services.filter(mediation=["Maîtrise des outils numériques du quotidien"]).values_list("type", flat=True)
    )
    assert kinds == {"accompagnement", "atelier"}
