"""Debates: propose, comment, support past the threshold, flag, hide with a reason, official answers."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from accounts.models import User
from civic.domain import debates
from civic.models import Flag, Proposal
from core.models import AuditEntry
from tests.civic.conftest import deliver
from tests.factories_civic import DebateFactory, ProposalFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_citizen_proposes_and_only_their_public_name_is_shown(client):
    debate = DebateFactory()
    user = UserFactory(full_name="Camille Durand", email="camille@exemple.fr")
    client.force_login(user)
    response = client.post(reverse("civic:debate", args=[debate.slug]), {"title": "Atelier le samedi", "body": "Oui."})
    proposal = Proposal.objects.get()
    assert response.url == reverse("civic:proposal", args=[debate.slug, proposal.pk])
    page = client.get(response.url).content.decode()
    assert "Camille D." in page and "Durand" not in page and "camille@exemple.fr" not in page
    assert AuditEntry.objects.filter(verb="proposition publiée").exists()


def test_a_visitor_is_asked_to_create_an_account_and_a_post_leads_to_login(client):
    debate = DebateFactory()
    page = client.get(reverse("civic:debate", args=[debate.slug])).content.decode()
    assert "créez un compte de participation" in page and 'name="title"' not in page
    response = client.post(reverse("civic:debate", args=[debate.slug]), {"title": "x", "body": "y"})
    assert response.status_code == 302 and "/connexion/" in response.url
    assert not Proposal.objects.exists()


def test_errors_are_said_in_french_and_what_was_typed_is_kept(client):
    debate = DebateFactory()
    client.force_login(UserFactory())
    page = client.post(reverse("civic:debate", args=[debate.slug]), {"title": "", "body": "Mon texte"}).content.decode()
    assert "Ce champ est obligatoire." in page and "Mon texte" in page


def test_one_support_per_person_and_the_threshold_flags_the_proposal_and_tells_the_author(client):
    proposal = ProposalFactory(debate=DebateFactory(threshold=2))
    first, second = UserFactory(), UserFactory()
    assert debates.support(proposal, first) is True
    assert debates.support(proposal, first) is False
    proposal.refresh_from_db()
    assert proposal.supports_count == 1 and not proposal.awaits_answer
    client.force_login(second)
    client.post(reverse("civic:support", args=[proposal.debate.slug, proposal.pk]))
    proposal.refresh_from_db()
    assert proposal.supports_count == 2 and proposal.awaits_answer
    page = client.get(reverse("civic:proposal", args=[proposal.debate.slug, proposal.pk])).content.decode()
    assert "Soumise à réponse officielle" in page
    messages = deliver()
    assert [m.to for m in messages] == [[proposal.author.email]]
    assert "soumise à réponse officielle" in messages[0].subject


def test_an_author_cannot_support_their_own_proposal():
    proposal = ProposalFactory()
    with pytest.raises(ValidationError):
        debates.support(proposal, proposal.author)


def test_a_closed_debate_takes_no_proposal_support_or_comment():
    proposal = ProposalFactory(debate=DebateFactory(status="clos"))
    user = UserFactory()
    with pytest.raises(PermissionDenied):
        debates.propose(proposal.debate, user, title="a", body="b")
    with pytest.raises(PermissionDenied):
        debates.support(proposal, user)
    with pytest.raises(PermissionDenied):
        debates.comment(proposal, user, body="c")


def test_anyone_flags_a_comment_a_moderator_hides_it_with_a_reason_shown_in_place(client):
    proposal = ProposalFactory()
    note = debates.comment(proposal, UserFactory(), body="Texte injurieux")
    response = client.post(reverse("civic:flag", args=["commentaire", note.pk]), {"reason": "Insulte"})
    assert response.status_code == 302 and Flag.objects.get().comment == note
    moderator = User.objects.create_user("mod@exemple.fr", role=User.Role.MODERATOR)
    client.force_login(moderator)
    queue = client.get(reverse("moderation:queue")).content.decode()
    assert "Commentaire signalé" in queue
    review = reverse("civic:review", args=["commentaire", note.pk])
    page = client.post(review, {"decision": "masquer", "reason": ""}).content.decode()
    assert "Dites pourquoi ce texte est masqué" in page
    client.post(review, {"decision": "masquer", "reason": "Propos injurieux"})
    note.refresh_from_db()
    assert note.is_hidden and Flag.objects.get().decision == Flag.Decision.HIDDEN
    page = client.get(reverse("civic:proposal", args=[proposal.debate.slug, proposal.pk])).content.decode()
    assert "Texte injurieux" not in page and "Motif&nbsp;: Propos injurieux" in page
    assert "Commentaire signalé" not in client.get(reverse("moderation:queue")).content.decode()
    assert any("Propos injurieux" in m.body for m in deliver())  # the author is told why


def test_a_moderator_may_keep_a_flagged_proposal_visible(client):
    proposal = ProposalFactory()
    debates.flag(proposal=proposal, reason="Je ne suis pas d’accord")
    moderator = User.objects.create_user("mod@exemple.fr", role=User.Role.MODERATOR)
    client.force_login(moderator)
    client.post(reverse("civic:review", args=["proposition", proposal.pk]), {"decision": "garder"})
    proposal.refresh_from_db()
    assert not proposal.is_hidden and Flag.objects.get().decision == Flag.Decision.KEPT


def test_only_moderators_reach_the_review_page(client):
    proposal = ProposalFactory()
    client.force_login(UserFactory())
    assert client.get(reverse("civic:review", args=["proposition", proposal.pk])).status_code == 403


def test_a_designated_official_answers_and_the_author_is_told(client):
    proposal = ProposalFactory()
    official = UserFactory()
    answer_url = reverse("civic:answer", args=[proposal.debate.slug, proposal.pk])
    client.force_login(official)
    assert client.get(answer_url).status_code == 403
    proposal.debate.officials.add(official)
    client.post(answer_url, {"status": "retenue", "text": "Dès la rentrée.", "signed_as": "Élu au numérique"})
    proposal.refresh_from_db()
    assert proposal.answer_status == "retenue" and not proposal.awaits_answer
    page = client.get(reverse("civic:proposal", args=[proposal.debate.slug, proposal.pk])).content.decode()
    assert "Réponse officielle&nbsp;: retenue" in page and "Dès la rentrée." in page
    assert [m.to for m in deliver()] == [[proposal.author.email]]


def test_honeypot_refuses_robots(client):
    proposal = ProposalFactory()
    client.post(reverse("civic:flag", args=["proposition", proposal.pk]), {"reason": "x", "site_web_2": "spam"})
    assert not Flag.objects.exists()
