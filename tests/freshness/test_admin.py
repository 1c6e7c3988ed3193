"""Coordinators: a call or a visit recorded on a place's page, its cadence, the « relance sans réponse » list,
the dashboard's permissions."""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from core.models import AuditEntry
from directory.models import Place
from freshness.models import Channel, Confirmation, PlaceFreshness, UpdateRequest
from tests.admin_forms import no_inline_rows
from tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db


def place_form(client, place, **extra) -> dict:
    data = {
        "nom": place.nom, "adresse": place.adresse, "code_postal": place.code_postal, "commune": place.commune,
        "code_insee": place.code_insee, "latitude": str(place.latitude), "longitude": str(place.longitude),
        "telephone": place.telephone, "courriels": "\n".join(place.courriels), "horaires": place.horaires,
        "frais_a_charge": place.frais_a_charge, "modalites_acces": place.modalites_acces, "est_publie": "on",
        "source": place.source, "date_maj": place.date_maj.strftime("%d/%m/%Y") if place.date_maj else "",
        **no_inline_rows(client.get(reverse("admin:directory_place_change", args=[place.pk]))),
    }  # fmt: skip
    data.update(extra)
    return data


def test_a_coordinator_records_a_phone_call_on_the_place_page(admin_client, admin_user):
    place = PlaceFactory(date_maj=date(2025, 1, 1))
    url = reverse("admin:directory_place_change", args=[place.pk])
    page = admin_client.get(url).content.decode()
    assert "Vérifications des informations" in page and "Appel téléphonique d’un coordinateur" in page
    yesterday = timezone.localdate() - timedelta(days=1)
    response = admin_client.post(url, place_form(admin_client, place, **{
        "confirmations-TOTAL_FORMS": "1", "confirmations-0-channel": "appel",
        "confirmations-0-at_0": yesterday.strftime("%d/%m/%Y"), "confirmations-0-at_1": "10:30:00",
        "confirmations-0-note": "Horaires confirmés au téléphone",
    }))  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:3000]
    confirmation = Confirmation.objects.get()
    assert confirmation.channel == Channel.PHONE and confirmation.by == admin_user
    assert confirmation.note == "Horaires confirmés au téléphone"
    assert Place.objects.get(pk=place.pk).date_maj == yesterday
    assert AuditEntry.objects.filter(verb="informations confirmées", user=admin_user).exists()
    # Recorded checks are read only; a visit in the future is refused with a French message.
    response = admin_client.post(url, place_form(admin_client, Place.objects.get(pk=place.pk), **{
        "confirmations-TOTAL_FORMS": "1", "confirmations-0-channel": "visite",
        "confirmations-0-at_0": (timezone.localdate() + timedelta(days=2)).strftime("%d/%m/%Y"),
        "confirmations-0-at_1": "10:30:00",
    }))  # fmt: skip
    assert response.status_code == 200
    assert "ne peut pas être dans le futur" in response.content.decode()
    assert Confirmation.objects.count() == 1


def test_the_channel_list_offers_what_a_coordinator_does(admin_client):
    place = PlaceFactory()
    url = reverse("admin:directory_place_change", args=[place.pk])
    response = admin_client.post(url, place_form(admin_client, place, **{
        "confirmations-TOTAL_FORMS": "1", "confirmations-0-channel": "lien-courriel",
        "confirmations-0-at_0": timezone.localdate().strftime("%d/%m/%Y"), "confirmations-0-at_1": "00:00:00",
    }))  # fmt: skip
    assert response.status_code == 200 and not Confirmation.objects.exists()


def test_a_coordinator_sets_the_cadence(admin_client, settings):
    settings.ANCRAGE_FRESHNESS_CADENCE_MONTHS = 6
    place = PlaceFactory(date_maj=date(2026, 1, 10))
    url = reverse("admin:directory_place_change", args=[place.pk])
    response = admin_client.post(url, place_form(admin_client, place, **{
        "freshness-TOTAL_FORMS": "1", "freshness-0-cadence_months": "3", "freshness-0-place": str(place.pk),
    }))  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:3000]
    assert PlaceFreshness.objects.get(place=place).cadence_months == 3
    assert "10 avril 2026" in admin_client.get(url).content.decode()
    assert AuditEntry.objects.filter(verb="cadence de vérification").exists()


def test_unanswered_reminders_are_listed_for_the_coordinators(admin_client):
    now = timezone.now()
    waiting = PlaceFactory(nom="Lieu silencieux")
    answered = PlaceFactory(nom="Lieu qui a répondu")
    UpdateRequest.objects.create(place=waiting, due_on=date(2026, 1, 1), sent_at=now, reminded_at=now, escalated_at=now)
    UpdateRequest.objects.create(
        place=answered, due_on=date(2026, 1, 1), sent_at=now, reminded_at=now, escalated_at=now, answered_at=now,
        outcome=UpdateRequest.Outcome.CONFIRMED,
    )  # fmt: skip
    url = reverse("admin:freshness_updaterequest_changelist")
    html = admin_client.get(url + "?etat=sans-reponse").content.decode()
    assert "Relance sans réponse" in html
    assert "Lieu silencieux" in html and "Lieu qui a répondu" not in html
    for state in UpdateRequest.State:
        assert admin_client.get(f"{url}?etat={state.value}").status_code == 200


def _user(*perms, staff=True):
    user = get_user_model().objects.create_user(f"u{len(perms)}{staff}@example.fr", "motdepasse", is_staff=staff)
    user.user_permissions.set(Permission.objects.filter(codename__in=perms, content_type__app_label="freshness"))
    return user


@pytest.mark.parametrize(
    ("who", "dashboard", "launch"),
    [
        ("anonyme", 302, 302),
        ("public", 302, 302),
        ("équipe sans droit", 403, 403),
        ("lecture", 200, 403),
        ("coordination", 200, 200),
    ],
)
def test_permissions(client, who, dashboard, launch):
    users = {
        "public": lambda: _user(staff=False),
        "équipe sans droit": lambda: _user(),
        "lecture": lambda: _user("view_updaterequest", "view_campaign"),
        "coordination": lambda: _user("view_updaterequest", "view_campaign", "add_campaign"),
    }
    if who in users:
        client.force_login(users[who]())
    assert client.get(reverse("freshness:dashboard")).status_code == dashboard
    assert client.get(reverse("admin:freshness_campaign_add")).status_code == launch


def test_the_blank_row_offered_without_javascript_records_nothing(admin_client):
    import re

    place = PlaceFactory(date_maj=date(2025, 1, 1))
    url = reverse("admin:directory_place_change", args=[place.pk])
    page = admin_client.get(url).content.decode()
    blank = dict(
        re.findall(r'<input type="(?:text|hidden)" name="((?:initial-)?confirmations-0-[\w]+)" value="([^"]*)"', page)
    )
    assert "confirmations-0-at_0" in blank  # the row is there, dated today
    response = admin_client.post(url, place_form(admin_client, place, **{"confirmations-TOTAL_FORMS": "1", **blank}))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert not Confirmation.objects.exists()
    assert Place.objects.get(pk=place.pk).date_maj == date(2025, 1, 1)
