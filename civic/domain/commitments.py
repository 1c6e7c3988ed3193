"""Every change to a commitment: an update (state, progress, public note), a milestone, a follower.

Progress rolls up: a commitment with sub-commitments takes the weighted mean of their progress (weight 1 by
default, so a plain mean), abandoned ones left out; only a commitment without sub-commitments has its progress
typed. Each change writes a public `Update`, the audit entry, and tells the confirmed followers and the authors
of the proposals the commitment came from (Decidim's users ask for the latter).
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import normalize_email
from civic.domain.participants import link_days
from civic.models import Commitment, Follower, Milestone, Update
from core import audit, mail, signing

S = Commitment.Status
FOLLOW, UNFOLLOW = "civic-suivre", "civic-ne-plus-suivre"
UNFOLLOW_MAX_AGE = timedelta(days=3650)  # an unsubscribe link works as long as the subscription


def rolled_up(commitment: Commitment) -> int | None:
    """The weighted mean of the sub-commitments' progress (abandoned ones excluded); None without any."""
    children = [c for c in commitment.children.all() if c.status != S.ABANDONED]
    weight = sum(c.weight for c in children)
    if not weight:
        return None
    return round(sum(c.progress * c.weight for c in children) / weight)


def _roll_up_from(commitment: Commitment | None) -> None:
    while commitment is not None:
        value = rolled_up(commitment)
        if value is not None and value != commitment.progress:
            commitment.progress = value
            commitment.save(update_fields=["progress"])
        commitment = commitment.parent


@transaction.atomic
def update(commitment: Commitment, user, *, note: str, status: str = "", progress: int | None = None,
           abandon_reason: str = "", notify: bool = True) -> Update:  # fmt: skip
    """A public update: a note, and optionally a new state or progress. Validated, saved, rolled up to the
    parents, audited; followers and proposal authors are told."""
    note, abandon_reason = note.strip(), abandon_reason.strip()
    if not note:
        raise ValidationError(_("Écrivez une note publique : elle explique ce qui a changé."))
    status = status or commitment.status
    if status not in S.values:
        raise ValidationError(_("État inconnu."))
    if status == S.ABANDONED and not (abandon_reason or commitment.abandon_reason):
        raise ValidationError(_("Un engagement abandonné doit dire pourquoi."))
    if progress is not None:
        if commitment.children.exists():
            raise ValidationError(_("L’avancement de cet engagement se calcule à partir de ses sous-engagements."))
        if not 0 <= progress <= 100:
            raise ValidationError(_("L’avancement va de 0 à 100 %."))
    if status == S.DONE and not commitment.children.exists():
        progress = 100
    before = audit.snapshot(commitment, ["status", "progress", "abandon_reason"])
    entry = Update(commitment=commitment, author=user if getattr(user, "is_authenticated", False) else None,
                   note=note, status_before=commitment.status, progress_before=commitment.progress)  # fmt: skip
    commitment.status = status
    if progress is not None:
        commitment.progress = progress
    if status == S.ABANDONED and abandon_reason:
        commitment.abandon_reason = abandon_reason
    commitment.updated = timezone.now()
    commitment.save(update_fields=["status", "progress", "abandon_reason", "updated"])
    _roll_up_from(commitment.parent)
    entry.status_after, entry.progress_after = commitment.status, commitment.progress
    entry.save()
    after = audit.snapshot(commitment, ["status", "progress", "abandon_reason"])
    audit.record(commitment, "mise à jour publiée", user=user, actor="" if user else "commande",
                 changes=audit.changes_between(before, after), note=note[:500])  # fmt: skip
    if notify:
        tell(commitment, entry)  # queued jobs: rolled back with the update if it fails
    return entry


def reach_milestone(milestone: Milestone, user, *, day=None) -> Update:
    """A milestone is passed: dated, and told as an update."""
    milestone.done_on = day or timezone.localdate()
    milestone.save(update_fields=["done_on"])
    return update(milestone.commitment, user, note=f"Étape franchie : {milestone.title}.")


def recipients(commitment: Commitment) -> list[tuple[str, Follower | None]]:
    """Confirmed followers of the commitment (and of the commitments it belongs to) and the authors of its
    proposals; each address once."""
    chain, node = [], commitment
    while node is not None:
        chain.append(node.pk)
        node = node.parent
    seen, result = set(), []
    for follower in Follower.objects.filter(commitment_id__in=chain, confirmed_at__isnull=False).order_by("pk"):
        if follower.email not in seen:
            seen.add(follower.email)
            result.append((follower.email, follower))
    for proposal in commitment.proposals.select_related("author"):
        author = proposal.author
        if author is not None and author.is_active and author.email and author.email not in seen:
            seen.add(author.email)
            result.append((author.email, None))
    return result


def tell(commitment: Commitment, entry: Update) -> int:
    url = reverse("civic:commitment", args=[commitment.slug])
    count = 0
    for email, follower in recipients(commitment):
        stop = reverse("civic:unfollow", args=[signing.make_token(UNFOLLOW, follower.pk)]) if follower else ""
        mail.send("civic_commitment_update", [email], {
            "commitment": commitment, "update": entry, "url": url, "unfollow_url": stop,
            "status": S(entry.status_after).label if entry.status_after else "",
        })  # fmt: skip
        count += 1
    return count


def follow(commitment: Commitment, email: str) -> None:
    """Ask to follow: a confirmation link is sent (nothing is said about whether the address already follows)."""
    email = normalize_email(email)
    try:
        with transaction.atomic():
            follower = Follower.objects.create(commitment=commitment, email=email)
    except IntegrityError:
        follower = Follower.objects.get(commitment=commitment, email=email)
        if follower.confirmed_at:
            return
    token = signing.make_token(FOLLOW, follower.pk, single_use=True)
    mail.send("civic_follow_confirm", [email], {
        "commitment": commitment, "url": reverse("civic:follow-confirm", args=[token]), "days": link_days().days,
    })  # fmt: skip


def check_follow_link(token: str) -> None:
    signing.read_token(token, FOLLOW, max_age=link_days(), single_use=True, consume=False)


def confirm_follow(token: str) -> Follower:
    pk = signing.read_token(token, FOLLOW, max_age=link_days(), single_use=True)
    follower = Follower.objects.select_related("commitment").filter(pk=pk).first()
    if follower is None:
        raise signing.InvalidLink
    if not follower.confirmed_at:
        follower.confirmed_at = timezone.now()
        follower.save(update_fields=["confirmed_at"])
    return follower


def check_unfollow_link(token: str) -> int:
    return signing.read_token(token, UNFOLLOW, max_age=UNFOLLOW_MAX_AGE)


def unfollow(token: str) -> Commitment | None:
    """The unsubscribe link of every message: the address is deleted (valid as long as the subscription)."""
    pk = check_unfollow_link(token)
    follower = Follower.objects.select_related("commitment").filter(pk=pk).first()
    if follower is None:
        return None
    commitment = follower.commitment
    follower.delete()
    return commitment
