"""France's public holidays (jours fériés), computed: eight fixed days and three that follow Easter.

A dozen lines instead of the `holidays` package (hundreds of countries and regions, a release a month) for the
one list we need. Alsace-Moselle's two extra days (Good Friday, 26 December) are not in it: the territory is
not there. Easter comes from `dateutil.easter` (python-dateutil is already installed through icalendar).
"""

import datetime
from functools import cache

from dateutil.easter import easter
from django.utils.translation import gettext_lazy as _

FIXED = {
    (1, 1): _("Jour de l’an"),
    (5, 1): _("Fête du Travail"),
    (5, 8): _("Victoire 1945"),
    (7, 14): _("Fête nationale"),
    (8, 15): _("Assomption"),
    (11, 1): _("Toussaint"),
    (11, 11): _("Armistice 1918"),
    (12, 25): _("Noël"),
}
AFTER_EASTER = {1: _("Lundi de Pâques"), 39: _("Ascension"), 50: _("Lundi de Pentecôte")}


@cache
def of_year(year: int) -> dict[datetime.date, str]:
    days = {datetime.date(year, month, day): name for (month, day), name in FIXED.items()}
    sunday = easter(year)
    days.update({sunday + datetime.timedelta(days=n): name for n, name in AFTER_EASTER.items()})
    return days


def name_of(day: datetime.date) -> str:
    """The holiday's name, or "" when the day is not one."""
    return str(of_year(day.year).get(day, ""))
