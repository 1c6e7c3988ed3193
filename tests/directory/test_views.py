import pytest
from django.urls import reverse

from directory.models import ErrorReport
from tests.factories import PlaceFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def test_home_offers_needs_and_home_communes(client):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "De quoi avez-vous besoin ?" in html and "Faire mes démarches administratives en ligne" in html
    assert ">Massy</a>" in html  # a commune of the home territory (Paris-Saclay)


def test_results_state_is_in_the_url_and_stable(client):
    ServiceFactory(place__nom="Maison France Services")
    url = "/recherche/?besoin=demarches&ou=91300&rayon=10"
    first, second = client.get(url), client.get(url)
    assert first.status_code == 200
    assert first.content == second.content
    html = first.content.decode()
    assert "Maison France Services" in html and "1 lieu trouvé" in html
    assert "Pourquoi ces résultats ?" in html and "du plus proche au plus éloigné" in html
    assert 'value="91300"' in html  # the form keeps what was asked


def test_results_show_distance_status_and_phone(client):
    ServiceFactory(place__nom="Médiathèque", place__latitude=48.74, place__longitude=2.28, place__horaires="24/7")
    html = client.get("/recherche/?ou=Massy").content.decode()
    assert "À 1,2 km" in html  # 1.05 km north, 0.58 km east
    assert "Ouvert" in html
    assert 'href="tel:+33169000000"' in html and "01 69 00 00 00" in html


def test_unknown_place_gives_a_french_error_and_keeps_the_form(client):
    response = client.get("/recherche/?ou=Zzyzx")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Nous ne trouvons pas « Zzyzx »" in html and 'aria-invalid="true"' in html


def test_an_unknown_need_in_an_old_link_is_named_in_french(client):
    response = client.get("/recherche/?ou=Massy&besoin=parentalite")
    assert response.status_code == 400
    assert "Le besoin « parentalite » n’existe pas : choisissez-en un dans la liste." in response.content.decode()


def test_malformed_parameters_never_crash(client):
    for query in ["rayon=abc", "page=-3", "lat=999&lon=2", "besoin=inconnu", "ouvert=9", "public=xx", "page=abc"]:
        response = client.get(f"/recherche/?ou=91300&{query}")
        assert response.status_code == 400, query


def test_empty_results_suggest_wider_search(client):
    ServiceFactory(place__nom="Évry", place__latitude=48.6243, place__longitude=2.4290)  # ~16 km
    html = client.get("/recherche/?ou=91300&rayon=5&gratuit=on").content.decode()
    assert "Aucun lieu ne correspond" in html
    assert "Chercher jusqu’à 20 km (1 lieu)" in html
    assert "accueil=distance" not in html and "Enlever les filtres" not in html  # they would find nothing


def test_pagination_links_keep_the_search(client):
    for i in range(25):
        ServiceFactory(place__nom=f"Lieu {i:02d}")
    html = client.get("/recherche/?ou=91300").content.decode()
    assert "Page 1 sur 2" in html and "ou=91300" in html and "page=2" in html
    assert "Lieu 20" in client.get("/recherche/?ou=91300&page=2").content.decode()


def test_place_page_has_what_is_needed_to_go(client):
    service = ServiceFactory(place__nom="Espace Numérique", place__courriels=["contact@exemple.fr"])
    place = service.place
    response = client.get(place.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    for expected in ["Aide aux démarches administratives", "Gratuit", "Sans rendez-vous", "Lundi", "9\xa0h – 12\xa0h",
                     'href="tel:+33169000000"', "mailto:contact@exemple.fr", "openstreetmap.org/directions",
                     "Informations vérifiées le", "Signaler une erreur", "Imprimer la fiche", "sms:"]:  # fmt: skip
        assert expected in html, expected


def test_place_short_url_redirects_to_canonical(client):
    place = PlaceFactory(nom="Le Lieu")
    response = client.get(f"/lieux/{place.pk}/")
    assert response.status_code == 301 and response["Location"] == place.get_absolute_url()
    assert client.get(f"/lieux/{place.pk}-mauvais-nom/").status_code == 301


def test_unpublished_place_is_not_found(client):
    place = PlaceFactory(est_publie=False)
    assert client.get(place.get_absolute_url()).status_code == 404


def test_print_sheet(client):
    place = ServiceFactory().place
    html = client.get(reverse("directory:place-sheet", args=[place.pk])).content.decode()
    assert place.nom in html and "Retrouvez cette fiche en ligne" in html and "Horaires" in html


def test_error_report_is_stored(client):
    place = PlaceFactory()
    url = reverse("directory:report", args=[place.pk])
    response = client.post(url, {"kind": "horaires", "message": "Fermé le mercredi désormais.", "email": ""})
    assert response.status_code == 302
    report = ErrorReport.objects.get()
    assert (report.place, report.kind, report.status) == (place, "horaires", "nouveau")


def test_error_report_errors_are_in_french_and_nothing_is_saved(client):
    place = PlaceFactory()
    url = reverse("directory:report", args=[place.pk])
    response = client.post(url, {"message": "x", "email": "pas-un-courriel"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Choisissez ce qui est faux." in html
    assert "au moins 5 caractères" in html
    assert "adresse de courriel n’est pas valide" in html
    assert not ErrorReport.objects.exists()


def test_commune_suggestions_json(client):
    data = client.get("/communes/?q=les ulis").json()
    assert data["communes"][0] == {"label": "Les Ulis (91940)", "code_insee": "91692"}


def test_error_report_form_has_no_empty_choice_and_hints_are_linked(client):
    place = PlaceFactory()
    html = client.get(reverse("directory:report", args=[place.pk])).content.decode()
    assert "---------" not in html
    assert 'aria-describedby="id_message_helptext"' in html and 'id="id_message_helptext"' in html


def test_pagination_links_are_plain_query_strings(client):
    for i in range(25):
        ServiceFactory(place__nom=f"Lieu {i:02d}")
    html = client.get("/recherche/?besoin=demarches&ou=91300").content.decode()
    assert 'href="?besoin=demarches&amp;ou=91300&amp;page=2"' in html
    assert "??" not in html


def test_typed_postal_code_and_arrondissement_are_kept_in_the_title(client):
    ServiceFactory(place__latitude=48.8566, place__longitude=2.3522)
    for typed in ["75015", "Paris 15e", "paris 15"]:
        assert "autour de Paris (75015)" in client.get("/recherche/", {"ou": typed}).content.decode(), typed


def test_typo_gets_a_suggestion(client):
    html = client.get("/recherche/?ou=Masy").content.decode()
    assert "Vouliez-vous dire" in html and "Massy (91300)" in html


def test_the_typed_postal_code_names_the_search(client):
    html = client.get("/recherche/?ou=Paris+75015").content.decode()
    assert "autour de Paris (75015)" in html


def test_no_phone_never_says_call(client):
    with_email = PlaceFactory(telephone="", courriels=["accueil@exemple.fr"], modalites_acces=["Téléphoner"])
    html = client.get(with_email.get_absolute_url()).content.decode()
    assert "ppelez" not in html and "Appeler le" not in html
    assert "écrivez au lieu" in html.lower() and "mailto:accueil@exemple.fr" in html
    nothing = PlaceFactory(telephone="", modalites_acces=[], itinerance=["Itinérant"])
    html = client.get(nothing.get_absolute_url()).content.decode()
    assert "ppelez" not in html
    assert "Aucun téléphone, courriel ni site n’est connu" in html
    assert f'href="/lieux/{nothing.pk}/signaler/">Signaler une erreur</a>' in html


def test_service_own_hours_phone_and_email_are_shown_and_used(client):
    service = ServiceFactory(
        place__horaires="Mo-Fr 09:00-12:00",
        horaires_accueil="Sa 10:00-12:00; PH off",
        telephone="+33160000001",
        courriel="permanence@exemple.fr",
    )
    html = client.get(service.place.get_absolute_url()).content.decode()
    assert "Pour ce service&nbsp;:" in html and "Horaires de ce service" in html
    assert "10\xa0h – 12\xa0h" in html  # the service's Saturday, not the place's hours
    assert 'href="tel:+33160000001"' in html and "01 60 00 00 01" in html
    assert "mailto:permanence@exemple.fr" in html


def test_sources_are_named_for_people(client):
    place = PlaceFactory(source="dora")
    html = client.get(place.get_absolute_url()).content.decode()
    assert "source&nbsp;: DORA via data·inclusion" in html
    other = PlaceFactory(source="import-xyz-2024")
    html = client.get(other.get_absolute_url()).content.decode()
    assert "import-xyz-2024" not in html and "une source partenaire" in html


def test_counts_and_elisions_in_french(client):
    query = {"ou": "Évry-Courcouronnes", "rayon": "2", "besoin": "equipement"}
    html = client.get("/recherche/", query).content.decode()
    assert "<title>0 lieu autour d’Évry-Courcouronnes" in html
    assert "0 lieux" not in html and "autour de Évry" not in html
    assert "km d’Évry-Courcouronnes" in html and "mairie d’Évry-Courcouronnes" in html


def test_place_page_goes_back_to_the_same_results(client):
    place = ServiceFactory(place__nom="Espace Retour").place
    results = client.get("/recherche/?besoin=demarches&ou=91300&rayon=5").content.decode()
    link = f"{place.get_absolute_url()}?besoin=demarches&amp;ou=91300&amp;rayon=5"
    assert f'href="{link}"' in results
    html = client.get(place.get_absolute_url(), {"besoin": "demarches", "ou": "91300", "x": "1"}).content.decode()
    assert '<a href="/recherche/?besoin=demarches&amp;ou=91300">Retour aux résultats</a>' in html
    assert f'<link rel="canonical" href="http://testserver{place.get_absolute_url()}">' in html
    short = client.get(f"/lieux/{place.pk}/?ou=91300")
    assert short["Location"] == f"{place.get_absolute_url()}?ou=91300"
    assert "Chercher d’autres lieux" in client.get(place.get_absolute_url()).content.decode()


def test_print_sheet_says_how_to_print_without_javascript(client):
    place = ServiceFactory().place
    html = client.get(reverse("directory:place-sheet", args=[place.pk])).content.decode()
    assert "Ctrl et P" in html and 'id="imprimer" hidden' in html


def test_map_code_is_not_loaded_with_the_page(client):
    place = ServiceFactory().place
    for html in [
        client.get("/recherche/?ou=91300").content.decode(),
        client.get(place.get_absolute_url()).content.decode(),
    ]:
        assert '<script src="/static/vendor/leaflet/leaflet.js"' not in html
        assert 'rel="stylesheet" href="/static/vendor/leaflet/leaflet.css"' not in html
        assert 'data-leaflet-js="/static/vendor/leaflet/leaflet.js"' in html


def test_the_first_of_the_month_reads_premier(client):
    import datetime

    service = ServiceFactory(place__date_maj=datetime.date(2026, 8, 1))
    assert "vérifiées le 1er août 2026" in client.get(service.place.get_absolute_url()).content.decode()
    assert "vérifiées le 1er août 2026" in client.get("/recherche/?ou=91300").content.decode()


def test_a_report_sent_to_an_absorbed_place_keeps_its_data(client):
    from directory.models import PlaceAlias

    kept = PlaceFactory()
    PlaceAlias.objects.create(old_pk=kept.pk + 1000, place=kept)
    old_url = reverse("directory:report", args=[kept.pk + 1000])
    response = client.post(old_url, {"kind": "horaires", "message": "Fermé le mercredi.", "email": ""})
    assert response.status_code == 308  # the browser sends the same form again to the new address
    assert response["Location"] == reverse("directory:report", args=[kept.pk])
    assert client.get(old_url).status_code == 301


def test_a_place_with_a_structure_invites_its_people_to_manage_it(client, django_user_model):
    from accounts.models import Structure

    structure = Structure.objects.create(name="Association Lien Numérique")
    place = PlaceFactory(structure=structure)
    manage = f'<a href="/compte/structures/{structure.pk}/">Vous travaillez ici&nbsp;? Gérez cette fiche</a>'
    anonymous = client.get(place.get_absolute_url()).content.decode()  # the page remembered for the minute
    assert manage in anonymous
    assert manage not in client.get(PlaceFactory(structure=None).get_absolute_url()).content.decode()
    # The link is the same for everyone; an anonymous visitor logs in first, then asks to join.
    structure_page = client.get(f"/compte/structures/{structure.pk}/")
    assert structure_page["Location"] == f"/connexion/?next=/compte/structures/{structure.pk}/"
    person = django_user_model.objects.create_user("dominique@exemple.fr", "mot-de-passe-2026")
    client.force_login(person)
    assert manage in client.get(place.get_absolute_url()).content.decode()
    assert "Je travaille dans cette structure" in client.get(f"/compte/structures/{structure.pk}/").content.decode()
