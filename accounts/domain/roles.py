"""Giving a person a territorial role: one function, audited. A coordinator gets the back office."""

from django.db import transaction

from accounts.models import User
from core.audit import record


@transaction.atomic
def set_role(person: User, role: str, *, by=None) -> User:
    """Give `person` the role (User.Role); the coordination's role opens the administration."""
    if role not in User.Role.values:
        raise ValueError(f"unknown role {role!r}")
    before = (person.role, person.is_staff)
    person.role = role
    person.is_staff = role == User.Role.COORDINATOR or person.is_superuser
    person.save(update_fields=["role", "is_staff"])
    if before != (person.role, person.is_staff):
        changes = {"role": [before[0], role], "is_staff": [before[1], person.is_staff]}
        record(person, "rôle changé", user=by, changes=changes)
    return person
