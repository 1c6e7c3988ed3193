"""Who joins a structure: invitations by e-mail and « Je travaille dans cette structure » requests.

Each state change is one function: it checks `can()`, saves, writes the audit log and sends the e-mails.
An invitation is a signed link (`core.signing`, purpose "invitation"): it names the structure, the address and
the role, expires after ANCRAGE_INVITATION_DAYS and acts once. Nothing is stored until it is accepted.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import JoinRequest, Membership, Structure, User, normalize_email
from accounts.permissions import ACCEPT_REQUEST, INVITE, REQUEST_JOIN, can, is_coordinator
from core import mail, signing
from core.audit import record

INVITATION = "invitation"


def _require(user, action, obj):
    if not can(user, action, obj):
        raise PermissionDenied(_("Vous n’avez pas le droit de faire cela pour cette structure."))


def invitation_url(token: str) -> str:
    return settings.ANCRAGE_SITE_URL + reverse("accounts:invitation", args=[token])


def invite(structure: Structure, email: str, role: str, *, by) -> str:
    """E-mail an invitation to join `structure` as `role`; returns the token."""
    _require(by, INVITE, structure)
    email = normalize_email(email)
    if role not in Membership.Role.values:
        raise ValidationError({"role": _("Choisissez un rôle dans la structure.")})
    if Membership.objects.filter(structure=structure, user__email=email).exists():
        raise ValidationError({"email": _("Cette personne fait déjà partie de la structure.")})
    token = signing.make_token(INVITATION, {"s": structure.pk, "e": email, "r": role}, single_use=True)
    record(structure, "invitation envoyée", user=by, note=f"{email} ({role})")
    mail.send(
        "accounts/invitation",
        [email],
        {
            "structure": structure,
            "inviter": by.get_full_name(),
            "role": Membership.Role(role).label,
            "url": invitation_url(token),
            "days": settings.ANCRAGE_INVITATION_DAYS,
        },
    )
    return token


def read_invitation(token: str, *, consume: bool = False) -> tuple[Structure, str, str]:
    """(structure, address, role) of a valid invitation, or LinkError with a French message."""
    value = signing.read_token(
        token,
        INVITATION,
        max_age=timedelta(days=settings.ANCRAGE_INVITATION_DAYS),
        single_use=True,
        consume=consume,
    )
    structure = Structure.objects.filter(pk=value["s"]).first()
    if structure is None:
        raise signing.InvalidLink
    return structure, value["e"], value["r"]


class WrongAccount(Exception):
    def __init__(self, email: str):
        self.email = email
        super().__init__(
            _("Cette invitation est adressée à %(email)s. Déconnectez-vous, puis ouvrez de nouveau le lien.")
            % {"email": email}
        )


@transaction.atomic
def accept_invitation(token: str, user=None) -> Membership:
    """Accept: the invited address's account (created if needed, login by code or password later) joins the
    structure. A person logged in with another address is refused (a forwarded link makes nobody a member)."""
    structure, email, role = read_invitation(token)
    if user is not None and user.is_authenticated:
        if user.email != email:
            raise WrongAccount(email)
        person = user
    else:
        person = User.objects.filter(email=email).first() or User.objects.create_user(email)
    membership, created = Membership.objects.get_or_create(user=person, structure=structure, defaults={"role": role})
    if not created and membership.role != role and role == Membership.Role.ADMIN:
        membership.role = role
        membership.save(update_fields=["role"])
    signing.read_token(
        token, INVITATION, max_age=timedelta(days=settings.ANCRAGE_INVITATION_DAYS), single_use=True
    )  # consumed only once the membership exists
    record(structure, "invitation acceptée", user=person, changes={"membres": [None, person.email]})
    JoinRequest.objects.filter(user=person, structure=structure, status=JoinRequest.Status.PENDING).update(
        status=JoinRequest.Status.ACCEPTED, decided_at=timezone.now()
    )
    return membership


def deciders(structure: Structure) -> list[str]:
    """Who is told of a request: the structure's admins, else the coordination."""
    admins = list(
        structure.memberships.filter(role=Membership.Role.ADMIN, user__is_active=True).values_list(
            "user__email", flat=True
        )
    )
    if admins:
        return admins
    return list(User.objects.filter(is_active=True, role=User.Role.COORDINATOR).values_list("email", flat=True))


@transaction.atomic
def request_to_join(user, structure: Structure, message: str = "") -> JoinRequest:
    _require(user, REQUEST_JOIN, structure)
    if JoinRequest.objects.filter(user=user, structure=structure, status=JoinRequest.Status.PENDING).exists():
        raise ValidationError(_("Votre demande est déjà envoyée ; elle attend une réponse."))
    join = JoinRequest.objects.create(user=user, structure=structure, message=message.strip()[:500])
    record(structure, "demande pour rejoindre", user=user)
    to = deciders(structure)
    if to:
        mail.send(
            "accounts/join_request",
            to,
            {
                "structure": structure,
                "person": user.get_full_name(),
                "message": join.message,
                "url": settings.ANCRAGE_SITE_URL + reverse("accounts:structure", args=[structure.pk]),
            },
        )
    return join


@transaction.atomic
def decide(join: JoinRequest, accept: bool, *, by, reason: str = "") -> JoinRequest:
    """Accept (the person becomes a member) or refuse (with a reason told to them) a pending request."""
    _require(by, ACCEPT_REQUEST, join.structure)
    join = JoinRequest.objects.select_for_update().get(pk=join.pk)
    if join.status != JoinRequest.Status.PENDING:
        raise ValidationError(_("Cette demande a déjà reçu une réponse."))
    join.status = JoinRequest.Status.ACCEPTED if accept else JoinRequest.Status.REFUSED
    join.decided_by, join.decided_at, join.reason = by, timezone.now(), reason.strip()[:500]
    join.save(update_fields=["status", "decided_by", "decided_at", "reason"])
    if accept:
        Membership.objects.get_or_create(user=join.user, structure=join.structure)
    record(join.structure, "demande acceptée" if accept else "demande refusée", user=by, note=join.user.email)
    mail.send(
        "accounts/join_decision",
        [join.user.email],
        {"structure": join.structure, "accepted": accept, "reason": join.reason},
    )
    return join


def structures_without_admin():
    """Structures no active person administers: flagged to coordinators (admin filter and count)."""
    tended = Membership.objects.filter(role=Membership.Role.ADMIN, user__is_active=True).values("structure_id")
    return Structure.objects.exclude(pk__in=tended)


def pending_for(user):
    """The pending requests `user` may decide."""
    pending = JoinRequest.objects.filter(status=JoinRequest.Status.PENDING).select_related("user", "structure")
    if is_coordinator(user):
        return pending
    admin_of = Membership.objects.filter(user_id=user.pk, role=Membership.Role.ADMIN).values("structure_id")
    return pending.filter(structure_id__in=admin_of)
