"""Every change to a citizen jury: a volunteer applies and confirms, the list is closed, the draw, the end."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import EDIT, can
from civic.domain import draw as method
from civic.domain.participants import link_days
from civic.models import Jury, Volunteer
from core import audit, mail, signing

PURPOSE = "civic-jury-volontaire"
S = Jury.Status


def apply(jury: Jury, *, first_name, last_name, email, area, age_band, sex) -> Volunteer:
    if jury.status != S.OPEN:
        raise ValidationError(_("Les candidatures à ce jury sont closes."))
    for _attempt in range(5):
        number = (jury.volunteers.aggregate(n=Max("number"))["n"] or 0) + 1
        try:
            with transaction.atomic():
                volunteer = Volunteer.objects.create(
                    jury=jury, number=number, first_name=first_name.strip(), last_name=last_name.strip(),
                    email=email, area=area.strip(), age_band=age_band, sex=sex,
                )  # fmt: skip
            break
        except IntegrityError:
            continue
    else:
        raise ValidationError(_("Trop de candidatures en même temps : réessayez dans un instant."))
    token = signing.make_token(PURPOSE, volunteer.pk, single_use=True)
    mail.send("civic_volunteer_confirm", [email], {
        "jury": jury, "url": reverse("civic:volunteer-confirm", args=[token]), "days": link_days().days,
    })  # fmt: skip
    return volunteer


def check_link(token: str) -> None:
    signing.read_token(token, PURPOSE, max_age=link_days(), single_use=True, consume=False)


def confirm(token: str) -> Volunteer:
    pk = signing.read_token(token, PURPOSE, max_age=link_days(), single_use=True)
    volunteer = Volunteer.objects.select_related("jury").filter(pk=pk).first()
    if volunteer is None:
        raise signing.InvalidLink
    if volunteer.jury.status != S.OPEN:
        raise ValidationError(_("Les candidatures à ce jury sont closes."))
    volunteer.confirmed_at = timezone.now()
    volunteer.save(update_fields=["confirmed_at"])
    return volunteer


def pool(jury: Jury):
    return jury.volunteers.filter(confirmed_at__isnull=False)


def entries(jury: Jury) -> list[method.Entry]:
    return [method.Entry(v.number, v.area, v.age_band, v.sex) for v in pool(jury).order_by("number")]


def _require(user, jury):
    if not can(user, EDIT, jury):
        raise PermissionDenied(_("Le tirage au sort est conduit par la coordination."))


def close(jury: Jury, user, *, seed_source: str) -> None:
    """Close the applications: the anonymised list's digest and the seed's future source are published."""
    _require(user, jury)
    if jury.status != S.OPEN:
        raise ValidationError(_("Les candidatures sont déjà closes."))
    if not seed_source.strip():
        raise ValidationError(_("Annoncez d’où viendra la graine, avant le tirage."))
    if pool(jury).count() < jury.seats:
        raise ValidationError(_("Il faut au moins %(seats)s volontaires confirmés.") % {"seats": jury.seats})
    jury.status, jury.seed_source, jury.volunteers_digest = S.CLOSED, seed_source.strip(), method.digest(entries(jury))
    jury.save(update_fields=["status", "seed_source", "volunteers_digest"])
    audit.record(jury, "candidatures closes", user=user, note=f"{jury.seed_source} ; liste {jury.volunteers_digest}")


@transaction.atomic
def run_draw(jury: Jury, user, *, seed: str) -> list[Volunteer]:
    """Draw with the announced seed, now known. The list must be the one whose digest was published."""
    _require(user, jury)
    if jury.status != S.CLOSED:
        raise ValidationError(_("Closez d’abord les candidatures et annoncez la source de la graine."))
    listed = entries(jury)
    if method.digest(listed) != jury.volunteers_digest:
        raise ValidationError(_("La liste des volontaires a changé depuis la publication de son empreinte."))
    try:
        numbers = method.draw(listed, jury.seats, seed.strip())
    except ValueError as error:
        raise ValidationError(str(error)) from error
    by_number = {v.number: v for v in pool(jury)}
    for rank, number in enumerate(numbers, start=1):
        by_number[number].drawn_rank = rank
    Volunteer.objects.bulk_update([by_number[n] for n in numbers], ["drawn_rank"])
    jury.seed, jury.status, jury.drawn_at = seed.strip(), S.DRAWN, timezone.now()
    jury.save(update_fields=["seed", "status", "drawn_at"])
    audit.record(jury, "tirage au sort", user=user, note=f"graine {jury.seed} ; tirés {numbers}")
    drawn = [by_number[n] for n in numbers]
    for v in drawn:
        if v.email:
            mail.send(
                "civic_volunteer_drawn", [v.email], {"jury": jury, "url": reverse("civic:jury", args=[jury.slug])}
            )
    return drawn


def end(jury: Jury, user) -> None:
    """The jury has sat: volunteers' names and contacts are erased after ANCRAGE_CIVIC_JURY_RETENTION_DAYS."""
    _require(user, jury)
    if jury.status != S.DRAWN:
        raise ValidationError(_("Seul un jury tiré au sort peut être terminé."))
    jury.status, jury.ended_at = S.ENDED, timezone.now()
    jury.save(update_fields=["status", "ended_at"])
    audit.record(jury, "jury terminé", user=user)
