"""A structure's yearly activity: what the registered providers count (events held, registrations,
attendance: the agenda), plus the network's own practice sheets and profiles. Counts only: it feeds the
structure's network page, the coordinators' CSV and the observatory."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from accounts.models import Structure
from network import activity
from network.models import Practice, Profile

PRACTICES = "practices_published"
PRACTICES_YEAR = "practices_published_in_year"
PROFILES = "profiles_listed"
OWN_LABELS = {
    PRACTICES: _("Fiches pratiques publiées (en tout)"),
    PRACTICES_YEAR: _("Fiches pratiques publiées dans l’année"),
    PROFILES: _("Personnes présentes dans le réseau (aujourd’hui)"),
}


@dataclass(frozen=True)
class Line:
    key: str
    label: str
    value: int | None  # None: no provider counts it yet


def _year_bounds(year: int):
    zone = timezone.get_current_timezone()
    start = datetime.datetime(year, 1, 1, tzinfo=zone)
    return start, datetime.datetime(year + 1, 1, 1, tzinfo=zone)


def _own(structure, year: int) -> dict[str, int]:
    published = Practice.objects.published().filter(structure=structure)
    start, end = _year_bounds(year)
    return {
        PRACTICES: published.count(),
        PRACTICES_YEAR: published.filter(published_at__gte=start, published_at__lt=end).count(),
        PROFILES: Profile.objects.listed().filter(user__memberships__structure=structure).distinct().count(),
    }


def summary(structure, year: int) -> dict[str, int | None]:
    """{key: count} for the structure and calendar year: the providers' counts (None when no provider gives
    one of the three standard counts), then the network's own."""
    counts: dict[str, int | None] = dict.fromkeys(activity.LABELS)
    for provider in activity.providers():
        for key, value in provider.counts(structure, year).items():
            counts[key] = (counts.get(key) or 0) + int(value)
    counts.update(_own(structure, year))
    return counts


def labels() -> dict[str, str]:
    found = dict(activity.LABELS)
    for provider in activity.providers():
        found.update(provider.labels)
    return {**found, **OWN_LABELS}


def lines(structure, year: int) -> list[Line]:
    names = labels()
    return [Line(key, names.get(key, key), value) for key, value in summary(structure, year).items()]


def table(year: int) -> tuple[list[str], list[list]]:
    """The coordinators' CSV: a header in French, then one row of counts per structure."""
    with translation.override(settings.LANGUAGE_CODE):
        names = {key: str(label) for key, label in labels().items()}
    keys = list(names)
    rows = []
    for structure in Structure.objects.order_by("name", "pk"):
        counts = summary(structure, year)
        rows.append([structure.pk, structure.name, structure.siret, *("" if counts.get(k) is None else counts[k]
                                                                      for k in keys)])  # fmt: skip
    return ["n° de structure", "structure", "SIRET", *(names[k] for k in keys)], rows
