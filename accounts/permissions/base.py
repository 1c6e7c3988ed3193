"""The actions, and who a person is for the territory and for a structure: what every rule reads."""

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


def is_professional(user) -> bool:
    """A social worker, a mediator, an aidant: someone who orients people (`User.profession`)."""
    return active(user) and bool(user.profession)


def is_clerk(user) -> bool:
    """The coordination, or a person granted « greffe » (the permission `civic.greffe`, directly or by a group)."""
    return is_coordinator(user) or (active(user) and user.has_perm("civic.greffe"))


def structures_of(user, *, admin_only: bool = False):
    """The structures `user` works in (as their admin when `admin_only`)."""
    if not active(user):
        return Structure.objects.none()
    memberships = Membership.objects.filter(user_id=user.pk)
    if admin_only:
        memberships = memberships.filter(role=Membership.Role.ADMIN)
    return Structure.objects.filter(pk__in=memberships.values("structure_id"))
