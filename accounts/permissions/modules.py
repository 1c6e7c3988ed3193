"""Rules for the modules that hold people's data or public acts: the survey, the agenda, citizens' requests,
referrals and situation sheets, the network, debates, councils and juries, rights handovers."""

from accounts.models import Membership
from accounts.permissions.base import (
    ANSWER,
    CLERK,
    DELETE,
    EDIT,
    MERGE,
    MODERATE,
    PARTICIPATE,
    VIEW,
    active,
    is_clerk,
    is_coordinator,
    is_member,
    is_moderator,
    is_professional,
)


def _survey_response(user, action, response) -> bool:
    """An anonymous survey response: read, corrected, deleted and imported by the coordination only."""
    return is_coordinator(user)


def sees_trainings(user) -> bool:
    """A social worker, a mediator, an aidant, or anyone working in a structure: sees the trainings for aidants."""
    return active(user) and bool(
        user.profession
        or user.is_coordinator
        or user.is_moderator
        or Membership.objects.filter(user_id=user.pk).exists()
    )


def _event(user, action, event) -> bool:
    """An event of the agenda: its organiser's people write it; published ones are public (trainings: to
    professionals); a new organiser's first events are moderated."""
    if is_coordinator(user):
        return True
    organiser = is_member(user, event.structure_id)
    if action == VIEW:
        if event.status in ("publie", "annule"):
            return event.kind != "formation" or sees_trainings(user)
        return organiser or is_moderator(user)
    if action == MODERATE:
        return is_moderator(user)
    if action in (EDIT, DELETE):
        return organiser
    return False


def _registration(user, action, registration) -> bool:
    """A person's registration: the organiser sees it (attendance sheet) and records attendance."""
    if action in (VIEW, EDIT):
        return is_coordinator(user) or is_member(user, registration.occurrence.event.structure_id)
    return is_coordinator(user)


def _serves(user, service_id) -> bool:
    """Is `user` a member of the responsible service (participation) `service_id`?"""
    return active(user) and user.request_services.filter(pk=service_id).exists()


def _citizen_request(user, action, request) -> bool:
    """A citizen's request (participation): public once confirmed; handled by its category's service."""
    if is_coordinator(user):
        return True
    handles = _serves(user, request.category.service_id)
    if action == VIEW:
        return request.is_public or handles
    if action in (EDIT, MERGE):
        return handles
    return False


def _responsible_service(user, action, service) -> bool:
    if action == VIEW:
        return is_coordinator(user) or _serves(user, service.pk)
    return is_coordinator(user)


def _commission(user, action, commission) -> bool:
    """A neighbourhood commission: public; its members rank requests and publish minutes."""
    if action == VIEW:
        return True
    if action == EDIT:
        return is_coordinator(user) or (active(user) and commission.members.filter(pk=user.pk).exists())
    return is_coordinator(user)


def _referral(user, action, referral) -> bool:
    """A person referred to a service: the professional who sent it follows it and says whether the person came
    (edit); the coordination administers (the admin shows the person's data only anonymised); nobody else."""
    if is_coordinator(user):
        return True
    if action in (VIEW, EDIT):
        return active(user) and referral.sender_id == user.pk
    return False


def _situation(user, action, situation) -> bool:
    """A situation sheet (orientation) is its author's alone: coordinators administer, they do not read it."""
    return action in (VIEW, EDIT, DELETE) and active(user) and situation.author_id == user.pk


def may_use_network(user) -> bool:
    """The aidants' directory (`/reseau/`): professionals and the coordination."""
    return is_professional(user) or is_coordinator(user)


def _network_profile(user, action, profile) -> bool:
    """A professional's profile: its person edits it; other professionals see it while it is listed."""
    if is_coordinator(user):
        return True
    own = active(user) and profile.user_id == user.pk
    if action == VIEW:
        return own or (is_professional(user) and profile.listed and profile.user.is_active)
    if action in (EDIT, DELETE):
        return own
    return False


def _practice(user, action, practice) -> bool:
    """A practice sheet: public once published; its structure's members write it; the moderation decides."""
    if is_coordinator(user):
        return True
    if action == VIEW:
        return practice.status == "publiee" or is_moderator(user) or is_member(user, practice.structure_id)
    if action in (EDIT, DELETE):
        return is_member(user, practice.structure_id)
    if action == MODERATE:
        return is_moderator(user)
    return False


def _debate(user, action, debate) -> bool:
    """A debate is public; an open one takes any account's proposals; its officials answer."""
    if action == VIEW:
        return True
    if action == PARTICIPATE:
        return active(user) and debate.status == "ouvert"
    if action == ANSWER:
        return is_coordinator(user) or (active(user) and debate.officials.filter(pk=user.pk).exists())
    if action == MODERATE:
        return is_coordinator(user) or is_moderator(user)
    return is_coordinator(user)


def _civic_proposal(user, action, proposal) -> bool:
    """A citizen's proposal: shown (a hidden one with the moderator's reason), supported and commented in its
    debate's rules, answered by the debate's officials."""
    return _debate(user, action, proposal.debate)


def _civic_comment(user, action, comment) -> bool:
    if action in (VIEW, MODERATE):
        return _debate(user, action, comment.proposal.debate)
    return is_coordinator(user)


def _public_record(user, action, obj) -> bool:
    """Commitments, councils and their acts: public; entered by the coordination (votes also by the greffe)."""
    if action == VIEW:
        return True
    if action == CLERK and obj._meta.label_lower in ("civic.council", "civic.sitting", "civic.deliberation"):
        return is_clerk(user)
    return is_coordinator(user)


def _jury(user, action, jury) -> bool:
    """A jury's page and draw are public; its volunteers' list is the coordination's (`civic.volunteer`)."""
    return action == VIEW or is_coordinator(user)


def _rights_handover(user, action, handover) -> bool:
    """A pre-check result a professional kept with the person's consent: theirs alone (read, delete); the
    coordination administers, does not read it. One sent by e-mail is read through its signed link only."""
    return action in (VIEW, DELETE) and active(user) and handover.recipient_user_id == user.pk
