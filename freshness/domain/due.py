"""When a place's information is due for a check, in Python (one place) and in SQL (lists, the job).

The reference date is the place's information date (`Place.date_maj`, « Informations vérifiées le … »): a
confirmation sets it to its day, a newer import date counts too. A place is due on day D when
`date_maj <= D - cadence months` (a place of unknown date is due since it was created); its due date is the
first such day. Both forms below say the same thing (tested on every day of a leap year).

Three states for a coordinator: « à jour » (not yet due), « à vérifier » (due for less than
ANCRAGE_FRESHNESS_OVERDUE_DAYS days), « en retard » (due for longer, or date unknown for that long).
"""

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from freshness.models import PlaceFreshness

UP_TO_DATE, DUE, OVERDUE = "a-jour", "a-verifier", "en-retard"
STATUS_LABELS = {UP_TO_DATE: _("À jour"), DUE: _("À vérifier"), OVERDUE: _("En retard")}


def default_cadence() -> int:
    return settings.ANCRAGE_FRESHNESS_CADENCE_MONTHS


def cadence_of(place) -> int:
    """The place's cadence in months: its own, or the territory's default."""
    try:
        own = place.freshness.cadence_months
    except PlaceFreshness.DoesNotExist:
        own = None
    return own or default_cadence()


def due_date(reference: date | None, cadence: int, created: date) -> date:
    """The first day D with `reference <= D - cadence months`; `created` when the reference is unknown."""
    if reference is None:
        return created
    months = relativedelta(months=cadence)
    day = reference + months
    while day - months < reference:  # a month end clamped by the addition (31 August + 6 months)
        day += timedelta(days=1)
    return day


def due_date_of(place) -> date:
    return due_date(place.date_maj, cadence_of(place), timezone.localdate(place.cree_le))


def status(due: date, today: date | None = None) -> str:
    today = today or timezone.localdate()
    if due > today:
        return UP_TO_DATE
    if due > today - timedelta(days=settings.ANCRAGE_FRESHNESS_OVERDUE_DAYS):
        return DUE
    return OVERDUE


def status_of(place, today: date | None = None) -> str:
    return status(due_date_of(place), today)


def _cadences() -> list[int]:
    own = PlaceFreshness.objects.filter(cadence_months__isnull=False).values_list("cadence_months", flat=True)
    return sorted(set(own) - {default_cadence()})


def due_by(day: date, prefix: str = "") -> Q:
    """Places (under `prefix`, e.g. "place__") whose due date is `day` or earlier, as a database condition."""
    own = f"{prefix}freshness__cadence_months"
    default = default_cadence()
    groups = [(Q(**{f"{own}__isnull": True}) | Q(**{own: default}), default)]
    groups += [(Q(**{own: months}), months) for months in _cadences()]
    unknown = Q(**{f"{prefix}date_maj__isnull": True, f"{prefix}cree_le__date__lte": day})
    condition = Q(pk__in=[])
    for group, months in groups:
        condition |= group & (Q(**{f"{prefix}date_maj__lte": day - relativedelta(months=months)}) | unknown)
    return condition


def status_condition(state: str, today: date | None = None, prefix: str = "") -> Q:
    """The database condition for one of the three states."""
    today = today or timezone.localdate()
    late = today - timedelta(days=settings.ANCRAGE_FRESHNESS_OVERDUE_DAYS)
    return {
        UP_TO_DATE: ~due_by(today, prefix),
        DUE: due_by(today, prefix) & ~due_by(late, prefix),
        OVERDUE: due_by(late, prefix),
    }[state]
