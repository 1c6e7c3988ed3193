"""Who may do what: `can(user, action, obj=None)`, the one permission check of Ancrage.

Views, the admin and the API ask `can(request.user, "edit", place)`; nothing else decides. Plain functions, one
per kind of object, chosen over the `rules` library: the whole policy reads top to bottom in this file, costs
no dependency, and the matrix test (tests/accounts/test_permissions.py) pins every role × action.

Roles: a coordinator (`User.role`, or a superuser) may do everything; a moderator views everything and
moderates; a structure's admin manages its members and edits it; a structure's member edits its places and
their services. A deactivated account and an anonymous visitor may only view what is published.
Objects are recognised by their model label, so this module imports nothing from the apps to its right.
"""

from accounts.models import Membership, Structure

VIEW = "view"
EDIT = "edit"
DELETE = "delete"
ADD_PLACE = "add_place"
ADD_SERVICE = "add_service"
MANAGE_MEMBERS = "manage_members"
INVITE = "invite"
ACCEPT_REQUEST = "accept_request"
REQUEST_JOIN = "request_join"
MODERATE = "moderate"
COORDINATE = "coordinate"
IMPORT = "import"
MERGE = "merge"
SURVEY_ENTRY = "survey_entry"
ORIENT = "orient"
PARTICIPATE = "participate"  # civic: propose, comment, support in a debate
ANSWER = "answer"  # civic: an official answer to a proposal
CLERK = "clerk"  # civic: enter sittings, deliberations and votes (« greffe »)

ACTIONS = (
    VIEW,
    EDIT,
    DELETE,
    ADD_PLACE,
    ADD_SERVICE,
    MANAGE_MEMBERS,
    INVITE,
    ACCEPT_REQUEST,
    REQUEST_JOIN,
    MODERATE,
    COORDINATE,
    IMPORT,
    MERGE,
    SURVEY_ENTRY,
    ORIENT,
    PARTICIPATE,
    ANSWER,
    CLERK,
)


class UnknownAction(ValueError):
    pass


def active(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def is_coordinator(user) -> bool:
    return active(user) and user.is_coordinator


def is_moderator(user) -> bool:
    return active(user) and user.is_moderator


def structure_role(user, structure_id) -> str | None:
    """The user's role in the structure ("admin", "membre") or None."""
    if not active(user) or structure_id is None:
        return None
    return Membership.objects.filter(user_id=user.pk, structure_id=structure_id).values_list("role", flat=True).first()


def is_member(user, structure_id) -> bool:
    return structure_role(user, structure_id) is not None


def is_structure_admin(user, structure_id) -> bool:
    return structure_role(user, structure_id) == Membership.Role.ADMIN


# --- per kind of object ----------------------------------------------------------------------------------------


def is_professional(user) -> bool:
    """A social worker, a mediator, an aidant: someone who orients people (`User.profession`)."""
    return active(user) and bool(user.profession)


def _territory(user, action) -> bool:
    """Actions on no object in particular."""
    if action == ORIENT:
        return is_professional(user) or is_coordinator(user)
    if action == MODERATE:
        return is_coordinator(user) or is_moderator(user)
    if action == REQUEST_JOIN:
        return False
    if action == SURVEY_ENTRY:  # typing paper questionnaires: the coordination and the people in the field
        return is_coordinator(user) or (active(user) and bool(user.profession or structures_of(user).exists()))
    if action == PARTICIPATE:
        return active(user)
    if action == CLERK:
        return is_clerk(user)
    return is_coordinator(user)


def _place(user, action, place) -> bool:
    if is_coordinator(user):
        return True
    if action == VIEW:
        return place.est_publie or is_moderator(user) or is_member(user, place.structure_id)
    if action == MODERATE:
        return is_moderator(user)
    if action in (EDIT, ADD_SERVICE):
        return is_member(user, place.structure_id)
    return False  # delete, merge, import: the coordination's


def _service(user, action, service) -> bool:
    place = service.place
    if action == VIEW:
        return _place(user, VIEW, place)
    if action in (EDIT, DELETE, ADD_SERVICE):
        return _place(user, EDIT, place)
    return _place(user, action, place)


def _structure(user, action, structure) -> bool:
    if action == REQUEST_JOIN:
        return active(user) and not is_member(user, structure.pk)
    if is_coordinator(user):
        return True
    if action == VIEW:
        return is_moderator(user) or is_member(user, structure.pk)
    if action == MODERATE:
        return is_moderator(user)
    if action == ADD_PLACE:
        return is_member(user, structure.pk)
    if action in (EDIT, MANAGE_MEMBERS, INVITE, ACCEPT_REQUEST):
        return is_structure_admin(user, structure.pk)
    return False


def _membership(user, action, membership) -> bool:
    if action == VIEW:
        return _structure(user, VIEW, membership.structure)
    if action == DELETE and active(user) and membership.user_id == user.pk:
        return True  # one may leave a structure
    if action in (EDIT, DELETE):
        return _structure(user, MANAGE_MEMBERS, membership.structure)
    return _structure(user, action, membership.structure)


def _user(user, action, person) -> bool:
    if is_coordinator(user):
        return True
    if action in (VIEW, EDIT):
        return active(user) and person.pk == user.pk
    return False


def _join_request(user, action, join_request) -> bool:
    if action == VIEW and active(user) and join_request.user_id == user.pk:
        return True
    return _structure(user, ACCEPT_REQUEST if action != VIEW else MANAGE_MEMBERS, join_request.structure)


def _error_report(user, action, report) -> bool:
    """A visitor's report on a place: read and decided by the moderation."""
    if action in (VIEW, MODERATE):
        return is_coordinator(user) or is_moderator(user)
    return is_coordinator(user)


def _contribution(user, action, contribution) -> bool:
    """An edit proposed by a structure: its people see it, moderators decide it."""
    if action == VIEW and active(user) and contribution.author_id == user.pk:
        return True
    if action == VIEW:
        return _place(user, EDIT, contribution.place) or is_moderator(user)
    if action == MODERATE:
        return is_coordinator(user) or is_moderator(user)
    return is_coordinator(user)


def _proposal(user, action, proposal) -> bool:
    """A place or services proposed without an account: seen and decided by the moderation only."""
    if action in (VIEW, MODERATE):
        return is_coordinator(user) or is_moderator(user)
    return is_coordinator(user)


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


def is_clerk(user) -> bool:
    """The coordination, or a person granted « greffe » (the permission `civic.greffe`, directly or by a group)."""
    return is_coordinator(user) or (active(user) and user.has_perm("civic.greffe"))


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


RULES = {
    "directory.place": _place,
    "directory.errorreport": _error_report,
    "directory.service": _service,
    "accounts.structure": _structure,
    "accounts.membership": _membership,
    "accounts.user": _user,
    "accounts.joinrequest": _join_request,
    "contributions.contribution": _contribution,
    "proposals.proposal": _proposal,
    "observatory.response": _survey_response,
    "agenda.event": _event,
    "agenda.registration": _registration,
    "participation.request": _citizen_request,
    "participation.responsibleservice": _responsible_service,
    "participation.commission": _commission,
    "referrals.referral": _referral,
    "orientation.situation": _situation,
    "network.profile": _network_profile,
    "network.practice": _practice,
    "civic.debate": _debate,
    "civic.proposal": _civic_proposal,
    "civic.comment": _civic_comment,
    "civic.commitment": _public_record,
    "civic.council": _public_record,
    "civic.sitting": _public_record,
    "civic.deliberation": _public_record,
    "civic.jury": _jury,
    "rights.handover": _rights_handover,
}


def can(user, action: str, obj=None) -> bool:
    """May `user` (a person, or AnonymousUser) do `action` on `obj` (or on the territory when obj is None)?"""
    if action not in ACTIONS:
        raise UnknownAction(f"Unknown action {action!r}: add it to accounts/permissions.py with its rule")
    if obj is None:
        return _territory(user, action)
    rule = RULES.get(obj._meta.label_lower)
    if rule is None:
        return is_coordinator(user)  # an object without rules of its own: the coordination's
    return rule(user, action, obj)


def structures_of(user, *, admin_only: bool = False):
    """The structures `user` works in (as their admin when `admin_only`)."""
    if not active(user):
        return Structure.objects.none()
    memberships = Membership.objects.filter(user_id=user.pk)
    if admin_only:
        memberships = memberships.filter(role=Membership.Role.ADMIN)
    return Structure.objects.filter(pk__in=memberships.values("structure_id"))


class RoleBackend:
    """An authentication backend that only answers permission questions: the coordination holds every Django
    model permission (the back office's other pages: imports, merges, journal), like a superuser."""

    def authenticate(self, request, **credentials):
        return None

    def has_perm(self, user, perm, obj=None):
        return is_coordinator(user)

    def has_module_perms(self, user, app_label):
        return is_coordinator(user)


class CanAdminMixin:
    """A model admin whose permissions are `can()`'s: the back office is the coordination's; with an object,
    the object's own rule (a moderator may view an unpublished place, not change it)."""

    def has_module_permission(self, request):
        return can(request.user, COORDINATE) or can(request.user, MODERATE)

    def has_view_permission(self, request, obj=None):
        if obj is None:
            return can(request.user, COORDINATE) or can(request.user, MODERATE)
        return can(request.user, VIEW, obj)

    def has_add_permission(self, request, *args):
        return can(request.user, COORDINATE)

    def has_change_permission(self, request, obj=None):
        return can(request.user, COORDINATE) if obj is None else can(request.user, EDIT, obj)

    def has_delete_permission(self, request, obj=None):
        return can(request.user, COORDINATE) if obj is None else can(request.user, DELETE, obj)
