"""Matching: each constraint (distance by travel mode, availability, support, remote, in person, cap), the
explanation, and the uncovered needs counted once per sheet with nothing about the person."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from directory.domain.geo import KM_PER_DEGREE_LAT
from orientation.domain import matching
from orientation.models import Situation, UncoveredNeed
from territory.models import Commune
from tests.factories import PlaceFactory, ServiceFactory
from tests.factories_orientation import SituationFactory

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 12, 4, 10, 0, tzinfo=ZoneInfo("Europe/Paris"))  # a Friday


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def ulis():
    return Commune.objects.get(code_insee="91692")


def place_at(commune, km_north: float, **fields):
    """A published place `km_north` km north of the commune's centre, with an administrative-help service."""
    service_fields = {k[8:]: fields.pop(k) for k in list(fields) if k.startswith("service_")}
    place = PlaceFactory(
        latitude=commune.latitude + km_north / KM_PER_DEGREE_LAT, longitude=commune.longitude,
        commune=commune.nom, code_insee=commune.code_insee, code_postal=commune.code_postal_principal, **fields,
    )  # fmt: skip
    ServiceFactory(place=place, **service_fields)
    return place


def sheet(commune, **fields) -> Situation:
    fields.setdefault("procedure", "caf")
    fields.setdefault("accounts", ["caf"])
    return SituationFactory(commune=commune, **fields)


def names(found) -> list[str]:
    return [p.place.nom for p in found.proposals]


def test_distance_follows_the_travel_mode(ulis):
    place_at(ulis, 1, nom="Tout près")
    place_at(ulis, 8, nom="En bus")
    place_at(ulis, 25, nom="En voiture")
    assert names(matching.match(sheet(ulis, mobility="pied"))) == ["Tout près"]
    assert names(matching.match(sheet(ulis, mobility="transports"))) == ["Tout près", "En bus"]
    assert names(matching.match(sheet(ulis, mobility="voiture"))) == ["Tout près", "En bus", "En voiture"]
    assert names(matching.match(sheet(ulis, mobility="pied", distance_km=9))) == ["Tout près", "En bus"]
    found = matching.match(sheet(ulis, mobility="pied"))
    assert "À 1,0 km du centre des Ulis ; à pied, la personne peut aller jusqu’à 2 km." in found.proposals[0].why


def test_a_place_closed_whenever_the_person_is_available_is_set_aside(ulis):
    place_at(ulis, 1, nom="Le matin", horaires="Mo-Fr 09:00-12:00")
    place_at(ulis, 2, nom="Horaires inconnus", horaires="")
    found = matching.match(sheet(ulis, availability=["2-apres-midi"]))
    assert names(found) == ["Horaires inconnus"] and found.closed_when_available == 1
    assert "Horaires à vérifier : appelez avant de vous déplacer." in found.proposals[0].why
    found = matching.match(sheet(ulis, availability=["2-matin", "4-matin", "2-apres-midi"]))
    assert names(found) == ["Le matin", "Horaires inconnus"]  # unknown hours after the known ones
    assert found.proposals[0].open_slots == ["2-matin", "4-matin"]
    assert "Ouvert quand la personne est disponible : mardi matin et jeudi matin." in found.proposals[0].why


def test_a_service_s_own_hours_count_over_its_place_s(ulis):
    place_at(ulis, 1, nom="Le samedi", horaires="Mo-Fr 09:00-17:00", service_horaires_accueil="Sa 09:00-12:00")
    assert names(matching.match(sheet(ulis, availability=["6-matin"]))) == ["Le samedi"]
    assert names(matching.match(sheet(ulis, availability=["1-matin"]))) == []


def test_the_support_a_disability_needs_ranks_first_and_is_explained(ulis):
    place_at(ulis, 1, nom="Sans accueil adapté")
    place_at(ulis, 3, nom="Accueil des sourds", prise_en_charge_specifique=["Surdité"])
    found = matching.match(sheet(ulis, disabilities=["audition"]))
    assert names(found) == ["Accueil des sourds", "Sans accueil adapté"]
    first, second = found.proposals
    assert "Accompagnement adapté : Surdité." in first.why
    assert "Il répond à : besoin d’un accompagnement adapté à la surdité." in first.why
    assert "N’indique pas d’accompagnement adapté (Surdité) : demandez-le en appelant." in second.why
    assert found.gaps == []


def test_a_language_other_than_french_asks_for_that_support(ulis):
    place_at(ulis, 1, nom="Anglais", prise_en_charge_specifique=["Langues étrangères (anglais)"])
    place_at(ulis, 2, nom="Autres langues", prise_en_charge_specifique=["Langues étrangères (autres)"])
    assert names(matching.match(sheet(ulis, language="Anglais")))[0] == "Anglais"
    assert names(matching.match(sheet(ulis, language="tamoul")))[0] == "Autres langues"


def test_a_person_who_cannot_travel_gets_remote_services_only(ulis):
    place_at(ulis, 1, nom="Sur place")
    place_at(ulis, 200, nom="Au téléphone", service_modes_accueil=["a-distance"], service_zone_eligibilite=["91"])
    place_at(ulis, 200, nom="Ailleurs", service_modes_accueil=["a-distance"], service_zone_eligibilite=["13"])
    found = matching.match(sheet(ulis, mobility="aucun"))
    assert names(found) == ["Au téléphone"] and found.remote
    assert "Aide à distance (téléphone, visio), ouverte aux habitants des Ulis." in found.proposals[0].why
    assert "Il répond à : ne peut pas se déplacer." in found.proposals[0].why


def test_help_in_person_is_not_answered_by_a_remote_service(ulis):
    place_at(ulis, 1, nom="À distance", service_modes_accueil=["a-distance"], service_zone_eligibilite=["91"])
    found = matching.match(sheet(ulis, reading="non", mobility="transports"))
    assert names(found) == []
    assert [(g.need, g.reason) for g in found.gaps] == [("demarches", "DEMARCHE"), ("Illettrisme", "LECTURE")]


def test_the_list_is_capped(ulis):
    for i in range(matching.MAX_RESULTS + 2):
        place_at(ulis, 0.1 * (i + 1), nom=f"Lieu {i:02d}")
    found = matching.match(sheet(ulis))
    assert len(found.proposals) == matching.MAX_RESULTS and names(found)[0] == "Lieu 00"


def test_an_unpublished_or_unrelated_place_is_never_proposed(ulis):
    place_at(ulis, 1, nom="Caché", est_publie=False)
    place_at(ulis, 1, nom="Loisirs", service_mediation=["Loisirs et créations numériques"], service_thematiques=[])
    assert names(matching.match(sheet(ulis))) == []


def test_no_commune_no_proposal(ulis):
    place_at(ulis, 1)
    found = matching.match(sheet(None))
    assert found.proposals == [] and found.gaps == []


def test_an_uncovered_need_is_counted_once_per_sheet_and_names_no_one(ulis):
    place_at(ulis, 1, nom="Sans accueil adapté")
    first = sheet(ulis, disabilities=["audition"])
    found = matching.match(first)
    assert [(g.need, g.reason) for g in found.gaps] == [("Surdité", "HANDICAP-AUDITION")]
    assert matching.record_gaps(first, found) == 1
    assert matching.record_gaps(first, matching.match(first)) == 0  # the same sheet, seen again
    matching.record_gaps(sheet(ulis, disabilities=["audition"]), found)
    need = UncoveredNeed.objects.get()
    assert (need.need, need.code_insee, need.reason, need.month, need.count) == (
        "Surdité", "91692", "HANDICAP-AUDITION", datetime.date(2026, 12, 1), 2,
    )  # fmt: skip
    # Nothing in it leads back to a sheet or a person.
    fields = {f.name for f in UncoveredNeed._meta.get_fields()}
    assert fields == {"id", "need", "code_insee", "reason", "month", "count"}
    first.delete()
    assert UncoveredNeed.objects.get().count == 2


def test_the_procedure_with_no_service_at_all_is_an_uncovered_need(ulis):
    found = matching.match(sheet(ulis, procedure="impots", accounts=["impots"]))
    assert [(g.need, g.reason) for g in found.gaps] == [("demarches", "DEMARCHE")]
