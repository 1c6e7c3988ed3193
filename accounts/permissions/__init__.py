"""Who may do what: `can(user, action, obj=None)`, the one permission check of Ancrage.

Views, the admin and the API ask `can(request.user, "edit", place)`; nothing else decides. Plain functions, one
per kind of object, chosen over the `rules` library: the whole policy reads top to bottom in
this package (`base`: actions and roles; `directory`, `modules`: one function per kind of object; here: `RULES`
and `can`), costs
no dependency, and the matrix test (tests/accounts/test_permissions.py) pins every role × action.

Roles: a coordinator (`User.role`, or a superuser) may do everything; a moderator views everything and
moderates; a structure's admin manages its members and edits it; a structure's member edits its places and
their services. A deactivated account and an anonymous visitor may only view what is published.
Objects are recognised by their model label, so this module imports nothing from the apps to its right.
"""

from accounts.permissions import directory, modules
from accounts.permissions.base import *  # noqa: F403  (the actions and role helpers, imported from here by the apps)
from accounts.permissions.base import (
    ACTIONS,
    COORDINATE,
    DELETE,
    EDIT,
    MODERATE,
    VIEW,
    UnknownAction,
    is_coordinator,
)
from accounts.permissions.modules import may_use_network, sees_trainings  # noqa: F401

RULES = {
    "directory.place": directory._place,
    "directory.errorreport": directory._error_report,
    "directory.service": directory._service,
    "accounts.structure": directory._structure,
    "accounts.membership": directory._membership,
    "accounts.user": directory._user,
    "accounts.joinrequest": directory._join_request,
    "contributions.contribution": directory._contribution,
    "proposals.proposal": directory._proposal,
    "observatory.response": modules._survey_response,
    "agenda.event": modules._event,
    "agenda.registration": modules._registration,
    "participation.request": modules._citizen_request,
    "participation.responsibleservice": modules._responsible_service,
    "participation.commission": modules._commission,
    "referrals.referral": modules._referral,
    "orientation.situation": modules._situation,
    "network.profile": modules._network_profile,
    "network.practice": modules._practice,
    "civic.debate": modules._debate,
    "civic.proposal": modules._civic_proposal,
    "civic.comment": modules._civic_comment,
    "civic.commitment": modules._public_record,
    "civic.council": modules._public_record,
    "civic.sitting": modules._public_record,
    "civic.deliberation": modules._public_record,
    "civic.jury": modules._jury,
    "rights.handover": modules._rights_handover,
}


def can(user, action: str, obj=None) -> bool:
    """May `user` (a person, or AnonymousUser) do `action` on `obj` (or on the territory when obj is None)?"""
    if action not in ACTIONS:
        raise UnknownAction(f"Unknown action {action!r}: add it to accounts/permissions/base.py, with its rules")
    if obj is None:
        return directory._territory(user, action)
    rule = RULES.get(obj._meta.label_lower)
    if rule is None:
        return is_coordinator(user)  # an object without rules of its own: the coordination's
    return rule(user, action, obj)


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
