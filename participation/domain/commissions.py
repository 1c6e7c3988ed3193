"""Neighbourhood commissions: their members rank the open requests of their communes; ranking and minutes are public."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import audit
from participation.models import Commission, Minutes, Ranking, Request


def open_requests(commission: Commission):
    return Request.objects.filter(status__in=Request.OPEN, commune__in=commission.communes.all()).select_related(
        "category", "commune"
    )


def ranked(commission: Commission) -> list[Request]:
    """The commission's open requests, ranked first (by rank), then the unranked ones, oldest first."""
    ranks = dict(Ranking.objects.filter(commission=commission).values_list("request_id", "rank"))
    rows = list(open_requests(commission).order_by("received_at", "pk"))
    for row in rows:
        row.rank = ranks.get(row.pk)
    return sorted(rows, key=lambda r: (r.rank is None, r.rank or 0))


@transaction.atomic
def rank(commission: Commission, ranks: dict[int, int | None], *, user) -> None:
    """Save the members' ranking: `ranks` maps a request's id to its rank (1 = first), None to unranked."""
    allowed = set(open_requests(commission).values_list("pk", flat=True))
    given = {pk: r for pk, r in ranks.items() if r is not None}
    if set(given) - allowed:
        raise ValidationError(_("Une demande classée n’est pas ouverte dans le secteur de la commission."))
    if len(set(given.values())) != len(given):
        raise ValidationError(_("Deux demandes ont le même rang : donnez un rang différent à chacune."))
    if any(r < 1 for r in given.values()):
        raise ValidationError(_("Un rang est un nombre à partir de 1."))
    Ranking.objects.filter(commission=commission).delete()
    Ranking.objects.bulk_create([Ranking(commission=commission, request_id=pk, rank=r) for pk, r in given.items()])
    commission.ranked_at = timezone.now()
    commission.save(update_fields=["ranked_at"])
    audit.record(commission, "classement mis à jour", user=user, changes={"rangs": [None, len(given)]})


def add_minutes(commission: Commission, date: datetime.date, text: str, *, user) -> Minutes:
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Le compte rendu est vide."))
    minutes = Minutes.objects.create(commission=commission, date=date, text=text)
    audit.record(commission, "compte rendu publié", user=user)
    return minutes
