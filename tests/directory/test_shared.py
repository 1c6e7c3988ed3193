"""The needs offered on every page come from the shared cache, and are never stale after a write."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from directory.domain import shared, writes
from directory.domain.search import needs_with_places
from directory.models import Place, Service
from tests.factories import PlaceFactory, ServiceFactory

pytestmark = pytest.mark.django_db

EQUIPMENT = ["Accès internet et matériel informatique"]


def _offered_on_home(client) -> bool:
    """Whether the need « Me connecter à internet » is offered (not disabled) on the home page."""
    html = client.get(reverse("directory:home")).content.decode()
    option = html.split('value="wifi"', 1)[1].split("</option>", 1)[0]
    return "aucun lieu pour l’instant" not in option


def test_the_needs_are_read_from_the_shared_cache_in_one_query():
    ServiceFactory()
    assert needs_with_places() == {"demarches"}
    with CaptureQueriesContext(connection) as queries:
        assert needs_with_places() == {"demarches"}
    assert len(queries) == 1  # the generation and the value, in one cache query


def test_a_service_saved_through_the_writes_is_offered_at_once(client):
    service = ServiceFactory()
    assert not _offered_on_home(client)
    service.mediation = EQUIPMENT
    writes.save_service(service, fields=["mediation"])
    assert "wifi" in needs_with_places()
    assert _offered_on_home(client)


def test_a_deleted_service_or_an_unpublished_place_is_no_longer_offered(client):
    service = ServiceFactory(mediation=EQUIPMENT)
    assert _offered_on_home(client)
    writes.delete_service(service)
    assert not _offered_on_home(client)
    other = ServiceFactory(mediation=EQUIPMENT)
    assert _offered_on_home(client)
    other.place.est_publie = False
    other.place.save()  # an admin action or a merge, outside writes.py
    assert "wifi" not in needs_with_places()


def test_an_import_refreshing_its_places_is_seen_at_once():
    place = PlaceFactory()
    assert needs_with_places() == set()
    # The batched writer inserts services in bulk (no signal), then refreshes its places once.
    Service.objects.bulk_create([Service(place=place, nom="Matériel", mediation=EQUIPMENT, source="test")])
    assert needs_with_places() == set()  # not refreshed yet: the place's search keys are still empty
    writes.refresh_places([place.pk])
    assert needs_with_places() == {"acces", "wifi"}


def test_a_value_computed_while_a_write_happened_is_not_served_after_it():
    calls = []

    def compute():
        calls.append(1)
        if len(calls) == 1:
            shared.forget()  # a write commits while the first reader computes from older data
        return len(calls)

    assert shared.remembered("test", compute) == 1
    assert shared.remembered("test", compute) == 2  # the first value carried the old generation
    assert shared.remembered("test", compute) == 2


def test_a_write_makes_the_values_obsolete_again_when_its_transaction_commits(django_capture_on_commit_callbacks):
    assert shared.remembered("test", lambda: "avant") == "avant"
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        Place.objects.update(nom="x")  # stands for any write in a transaction
        shared.forget()
    assert len(callbacks) == 1
    assert shared.remembered("test", lambda: "après") == "après"


RESULTS = reverse("directory:results") + "?ou=91300"


def test_a_results_page_is_computed_once_a_minute(client, monkeypatch):
    from datetime import datetime, timedelta

    from django.utils import timezone

    ServiceFactory(place__nom="Médiathèque")
    noon = timezone.make_aware(datetime(2026, 12, 1, 12, 0, 5))
    monkeypatch.setattr(timezone, "now", lambda: noon)
    first = client.get(RESULTS)
    with CaptureQueriesContext(connection) as queries:
        again = client.get(RESULTS)
    assert again.content == first.content and again.status_code == 200
    assert len(queries) == 1  # the page, from the shared cache
    monkeypatch.setattr(timezone, "now", lambda: noon + timedelta(minutes=1))
    with CaptureQueriesContext(connection) as queries:
        assert "Médiathèque" in client.get(RESULTS).content.decode()
    assert len(queries) > 1  # another minute: computed again (statuses are to the minute)


def test_a_results_page_shows_a_write_at_once(client):
    ServiceFactory(place__nom="Médiathèque")
    assert "Maison France Services" not in client.get(RESULTS).content.decode()
    ServiceFactory(place__nom="Maison France Services")
    assert "Maison France Services" in client.get(RESULTS).content.decode()
    place = Place.objects.get(nom="Médiathèque")
    place.nom = "Médiathèque Jean-Cocteau"
    writes.save_place(place, fields=["nom"])
    assert "Médiathèque Jean-Cocteau" in client.get(RESULTS).content.decode()


def test_every_parameter_of_the_query_counts(client):
    ServiceFactory(place__nom="Médiathèque")
    assert client.get(RESULTS).status_code == 200
    page = client.get(RESULTS + "&page=abc")
    assert page.status_code == 400


def test_the_home_and_place_pages_show_a_write_at_once(client):
    service = ServiceFactory(place__nom="Médiathèque")
    place = service.place
    assert "Médiathèque" in client.get(place.get_absolute_url()).content.decode()
    assert not _offered_on_home(client)
    service.mediation = EQUIPMENT
    writes.save_service(service, fields=["mediation"])
    assert _offered_on_home(client)
    old_url = place.get_absolute_url()
    place.nom, place.telephone = "Médiathèque Jean-Cocteau", "+33169111111"
    writes.save_place(place, fields=["nom", "telephone"])
    response = client.get(old_url)
    assert response.status_code == 301 and response["Location"] == place.get_absolute_url()  # never remembered
    assert "01 69 11 11 11" in client.get(place.get_absolute_url()).content.decode()
    place.est_publie = False
    place.save()
    assert client.get(place.get_absolute_url()).status_code == 404


def test_a_closure_entered_shows_at_once_on_a_remembered_place_page(client):
    import datetime

    from django.utils import timezone

    from directory.domain import temporary

    place = ServiceFactory(place__nom="Médiathèque").place
    assert "Fermeture exceptionnelle" not in client.get(place.get_absolute_url()).content.decode()
    today = timezone.localdate()
    info = temporary.add(place, user=None, kind="fermeture", debut=today + datetime.timedelta(days=3),
                         fin=today + datetime.timedelta(days=5), texte="Inventaire")  # fmt: skip
    assert "Inventaire" in client.get(place.get_absolute_url()).content.decode()
    temporary.remove(info, user=None)
    assert "Inventaire" not in client.get(place.get_absolute_url()).content.decode()


def test_a_page_for_a_logged_in_person_or_with_a_message_is_never_kept(client, django_user_model):
    from django.contrib.messages import get_messages
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.test import RequestFactory

    from directory import views

    person = django_user_model.objects.create_user("membre@exemple.fr", "mot-de-passe-2026")
    client.force_login(person)
    client.get(reverse("directory:home"))  # computed for them: not kept for the others
    request = RequestFactory().get(reverse("directory:home"))
    request.user, request.session = person, client.session
    request._messages = FallbackStorage(request)
    request._messages.add(20, "Vous êtes déconnecté.")
    assert "Vous êtes déconnecté." in views.home(request).content.decode()
    client.logout()
    anonymous = client.get(reverse("directory:home")).content.decode()
    assert "Vous êtes déconnecté." not in anonymous and "membre@exemple.fr" not in anonymous
    assert len(get_messages(request)) == 1  # the visitor's own message is still theirs to read
