"""Rules for the directory and its people: the territory, places, services, structures, their members and join
requests, error reports, members' edits and proposals."""

from accounts.permissions.base import (
    ACCEPT_REQUEST,
    ADD_PLACE,
    ADD_SERVICE,
    CLERK,
    DELETE,
    EDIT,
    INVITE,
    MANAGE_MEMBERS,
    MODERATE,
    ORIENT,
    PARTICIPATE,
    REQUEST_JOIN,
    SURVEY_ENTRY,
    VIEW,
    active,
    is_clerk,
    is_coordinator,
    is_member,
    is_moderator,
    is_professional,
    is_structure_admin,
    structures_of,
)


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
