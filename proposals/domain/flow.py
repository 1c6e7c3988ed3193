"""A proposal from its first step to the moderation queue: steps kept in the draft, checked, sent, confirmed.

The steps of a new place: who proposes, the place, hours and reception, the services, the review. For services
of a place already published: who proposes, the services, the review.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from contributions.fields import ADDRESS_LINKED, PLACE_FIELDS
from core import audit, mail, signing
from directory.models import Place
from proposals import forms
from proposals.models import Proposal

PURPOSE = "confirmer-proposition"
NEW_PLACE = ["qui", "lieu", "accueil", "services", "relecture"]
NEW_SERVICES = ["qui", "services", "relecture"]
TITLES = {
    "qui": _("Qui propose"),
    "lieu": _("Le lieu"),
    "accueil": _("Horaires et accueil"),
    "services": _("Les services"),
    "relecture": _("Relire et envoyer"),
}


def steps_of(proposal: Proposal | None, place: Place | None = None) -> list[str]:
    existing = place or (proposal.place if proposal and proposal.place_id else None)
    return NEW_SERVICES if existing else NEW_PLACE


@dataclass
class Checked:
    """Every step bound to what the draft holds; `first_wrong`: the first step to correct, or None."""

    who: forms.WhoForm
    place: object  # PlaceForm, or None for services of an existing place
    services: list
    first_wrong: str | None

    def place_values(self) -> dict:
        return self.place.values() if self.place is not None else {}

    def service_values(self) -> list[dict]:
        return [form.values() for form in self.services]


def draft_place(proposal: Proposal) -> Place:
    """The place the services belong to: the existing one, or the new one as typed (unsaved)."""
    if proposal.place_id:
        return proposal.place
    form = place_form(proposal)
    values = form.values() if form.is_valid() else {}
    return Place(**{k: v for k, v in values.items() if k in ("code_insee", "nom")})


def place_form(proposal: Proposal):
    data = {**proposal.steps.get("lieu", {}), **proposal.steps.get("accueil", {})}
    return forms.PlaceStep([title for title, _ in forms.PlaceForm.sections]).form(forms.data_of(data))


def service_forms(proposal: Proposal, place: Place | None = None) -> list:
    place = place or draft_place(proposal)
    return [forms.service_form(forms.data_of(data), i, place) for i, data in enumerate(proposal.services)]


def check(proposal: Proposal) -> Checked:
    who = forms.check_who(forms.data_of(who_data(proposal)))
    wrong = None if who.is_valid() else "qui"
    place = None
    if not proposal.place_id:
        place = place_form(proposal)
        if not place.is_valid() and wrong is None:
            names = forms.PLACE_STEP.names(forms.PlaceForm(place=Place()))
            wrong = "lieu" if set(place.errors) & {*names, "__all__"} else "accueil"
    services = service_forms(proposal)
    if wrong is None and (not services or not all(form.is_valid() for form in services)):
        wrong = "services"
    return Checked(who, place, services, wrong)


def who_data(proposal: Proposal) -> dict | None:
    """The first step as typed; the e-mail lives in its own column only (erased by `core.retention`)."""
    if "qui" not in proposal.steps:
        return None
    return {**proposal.steps["qui"], "email": [proposal.email]}


def keep(proposal: Proposal, step: str, data: dict) -> None:
    """Keep what was typed at this step (valid or not: « Précédent » must not lose it)."""
    if step == "qui":
        data = dict(data)
        proposal.email = (data.pop("email", None) or [""])[0].strip()[:254]
        proposal.wants_admin = bool(data.get("wants_admin"))
    proposal.steps = {**proposal.steps, step: data}
    proposal.save()


def keep_services(proposal: Proposal, services: list[dict]) -> None:
    proposal.services = services
    proposal.save(update_fields=["services", "updated"])


def confirm_link(proposal: Proposal) -> str:
    token = signing.make_token(PURPOSE, proposal.pk, single_use=True)
    return reverse("proposals:confirm", args=[token])


@transaction.atomic
def send(proposal: Proposal) -> Proposal:
    """The proposer sends the draft: everything is checked again, then they are asked to confirm their e-mail."""
    checked = check(proposal)
    if checked.first_wrong:
        raise ValueError(checked.first_wrong)
    proposal.status, proposal.email = Proposal.Status.UNCONFIRMED, checked.who.cleaned_data["email"]
    proposal.save(update_fields=["status", "email", "updated"])
    audit.record(proposal, "envoyée, adresse à confirmer", actor="visiteur")
    mail.send("proposal_confirm", [proposal.email], {
        "title": proposal.title, "url": confirm_link(proposal),
        "days": settings.ANCRAGE_PROPOSAL_LINK_DAYS,
    })  # fmt: skip
    return proposal


def read_link(token: str, *, consume: bool) -> Proposal:
    """The proposal a confirmation link names (raises `signing.LinkError` with a French message)."""
    pk = signing.read_token(
        token, PURPOSE, max_age=timedelta(days=settings.ANCRAGE_PROPOSAL_LINK_DAYS), single_use=True, consume=consume
    )
    proposal = Proposal.objects.filter(pk=pk).first()
    if proposal is None:
        raise signing.InvalidLink
    return proposal


@transaction.atomic
def confirm(token: str) -> Proposal:
    """The proposer confirmed their e-mail (a POST: mail scanners only follow links): the proposal now waits
    for a moderator."""
    proposal = read_link(token, consume=True)
    if proposal.status == Proposal.Status.UNCONFIRMED:
        proposal.status, proposal.confirmed_at = Proposal.Status.PENDING, timezone.now()
        proposal.save(update_fields=["status", "confirmed_at", "updated"])
        audit.record(proposal, "adresse confirmée, à modérer", actor="visiteur")
    return proposal


PLACE_VALUES = [*PLACE_FIELDS, *ADDRESS_LINKED]
