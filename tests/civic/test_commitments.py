"""Commitments: updates, progress rolled up (weighted mean), milestones, followers confirmed and told."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import User
from civic.domain import commitments
from civic.models import Follower
from tests.civic.conftest import deliver, link_in
from tests.factories_civic import CommitmentFactory, ProposalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator():
    return User.objects.create_user("coord@exemple.fr", role=User.Role.COORDINATOR)


def test_progress_rolls_up_as_the_weighted_mean_of_sub_commitments_abandoned_ones_aside(coordinator):
    parent = CommitmentFactory()
    a, b, c = (CommitmentFactory(parent=parent, weight=w) for w in (1, 3, 1))
    commitments.update(a, coordinator, note="Fait.", status="realise")
    commitments.update(b, coordinator, note="Avance.", progress=20)
    parent.refresh_from_db()
    assert parent.progress == round((100 * 1 + 20 * 3 + 0 * 1) / 5)  # 32
    commitments.update(c, coordinator, note="Arrêté.", status="abandonne", abandon_reason="Plus de budget.")
    parent.refresh_from_db()
    assert parent.progress == 40  # (100 + 60) / 4


def test_an_update_needs_a_note_an_abandon_needs_a_reason_a_parent_is_computed(coordinator):
    parent = CommitmentFactory()
    CommitmentFactory(parent=parent)
    with pytest.raises(ValidationError):
        commitments.update(parent, coordinator, note=" ")
    with pytest.raises(ValidationError, match="doit dire pourquoi"):
        commitments.update(parent, coordinator, note="Stop.", status="abandonne")
    with pytest.raises(ValidationError, match="se calcule"):
        commitments.update(parent, coordinator, note="x", progress=50)


def test_a_follower_confirms_is_told_of_each_change_and_unsubscribes(client, coordinator):
    item = CommitmentFactory()
    client.post(reverse("civic:commitment", args=[item.slug]), {"email": "Voisine@Exemple.fr"})
    confirm = link_in(deliver()[0], "/engagements/suivre/")
    commitments.update(item, coordinator, note="Avant confirmation.", progress=10)
    assert len(deliver()) == 1  # an unconfirmed follower is told nothing
    assert "Confirmer" in client.get(confirm).content.decode()
    client.post(confirm)
    assert Follower.objects.get().confirmed_at is not None
    client.force_login(coordinator)
    client.post(
        reverse("civic:commitment-edit", args=[item.slug]),
        {"status": "en-cours", "progress": "60", "note": "Salle réservée."},
    )
    message = deliver()[-1]
    assert message.to == ["voisine@exemple.fr"] and "Salle réservée." in message.body and "60 %" in message.body
    client.logout()
    stop = link_in(message, "/engagements/desabonner/")
    client.post(stop)
    assert not Follower.objects.exists()


def test_the_authors_of_the_proposals_behind_a_commitment_are_told(coordinator):
    proposal = ProposalFactory()
    item = CommitmentFactory()
    item.proposals.add(proposal)
    commitments.update(item, coordinator, note="Lancé.", status="en-cours")
    assert [m.to for m in deliver()] == [[proposal.author.email]]


def test_a_milestone_passed_is_dated_and_told_as_an_update(coordinator):
    item = CommitmentFactory()
    milestone = item.milestones.create(title="Achat des tablettes")
    commitments.reach_milestone(milestone, coordinator)
    milestone.refresh_from_db()
    assert milestone.done_on is not None and "Achat des tablettes" in item.updates.get().note


def test_the_public_page_never_shows_a_follower_address_and_edit_is_the_coordination_s(client):
    item = CommitmentFactory()
    Follower.objects.create(commitment=item, email="secret@exemple.fr")
    page = client.get(reverse("civic:commitment", args=[item.slug])).content.decode()
    assert "secret@exemple.fr" not in page and "Publier une mise à jour" not in page
    client.force_login(User.objects.create_user("x@exemple.fr"))
    assert client.get(reverse("civic:commitment-edit", args=[item.slug])).status_code == 403
