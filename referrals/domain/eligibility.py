"""Which services may receive a referral, and where its e-mail goes: defined once, read by the form, the place
page's section and the sending.

A service accepts referrals when professionals may mobilise it (`mobilisable_par` holds « professionnels », the
data·inclusion value) or when its place's structure opted in (`ReferralOptIn`); it must be published and have a
destination: the service's own e-mail, else the active members of its place's structure (admins first), else the
place's public e-mail (`freshness.domain.requests.recipients`).
"""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts import permissions
from directory.models import Service
from freshness.domain.requests import recipients
from referrals.models import ReferralOptIn

PROFESSIONALS = "professionnels"

NOT_PUBLISHED = _("Ce lieu n’est pas publié dans l’annuaire : il ne peut pas recevoir d’adressage.")
NOT_MOBILISABLE = _(
    "Ce service n’indique pas qu’il peut être mobilisé par des professionnels, et sa structure n’a pas choisi de "
    "recevoir des adressages par Ancrage. Orientez la personne en lui donnant les coordonnées du lieu."
)
NO_CONTACT = _(
    "Ce service n’a pas d’adresse e-mail connue (ni le service, ni sa structure, ni le lieu) : l’adressage ne "
    "pourrait pas arriver. Vous pouvez signaler l’information manquante depuis la page du lieu."
)


@dataclass(frozen=True)
class Eligibility:
    reason: str = ""  # when not eligible (in the active language)
    to: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.reason


def may_refer(user) -> bool:
    """A professional of the field (a profession on their account) or a coordinator, with an active account."""
    return permissions.active(user) and (bool(user.profession) or permissions.is_coordinator(user))


def opted_in(structure_id) -> bool:
    return structure_id is not None and ReferralOptIn.objects.filter(structure_id=structure_id).exists()


def accepts_referrals(service: Service) -> bool:
    return PROFESSIONALS in (service.mobilisable_par or []) or opted_in(service.place.structure_id)


def destination(service: Service) -> list[str]:
    """The addresses a referral to this service is sent to (may be empty)."""
    return [service.courriel] if service.courriel else recipients(service.place)


def check(service: Service) -> Eligibility:
    if not service.place.est_publie:
        return Eligibility(str(NOT_PUBLISHED))
    if not accepts_referrals(service):
        return Eligibility(str(NOT_MOBILISABLE))
    to = destination(service)
    if not to:
        return Eligibility(str(NO_CONTACT))
    return Eligibility(to=to)


def eligible_services(place) -> list[Service]:
    """The place's services a referral may be sent to, in the page's order."""
    return [s for s in place.services.all() if check(s).ok]


def referral_url(service: Service, situation) -> str | None:
    """The referral form for this service, from a situation sheet's results; None when it cannot receive one."""
    if not check(service).ok:
        return None
    return f"{reverse('referrals:new', args=[service.pk])}?situation={situation.pk}"
