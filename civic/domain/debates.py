"""Every change in a debate: propose, comment, support, flag, hide, answer (validate, save, audit, notify)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import ANSWER, MODERATE, PARTICIPATE, can
from civic.domain.participants import name_of
from civic.models import Comment, Debate, Flag, Proposal, Support
from core import audit, mail
from moderation import notify


def _require(user, action, obj, message):
    if not can(user, action, obj):
        raise PermissionDenied(message)


def propose(debate: Debate, user, *, title: str, body: str) -> Proposal:
    _require(user, PARTICIPATE, debate, _("Ce débat ne reçoit plus de propositions."))
    proposal = Proposal.objects.create(
        debate=debate, author=user, author_name=name_of(user), title=title.strip(), body=body.strip()
    )
    audit.record(proposal, "proposition publiée", user=user)
    return proposal


def comment(proposal: Proposal, user, *, body: str) -> Comment:
    _require(user, PARTICIPATE, proposal, _("Ce débat ne reçoit plus de commentaires."))
    if proposal.is_hidden:
        raise ValidationError(_("Cette proposition est masquée : elle ne reçoit plus de commentaires."))
    note = Comment.objects.create(proposal=proposal, author=user, author_name=name_of(user), body=body.strip())
    audit.record(note, "commentaire publié", user=user)
    return note


def support(proposal: Proposal, user) -> bool:
    """One support per person; returns False when this person already supports it. Past the debate's threshold
    the proposal is « soumise à réponse officielle » and its author is told."""
    _require(user, PARTICIPATE, proposal, _("Ce débat ne reçoit plus de soutiens."))
    if proposal.is_hidden:
        raise ValidationError(_("Cette proposition est masquée : elle ne reçoit plus de soutiens."))
    if proposal.author_id == user.pk:
        raise ValidationError(_("Vous ne pouvez pas soutenir votre propre proposition."))
    try:
        with transaction.atomic():
            Support.objects.create(proposal=proposal, user=user)
    except IntegrityError:
        return False
    Proposal.objects.filter(pk=proposal.pk).update(supports_count=F("supports_count") + 1)
    proposal.refresh_from_db(fields=["supports_count", "threshold_reached_at"])
    audit.record(proposal, "soutien", user=user)
    reached = Proposal.objects.filter(
        pk=proposal.pk, threshold_reached_at__isnull=True, supports_count__gte=proposal.debate.threshold
    ).update(threshold_reached_at=timezone.now())
    if reached:  # claimed by one conditional UPDATE: the author is told once
        proposal.refresh_from_db(fields=["threshold_reached_at"])
        audit.record(proposal, "seuil de soutiens atteint", actor="seuil")
        _tell_author(proposal, "civic_threshold_reached")
    return True


def flag(*, proposal: Proposal | None = None, comment: Comment | None = None, reason: str) -> Flag:
    """Anyone asks moderators to look at a text (the queue « Débats : signalements »)."""
    item = Flag.objects.create(proposal=proposal, comment=comment, reason=reason.strip())
    audit.record(item.target, "signalé", actor="visiteur", note=reason.strip()[:500])
    return item


def hide(target, user, *, reason: str) -> None:
    """Hide a proposal or a comment with a public reason (never deleted); its pending flags are decided."""
    _require(user, MODERATE, target, _("La modération des débats est réservée à l’équipe de modération."))
    if not reason.strip():
        raise ValidationError(_("Dites pourquoi ce texte est masqué : le motif est affiché à sa place."))
    target.hidden_at, target.hidden_reason, target.hidden_by = timezone.now(), reason.strip()[:300], user
    target.save(update_fields=["hidden_at", "hidden_reason", "hidden_by"])
    _decide_flags(target, Flag.Decision.HIDDEN)
    audit.record(target, "masqué", user=user, note=target.hidden_reason)
    author = target.author
    if author is not None and author.email:
        proposal = target if isinstance(target, Proposal) else target.proposal
        if isinstance(target, Proposal):
            subject = _("votre proposition « %(title)s »") % {"title": proposal.title}
        else:
            subject = _("votre commentaire « %(title)s »") % {"title": proposal.title}
        notify.decision(
            author.email, subject=subject, accepted=False, reason=target.hidden_reason,
            url=reverse("civic:proposal", args=[proposal.debate.slug, proposal.pk]),
        )  # fmt: skip


def keep(target, user) -> None:
    """The moderator read the flags and keeps the text visible."""
    _require(user, MODERATE, target, _("La modération des débats est réservée à l’équipe de modération."))
    _decide_flags(target, Flag.Decision.KEPT)
    audit.record(target, "signalements écartés", user=user)


def _decide_flags(target, decision) -> None:
    flags = target.flags.filter(decision=Flag.Decision.PENDING)
    flags.update(decision=decision, decided_at=timezone.now())


def answer(proposal: Proposal, user, *, status: str, text: str, signed_as: str) -> None:
    """An official answer, shown on the proposal; its author is told."""
    _require(user, ANSWER, proposal, _("Seuls la coordination et les répondants désignés du débat répondent."))
    if status not in Proposal.Answer.values or not status:
        raise ValidationError(_("Choisissez la décision : retenue, à l’étude ou non retenue."))
    if not text.strip():
        raise ValidationError(_("Écrivez la réponse : elle est publiée sous la proposition."))
    before = audit.snapshot(proposal, ["answer_status", "answer"])
    proposal.answer_status, proposal.answer, proposal.answered_as = status, text.strip(), signed_as.strip()[:150]
    proposal.answered_by, proposal.answered_at = user, timezone.now()
    proposal.save(update_fields=["answer_status", "answer", "answered_as", "answered_by", "answered_at"])
    after = audit.snapshot(proposal, ["answer_status", "answer"])
    audit.record(proposal, "réponse officielle", user=user, changes=audit.changes_between(before, after))
    _tell_author(proposal, "civic_answered")


def _tell_author(proposal: Proposal, name: str) -> None:
    author = proposal.author
    if author is None or not author.is_active or not author.email:
        return
    mail.send(name, [author.email], {
        "proposal": proposal, "debate": proposal.debate,
        "url": reverse("civic:proposal", args=[proposal.debate.slug, proposal.pk]),
    })  # fmt: skip
