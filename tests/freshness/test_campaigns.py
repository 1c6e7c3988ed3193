"""Campaigns: the places chosen by commune, EPCI, département, type and source; batches; progress by place."""

from datetime import date, timedelta

import pytest
import time_machine
from django.core import mail as django_mail
from django.urls import reverse
from django.utils import timezone

from datahub.models import SourceRecord
from freshness.domain import campaigns
from freshness.domain.campaigns import Criteria
from freshness.models import Campaign, Channel, Confirmation, UpdateRequest
from tests.factories import PlaceFactory
from tests.freshness.conftest import confirm_path, deliver

pytestmark = pytest.mark.django_db


@pytest.fixture
def territory():
    massy = PlaceFactory(nom="Médiathèque de Massy", typologie=["BIB"], courriels=["bib@massy.example"])
    ccas = PlaceFactory(nom="CCAS de Massy", typologie=["CCAS"], courriels=[])
    palaiseau = PlaceFactory(
        nom="Mairie de Palaiseau", typologie=["MUNI"], commune="Palaiseau", code_insee="91477",
        courriels=["mairie@palaiseau.example"], date_maj=date(2020, 1, 1),
    )  # fmt: skip
    evry = PlaceFactory(nom="Association d’Évry", typologie=["ASSO"], commune="Évry-Courcouronnes", code_insee="91228")
    lyon = PlaceFactory(nom="Médiathèque de Lyon", typologie=["BIB"], commune="Lyon", code_insee="69123")
    PlaceFactory(nom="Lieu non publié", est_publie=False)
    SourceRecord.objects.create(source="dora", kind="lieu", source_id="d1", place=evry, feed="dora", fingerprint="x")
    return {"massy": massy, "ccas": ccas, "palaiseau": palaiseau, "evry": evry, "lyon": lyon}


def names(criteria) -> set[str]:
    return {p.nom for p in campaigns.places(criteria)}


def test_the_places_of_a_campaign(territory):
    assert len(names(Criteria())) == 5  # every published place
    assert names(Criteria(communes=["91377"])) == {"Médiathèque de Massy", "CCAS de Massy"}
    assert names(Criteria(epci="200056232")) == {"Médiathèque de Massy", "CCAS de Massy", "Mairie de Palaiseau"}
    assert names(Criteria(departement="69")) == {"Médiathèque de Lyon"}
    assert names(Criteria(typologies=["BIB", "CCAS"], departement="91")) == {"Médiathèque de Massy", "CCAS de Massy"}
    assert names(Criteria(source="dora")) == {"Association d’Évry"}
    assert names(Criteria(only_due=True, departement="91")) == {"Mairie de Palaiseau"}


def test_launch_from_the_admin_then_follow_the_progress(territory, admin_client, settings, client):
    settings.ANCRAGE_FRESHNESS_BATCH_SIZE = 1
    settings.ANCRAGE_FRESHNESS_BATCH_PAUSE = 60
    url = reverse("admin:freshness_campaign_add")
    form = {"name": "Printemps 2027", "epci": "200056232"}
    preview = admin_client.post(url, {**form, "apercu": "1"})
    assert "3 lieux publiés" in preview.content.decode() and "1 sans courriel" in preview.content.decode()
    assert not Campaign.objects.exists()
    response = admin_client.post(url, {**form, "lancer": "1"})
    campaign = Campaign.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("admin:freshness_campaign_change", args=[campaign.pk])
    assert campaign.scope.startswith("EPCI : ")
    assert campaign.requests.count() == 3
    # Throttled: one message per batch, the next batch a minute later.
    assert len(deliver()) == 1
    with time_machine.travel(timezone.now() + timedelta(seconds=61), tick=False):
        messages = deliver()
    assert sorted(m.to[0] for m in messages) == ["bib@massy.example", "mairie@palaiseau.example"]
    assert all("toutes les fiches de votre secteur" in m.body for m in messages)
    # Massy confirms by the link, Palaiseau sends a correction, the CCAS has no e-mail.
    massy_mail = next(m for m in messages if m.to == ["bib@massy.example"])
    assert client.post(confirm_path(massy_mail)).status_code == 200
    assert Confirmation.objects.get().channel == Channel.CAMPAIGN
    client.post(reverse("directory:report", args=[territory["palaiseau"].pk]), {"kind": "autre", "message": "Fermé."})
    progress = campaigns.progress(campaign)
    assert progress["total"] == 3 and progress["sent"] == 2
    counts = dict(progress["states"])
    assert counts["Informations confirmées"] == 1
    assert counts["Modification reçue"] == 1
    assert counts["Pas de courriel connu"] == 1
    assert counts["Envoyée, sans réponse pour l’instant"] == 0
    page = admin_client.get(reverse("admin:freshness_campaign_change", args=[campaign.pk])).content.decode()
    for text in ["CCAS de Massy", "Pas de courriel connu", "Médiathèque de Massy", "Informations confirmées"]:
        assert text in page


def test_a_launch_with_no_place_says_so(territory, admin_client):
    response = admin_client.post(
        reverse("admin:freshness_campaign_add"), {"name": "Vide", "departement": "91", "typologies": ["CCAS"],
                                                  "source": "dora", "lancer": "1"}
    )  # fmt: skip
    assert response.status_code == 400
    assert "Aucun lieu publié ne correspond" in response.content.decode()
    assert not Campaign.objects.exists()


def test_a_place_that_answered_before_its_batch_gets_nothing(territory, settings):
    settings.ANCRAGE_FRESHNESS_BATCH_PAUSE = 0
    campaign = campaigns.launch("Test", Criteria(communes=["91377"]), "Massy")
    from freshness.domain.confirm import confirm

    confirm(territory["massy"], channel=Channel.VISIT)
    assert deliver() == []
    assert UpdateRequest.objects.get(campaign=campaign, place=territory["massy"]).state == "confirme"
    assert django_mail.outbox == []
