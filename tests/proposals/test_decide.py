"""A moderator's decision: accept (published at once, found by the search, recorded as « proposition », the
structure found by SIRET, the proposer made its admin) or refuse with a reason; who may decide."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.models import Membership, Structure, User
from core import worker
from core.models import AuditEntry
from datahub.models import FieldChange, SourceRecord
from directory.models import Place
from proposals.domain import decide
from proposals.models import Proposal
from tests.factories import PlaceFactory
from tests.proposals.conftest import WHO, confirm_url, propose

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(client):
    propose(client)
    client.post(confirm_url())
    proposal = Proposal.objects.get()
    assert proposal.status == Proposal.Status.PENDING
    mail.outbox.clear()
    return proposal


def test_an_accepted_place_is_published_found_and_recorded_as_a_proposal(client, pending, staff):
    place = decide.accept(pending, user=staff["moderator"])
    assert place.est_publie and place.code_insee == "91377" and place.services.count() == 1
    html = client.get("/recherche/?ou=Massy&rayon=5").content.decode()
    assert "Atelier numérique Clic" in html
    record = SourceRecord.objects.get(source="proposition", kind=SourceRecord.Kind.PLACE, place=place)
    assert record.data["nom"] == "Atelier numérique Clic"
    assert FieldChange.objects.filter(record=record, field="nom", by=staff["moderator"]).exists()
    assert SourceRecord.objects.filter(source="proposition", kind=SourceRecord.Kind.SERVICE, place=place).exists()
    assert AuditEntry.objects.filter(verb="acceptée", object_id=str(pending.pk)).exists()


def test_the_structure_with_the_same_siret_gets_the_place_and_the_proposer_becomes_its_admin(pending, staff):
    known = Structure.objects.create(name="Clic (nom officiel)", siret="13002526500013")
    place = decide.accept(pending, user=staff["moderator"])
    assert place.structure == known
    person = User.objects.get(email="benevole@exemple.fr")
    assert not person.has_usable_password()
    assert Membership.objects.get(user=person, structure=known).role == Membership.Role.ADMIN
    worker.run_pending()
    subjects = [m.subject for m in mail.outbox]
    assert any("gérer la fiche" in s for s in subjects) and any("modération" in s for s in subjects)


def test_without_a_known_siret_a_new_structure_is_created_not_validated(pending, staff):
    place = decide.accept(pending, user=staff["coordinator"])
    assert place.structure.name == "Association Clic Massy" and not place.structure.validated
    assert place.structure.siret == "13002526500013"


def test_a_refusal_needs_a_reason_and_the_proposer_is_told_why(pending, staff):
    with pytest.raises(ValidationError):
        decide.refuse(pending, user=staff["moderator"], reason=" ")
    decide.refuse(pending, user=staff["moderator"], reason="Ce lieu est déjà sur la carte.")
    assert Proposal.objects.get().status == Proposal.Status.REFUSED and not Place.objects.exists()
    worker.run_pending()
    assert "déjà sur la carte" in mail.outbox[-1].body and mail.outbox[-1].to == ["benevole@exemple.fr"]


def test_only_moderators_and_coordinators_decide(client, pending, staff):
    url = f"/moderation/propositions/{pending.pk}/"
    assert client.get(url).status_code == 302  # anonymous: to the login page
    client.force_login(staff["member"])
    assert client.get(url).status_code == 403
    assert client.post(url, {"decision": "accepter"}).status_code == 403
    with pytest.raises(PermissionDenied):
        decide.accept(pending, user=staff["member"])
    for role in ("moderator", "coordinator"):
        client.force_login(staff[role])
        assert client.get(url).status_code == 200
    assert not Place.objects.exists()
    response = client.post(url, {"decision": "accepter"})
    assert response.status_code == 302 and Place.objects.get().nom == "Atelier numérique Clic"


def test_the_review_page_shows_possible_duplicates(client, pending, staff):
    PlaceFactory(nom="Atelier Numérique CLIC", code_insee="91377", commune="Massy")
    PlaceFactory(nom="Bibliothèque", code_insee="75056", commune="Paris")
    client.force_login(staff["moderator"])
    page = client.get(f"/moderation/propositions/{pending.pk}/").content.decode()
    assert "Atelier Numérique CLIC" in page and "Bibliothèque" not in page


def test_the_queue_lists_confirmed_proposals_only(client, pending, staff):
    propose(client, who={**WHO, "email": "autre@exemple.fr"})  # sent, not confirmed
    client.force_login(staff["moderator"])
    page = client.get("/moderation/?type=propositions").content.decode()
    assert page.count("Proposition : Atelier numérique Clic") == 1


def test_a_service_for_a_place_whose_structure_has_an_admin_does_not_make_the_proposer_admin(client, staff):
    from tests.proposals.conftest import SERVICE, confirm_url, go

    structure = Structure.objects.create(name="CCAS de Massy")
    Membership.objects.create(user=staff["member"], structure=structure, role=Membership.Role.ADMIN)
    place = PlaceFactory(nom="CCAS de Massy", structure=structure)
    client.get(f"/proposer/lieu/{place.pk}/")
    go(client, "qui", WHO)
    go(client, "services", SERVICE)
    go(client, "relecture", {}, action="envoyer")
    client.post(confirm_url())
    decide.accept(Proposal.objects.get(), user=staff["moderator"])
    assert [s.nom for s in place.services.all()] == ["Aide aux démarches en ligne"]
    assert not User.objects.filter(email="benevole@exemple.fr").exists()


def test_the_moderator_reads_everything_proposed_before_deciding(client, pending, staff):
    client.force_login(staff["moderator"])
    html = client.get(f"/moderation/propositions/{pending.pk}/").content.decode()
    proposed = [
        "Association Clic Massy",
        "Atelier numérique Clic",
        "3 rue de la Gare",
        "Massy",
        "Aide aux démarches en ligne",
        "Avec une bénévole, sur rendez-vous.",
        "benevole@exemple.fr",
    ]
    for value in proposed:
        assert value in html, value


def test_an_accepted_proposal_is_not_its_own_duplicate(client, pending, staff):
    place = decide.accept(pending, user=staff["moderator"])
    client.force_login(staff["moderator"])
    html = client.get(f"/moderation/propositions/{pending.pk}/").content.decode()
    assert f'href="{place.get_absolute_url()}"' not in html.split("Ces lieux ont un nom proche", 1)[-1][:2000]
    assert "Ces lieux ont un nom proche" not in html
