"""A moderator decides on a confirmed proposal: accept (the place and its services are created and published,
recorded as the source « proposition »), or refuse with a reason. The proposer is told either way."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Membership, Structure, User
from accounts.permissions import MODERATE, can
from core import audit, mail
from datahub.merging.similarity import PlaceSummary, distance_m, name_similarity
from datahub.provenance import PROPOSITION
from directory.domain import writes
from directory.models import Place, Service
from moderation import notify
from proposals.domain.flow import PLACE_VALUES, check
from proposals.models import Proposal

NEAR_METRES = 300
CLOSE_NAME = 0.6


def _summary(pk, nom, code_insee, latitude, longitude, approximate) -> PlaceSummary:
    return PlaceSummary(pk, nom, "", "", code_insee, latitude, longitude, approximate)


def duplicates(values: dict, limit: int = 10) -> list[Place]:
    """Places that may already be this one: a close name in the same commune, or within 300 m."""
    nom, code_insee = values.get("nom", ""), values.get("code_insee", "")
    lat, lon = values.get("latitude"), values.get("longitude")
    proposed = _summary(0, nom, code_insee, lat, lon, bool(values.get("position_approximative")))
    near = Place.objects.filter(code_insee=code_insee)
    if lat is not None and lon is not None:
        box = 0.005  # about 500 m: the database narrows, the distance decides
        near = near | Place.objects.filter(
            latitude__range=(lat - box, lat + box), longitude__range=(lon - box, lon + box)
        )
    found = []
    for place in near.distinct().order_by("pk")[:500]:
        other = _summary(place.pk, place.nom, place.code_insee, place.latitude, place.longitude,
                         place.position_approximative)  # fmt: skip
        metres = distance_m(proposed, other)
        close = place.code_insee == code_insee and name_similarity(nom, place.nom) >= CLOSE_NAME
        if close or (metres is not None and metres <= NEAR_METRES):
            found.append(place)
    return found[:limit]


def _structure(who: dict) -> Structure:
    """The structure with this SIRET, or a new one (not validated: its later edits wait for moderation)."""
    siret = who.get("siret", "")
    structure = Structure.objects.filter(siret=siret).first() if siret else None
    return structure or Structure.objects.create(name=who["structure"], siret=siret)


def _check(user, proposal: Proposal) -> None:
    if not can(user, MODERATE, proposal):
        raise PermissionDenied(_("Seules la modération et la coordination décident des propositions."))
    if proposal.status != Proposal.Status.PENDING:
        raise ValidationError(_("Cette proposition a déjà été décidée ou n’est pas confirmée."))


@transaction.atomic
def accept(proposal: Proposal, *, user) -> Place:
    _check(user, proposal)
    checked = check(proposal)
    if checked.first_wrong:
        raise ValidationError(_("La proposition contient des valeurs qui ne sont plus valides : refusez-la en disant "
                                "pourquoi, ou demandez à la personne de la refaire."))  # fmt: skip
    who = checked.who.cleaned_data
    if proposal.place_id:
        place = proposal.place
        structure = place.structure
    else:
        structure = _structure(who)
        values = checked.place_values()
        place = Place(**{name: values[name] for name in PLACE_VALUES if name in values}, structure=structure,
                      source=PROPOSITION, est_publie=True)  # fmt: skip
        writes.save_place(place, user=user, fields=[n for n in PLACE_VALUES if n in values], source=PROPOSITION)
    for values in checked.service_values():
        service = Service(place=place, source=PROPOSITION, **values)
        writes.save_service(service, user=user, fields=list(values), source=PROPOSITION)
    if proposal.wants_admin and structure is not None and may_become_admin(proposal, structure):
        _make_admin(proposal, structure, user)
    proposal.status, proposal.decided_at, proposal.decided_by = Proposal.Status.ACCEPTED, timezone.now(), user
    proposal.created_place = place
    proposal.save(update_fields=["status", "decided_at", "decided_by", "created_place", "updated"])
    audit.record(proposal, "acceptée", user=user, changes={"lieu": [None, place.pk]})
    subject = _("votre proposition « %(title)s »") % {"title": proposal.title}
    notify.decision(proposal.email, subject=subject, accepted=True, url=place.get_absolute_url())
    return place


def may_become_admin(proposal: Proposal, structure: Structure) -> bool:
    """A new place's structure takes its proposer as admin; an existing place's structure only when nobody
    administers it yet (otherwise its admins accept the person through a « Je travaille dans cette structure »
    request)."""
    if not proposal.place_id:
        return True
    return not Membership.objects.filter(structure=structure, role=Membership.Role.ADMIN).exists()


def _make_admin(proposal: Proposal, structure: Structure, moderator) -> None:
    """The proposer asked to keep the page: an account without password (login by e-mailed code), admin of the
    structure, and an e-mail saying how to log in."""
    person = User.objects.filter(email__iexact=proposal.email).first()
    if person is None:
        person = User.objects.create_user(proposal.email)
    membership, created = Membership.objects.get_or_create(
        user=person, structure=structure, defaults={"role": Membership.Role.ADMIN}
    )
    if not created and membership.role != Membership.Role.ADMIN:
        membership.role = Membership.Role.ADMIN
        membership.save(update_fields=["role"])
    audit.record(membership, "administratrice ou administrateur par proposition", user=moderator)
    mail.send("proposal_welcome", [proposal.email], {"structure": structure.name, "login_url": settings.LOGIN_URL})


@transaction.atomic
def refuse(proposal: Proposal, *, user, reason: str) -> None:
    _check(user, proposal)
    if not reason.strip():
        raise ValidationError(_("Dites à la personne pourquoi la proposition est refusée : ce message lui est envoyé."))
    proposal.status, proposal.decided_at, proposal.decided_by = Proposal.Status.REFUSED, timezone.now(), user
    proposal.reason = reason.strip()
    proposal.save(update_fields=["status", "decided_at", "decided_by", "reason", "updated"])
    audit.record(proposal, "refusée", user=user, note=proposal.reason)
    subject = _("votre proposition « %(title)s »") % {"title": proposal.title}
    notify.decision(proposal.email, subject=subject, accepted=False, reason=proposal.reason)
