"""Every filter of the search, on services placed around Massy."""

from datetime import datetime

import pytest

from directory.domain.search import Criteria, search
from directory.needs import BY_SLUG
from tests.factories import MASSY, PlaceFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def around(radius_km=10, **kwargs) -> Criteria:
    return Criteria(latitude=MASSY[0], longitude=MASSY[1], radius_km=radius_km, code_insee="91377",
                    departement="91", epci="200056232", **kwargs)  # fmt: skip


def names(page) -> list[str]:
    return [r.place.nom for r in page.results]


def test_ranking_is_by_distance_then_name():
    ServiceFactory(place__nom="B", place__latitude=48.74, place__longitude=2.28)
    ServiceFactory(place__nom="A", place__latitude=48.74, place__longitude=2.28)
    ServiceFactory(place__nom="C", place__latitude=48.731, place__longitude=2.2721)
    assert names(search(around())) == ["C", "A", "B"]


def test_radius_excludes_places_beyond_it_even_inside_the_box():
    # North-east corner of the 10 km bounding box: ~13 km away, outside the circle.
    ServiceFactory(place__nom="Coin", place__latitude=48.73052 + 0.085, place__longitude=2.272041 + 0.13)
    ServiceFactory(place__nom="Dedans", place__latitude=48.75, place__longitude=2.29)
    assert names(search(around())) == ["Dedans"]
    assert "Coin" in names(search(around(radius_km=20)))


def test_need_matches_mediation_values_or_thematiques():
    ServiceFactory(place__nom="Démarches")
    ServiceFactory(
        place__nom="Tablette",
        mediation=["Maîtrise des outils numériques du quotidien"],
        thematiques=[
            "numerique--maitriser-les-fondamentaux-du-numerique",
            "numerique--acceder-a-des-services-en-ligne",
        ],
    )
    ServiceFactory(place__nom="DI seulement", mediation=[], thematiques=["numerique--acceder-a-des-services-en-ligne"])
    assert sorted(names(search(around(need=BY_SLUG["demarches"])))) == ["DI seulement", "Démarches"]
    assert names(search(around(need=BY_SLUG["outils"]))) == ["Tablette"]
    assert names(search(around(need=BY_SLUG["equipement"]))) == []


def test_free_only():
    ServiceFactory(place__nom="Gratuit")
    ServiceFactory(place__nom="Payant", frais="payant")
    assert names(search(around(free_only=True))) == ["Gratuit"]


def test_in_person_remote_and_itinerant():
    ServiceFactory(place__nom="Sur place")
    ServiceFactory(place__nom="Distance", modes_accueil=["a-distance"], zone_eligibilite=["91"],
                   place__latitude=48.70, place__longitude=2.20)  # fmt: skip
    ServiceFactory(place__nom="Trop loin", modes_accueil=["a-distance"], zone_eligibilite=["france"],
                   place__latitude=48.3, place__longitude=2.6)  # fmt: skip
    ServiceFactory(place__nom="Ailleurs", modes_accueil=["a-distance"], zone_eligibilite=["69"])
    ServiceFactory(place__nom="Bus", place__itinerance=["Itinérant"])
    assert sorted(names(search(around(accueil="presentiel")))) == ["Bus", "Sur place"]
    # Remote services: from places within the radius, whose eligibility zone covers the commune.
    assert names(search(around(accueil="distance"))) == ["Distance"]
    assert names(search(around(accueil="itinerant"))) == ["Bus"]


def test_publics_include_services_for_everyone():
    ServiceFactory(place__nom="Tous")
    ServiceFactory(place__nom="Seniors", publics=["seniors"])
    ServiceFactory(place__nom="Jeunes", publics=["jeunes"])
    assert sorted(names(search(around(publics=["seniors"])))) == ["Seniors", "Tous"]


def test_specific_support():
    ServiceFactory(place__nom="Surdité", place__prise_en_charge_specifique=["Surdité", "Illettrisme"])
    ServiceFactory(place__nom="Rien")
    assert names(search(around(supports=["Surdité"]))) == ["Surdité"]
    assert names(search(around(supports=["Surdité", "Handicaps moteurs"]))) == []


def test_open_on_a_chosen_day_and_now():
    ServiceFactory(place__nom="Semaine", place__horaires="Mo-Fr 09:00-12:00")
    ServiceFactory(place__nom="Samedi", place__horaires="Sa 10:00-12:00")
    ServiceFactory(place__nom="Inconnu", place__horaires="")
    assert names(search(around(open_when="6"))) == ["Samedi", "Inconnu"]  # unknown hours: kept, after
    monday_10 = datetime(2026, 11, 23, 10, 0)
    assert names(search(around(open_when="maintenant"), now=monday_10)) == ["Semaine", "Inconnu"]
    assert names(search(around(open_when="maintenant"), now=datetime(2026, 11, 23, 13, 0))) == ["Inconnu"]
    page = search(around(), now=monday_10)
    assert {r.place.nom: r.status.is_open for r in page.results} == {"Semaine": True, "Samedi": False, "Inconnu": False}


def test_booking_online():
    ServiceFactory(place__nom="Lien", place__prise_rdv="https://rdv.example.fr")
    ServiceFactory(place__nom="Modalité", place__modalites_acces=["Prendre un RDV en ligne"])
    ServiceFactory(place__nom="Service", lien_mobilisation="https://rdv.example.fr/s")
    ServiceFactory(place__nom="Non")
    assert sorted(names(search(around(booking_online=True)))) == ["Lien", "Modalité", "Service"]


def test_unpublished_places_and_places_without_services_are_not_listed():
    ServiceFactory(place__nom="Caché", place__est_publie=False)
    PlaceFactory(nom="Sans service")
    assert names(search(around())) == []


def test_pagination_counts_and_pages():
    for i in range(25):
        ServiceFactory(place__nom=f"Lieu {i:02d}", place__latitude=48.73 + i * 0.001)
    first = search(around(), page=1, page_size=10)
    third = search(around(), page=3, page_size=10)
    assert first.total == 25 and first.num_pages == 3 and len(first.results) == 10
    assert (third.first_index, third.last_index, len(third.results)) == (21, 25, 5)
    assert search(around(), page=99, page_size=10).number == 3


def test_results_list_only_the_matching_services():
    place = PlaceFactory(nom="Deux services")
    ServiceFactory(place=place)
    ServiceFactory(place=place, nom="Matériel", mediation=["Acquisition de matériel informatique à prix solidaire"],
                   thematiques=["numerique--acquerir-un-equipement"])  # fmt: skip
    result = search(around(need=BY_SLUG["equipement"])).results[0]
    assert [s.nom for s in result.services] == ["Matériel"]


def test_stale_places_leave_the_default_search_when_configured(settings):
    from datetime import date, timedelta

    ServiceFactory(place__nom="Récent")
    ServiceFactory(place__nom="Ancien", place__date_maj=date.today() - timedelta(days=800))
    assert sorted(names(search(around()))) == ["Ancien", "Récent"]  # default: nothing hidden
    settings.ANCRAGE_HIDE_AFTER_DAYS = 730
    assert names(search(around())) == ["Récent"]
    assert sorted(names(search(around(include_stale=True)))) == ["Ancien", "Récent"]


def test_combined_conditions_must_hold_for_one_same_service():
    place = PlaceFactory(nom="Deux services")
    ServiceFactory(place=place)  # free, administrative procedures
    ServiceFactory(place=place, frais="payant", mediation=["Maîtrise des outils numériques du quotidien"])
    assert names(search(around(need=BY_SLUG["demarches"], free_only=True))) == ["Deux services"]
    assert names(search(around(need=BY_SLUG["outils"], free_only=True))) == []
    assert names(search(around(need=BY_SLUG["outils"]))) == ["Deux services"]


def test_stored_search_keys_give_the_same_answer_as_the_services():
    """The keys are an index: for every combination, the result equals a direct filter on services."""
    import itertools

    from directory.domain.search import service_conditions
    from directory.models import Service

    variants = itertools.product(
        [["Aide aux démarches administratives"], ["Maîtrise des outils numériques du quotidien"], []],
        ["gratuit", "payant"],
        [["tous-publics"], ["seniors"]],
        [["en-presentiel"], ["a-distance"], ["en-presentiel", "a-distance"]],
    )
    for i, (mediation, frais, publics, modes) in enumerate(variants):
        ServiceFactory(
            place__nom=f"Lieu {i:02d}", place__latitude=48.73 + i * 0.0005, mediation=mediation,
            thematiques=["numerique--acceder-a-des-services-en-ligne"] if not mediation else [],
            frais=frais, publics=publics, modes_accueil=modes, zone_eligibilite=["91"],
        )  # fmt: skip
    for need, free, public, accueil in itertools.product(
        [None, BY_SLUG["demarches"], BY_SLUG["outils"]],
        [False, True],
        [[], ["seniors"]],
        ["", "presentiel", "distance"],
    ):
        c = around(need=need, free_only=free, publics=public, accueil=accueil)
        expected = set(Service.objects.filter(service_conditions(c)).values_list("place__nom", flat=True))
        assert set(names(search(c, page_size=100))) == expected, (need, free, public, accueil)


def test_seasonal_hours_stay_in_day_filters_whenever_the_place_was_saved(monkeypatch):
    """Saved in November, a place open on Saturdays in summer only is found for a Saturday in July."""
    from datetime import date

    from directory.domain import hours

    monkeypatch.setattr(hours.timezone, "localdate", lambda: date(2026, 11, 20))
    ServiceFactory(place__nom="Été", place__horaires="Mo-Fr 09:00-12:00; Jul-Aug Sa 09:00-12:00")
    ServiceFactory(place__nom="Semaine", place__horaires="Mo-Fr 09:00-12:00")
    monkeypatch.undo()
    july = datetime(2027, 7, 5, 10, 0)
    assert names(search(around(open_when="6"), now=july)) == ["Été"]
    assert names(search(around(open_when="6"), now=datetime(2026, 12, 1, 10, 0))) == []  # not in winter
    assert names(search(around(open_when="1"), now=july)) == ["Semaine", "Été"]


def test_unknown_hours_are_kept_after_the_matching_places_and_counted():
    ServiceFactory(place__nom="Inconnu tout près", place__horaires="", place__latitude=MASSY[0])
    ServiceFactory(place__nom="Illisible", place__horaires="du lundi au vendredi")
    ServiceFactory(place__nom="Mardi loin", place__horaires="Tu 09:00-12:00", place__latitude=48.75)
    ServiceFactory(place__nom="Mercredi", place__horaires="We 09:00-12:00")
    page = search(around(open_when="2"))
    assert names(page) == ["Mardi loin", "Illisible", "Inconnu tout près"]
    assert [r.hours_unknown for r in page.results] == [False, True, True]
    assert (page.total, page.hours_unknown) == (3, 2)
    assert [r.place.nom for r in page.matching] == ["Mardi loin"]
    assert page.first_unknown_index == 2
    assert search(around()).hours_unknown == 0  # no day asked: nothing set apart


def test_search_by_place_or_organisation_name_ignores_accents_and_case():
    ServiceFactory(place__nom="Médiathèque Jules-Verne")
    ServiceFactory(place__nom="Espace Léo", place__structure_parente="Centre communal d’action sociale")
    ServiceFactory(place__nom="Autre")
    assert names(search(around(name="mediatheque jules verne"))) == ["Médiathèque Jules-Verne"]
    assert names(search(around(name="MÉDIATHÈQUE"))) == ["Médiathèque Jules-Verne"]
    assert names(search(around(name="communal"))) == ["Espace Léo"]
    assert names(search(around(name="zzz"))) == []


def test_national_programmes_and_kinds_of_support():
    ServiceFactory(place__nom="FS", place__dispositif_programmes_nationaux=["France Services"])
    programmes = ["Aidants Connect", "Conseillers numériques"]
    ServiceFactory(place__nom="AC", place__dispositif_programmes_nationaux=programmes)
    ServiceFactory(place__nom="Atelier", place__modalites_accompagnement=["Dans un atelier collectif"])
    ServiceFactory(place__nom="Libre", place__modalites_accompagnement=["En autonomie"])
    assert names(search(around(programmes=["France Services"]))) == ["FS"]
    assert sorted(names(search(around(programmes=["France Services", "Conseillers numériques"])))) == ["AC", "FS"]
    assert names(search(around(modalities=["Dans un atelier collectif"]))) == ["Atelier"]
    assert names(search(around(modalities=["En autonomie"]))) == ["Libre"]


def test_language_through_the_specific_support():
    ServiceFactory(place__nom="English", place__prise_en_charge_specifique=["Langues étrangères (anglais)"])
    ServiceFactory(place__nom="Français")
    assert names(search(around(supports=["Langues étrangères (anglais)"]))) == ["English"]


def test_approximate_positions_come_after_precise_ones_at_the_same_distance():
    ServiceFactory(place__nom="Centre de la commune", place__position_approximative=True)  # at Massy's centre
    ServiceFactory(place__nom="Adresse connue", place__latitude=MASSY[0] + 0.004)  # about 450 m
    ServiceFactory(place__nom="Plus loin", place__latitude=MASSY[0] + 0.02)  # about 2 km
    page = search(around())
    assert names(page) == ["Adresse connue", "Centre de la commune", "Plus loin"]
    assert page.results[0].distance_label == "à 450 m"
    assert page.results[1].distance_label == "dans la commune de Massy"
    ServiceFactory(place__nom="Loin", place__position_approximative=True, place__commune="Évry-Courcouronnes",
                   place__latitude=48.6243, place__longitude=2.4290)  # fmt: skip
    assert search(around(radius_km=20)).results[-1].distance_label == "à environ 17 km, commune d’Évry-Courcouronnes"


def test_a_renamed_place_is_found_by_its_new_name():
    place = ServiceFactory(place__nom="Ancien nom").place
    place.nom = "Maison Numérique Éole"
    place.save(update_fields=["nom"])
    assert names(search(around(name="eole"))) == ["Maison Numérique Éole"]
    assert names(search(around(name="ancien"))) == []
