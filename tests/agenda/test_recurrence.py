"""Schedules: the RRULE the simple form gives, and the dates, on the wall clock across summer time, without
public holidays and skipped dates."""

import datetime

from agenda.domain import holidays, recurrence
from agenda.models import Event


def _event(**values) -> Event:
    base = {"start_date": datetime.date(2027, 3, 2), "start_time": datetime.time(14, 0),
            "end_time": datetime.time(16, 0), "timezone": "Europe/Paris"}  # fmt: skip
    return Event(**{**base, **values})


def test_french_public_holidays_include_those_that_follow_easter():
    days = holidays.of_year(2027)
    assert len(days) == 11
    assert days[datetime.date(2027, 3, 29)] == "Lundi de Pâques"  # Easter 2027: 28 March
    assert days[datetime.date(2027, 5, 6)] == "Ascension"
    assert days[datetime.date(2027, 5, 17)] == "Lundi de Pentecôte"
    assert holidays.name_of(datetime.date(2026, 7, 14)) == "Fête nationale"
    assert holidays.name_of(datetime.date(2026, 7, 15)) == ""


def test_a_weekly_rule_on_chosen_days_every_two_weeks():
    event = _event(repeat="hebdo", interval=2, weekdays=[1, 3], count=6)
    assert recurrence.rrule(event) == "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=6"
    days = [s.date() for s in recurrence.rule_starts(event)]
    assert days == [datetime.date(2027, 3, d) for d in (2, 4, 16, 18, 30)] + [datetime.date(2027, 4, 1)]


def test_the_time_stays_on_the_wall_clock_across_both_changes_of_summer_time():
    # Summer time starts on 28 March 2027 and ends on 31 October 2027.
    march = recurrence.planned_starts(_event(start_date=datetime.date(2027, 3, 23), repeat="hebdo", weekdays=[1],
                                             count=3, skip_holidays=False))  # fmt: skip
    assert [s.hour for s in march] == [14, 14, 14]
    assert [s.utcoffset() for s in march] == [datetime.timedelta(hours=h) for h in (1, 2, 2)]
    assert [s.astimezone(datetime.UTC).hour for s in march] == [13, 12, 12]
    october = recurrence.planned_starts(_event(start_date=datetime.date(2027, 10, 26), repeat="hebdo", weekdays=[1],
                                               count=2, skip_holidays=False))  # fmt: skip
    assert [s.astimezone(datetime.UTC).hour for s in october] == [12, 13]


def test_holidays_and_skipped_dates_have_no_session_but_stay_in_the_rule():
    # Every Monday from 22 March 2027: 29 March is Easter Monday; 12 April is skipped by the organiser.
    event = _event(start_date=datetime.date(2027, 3, 22), repeat="hebdo", weekdays=[0],
                   until=datetime.date(2027, 4, 19), skipped_dates=["2027-04-12"])  # fmt: skip
    planned = [s.date() for s in recurrence.planned_starts(event)]
    assert planned == [datetime.date(2027, 3, 22), datetime.date(2027, 4, 5), datetime.date(2027, 4, 19)]
    assert [s.date() for s in recurrence.excluded_starts(event)] == [datetime.date(2027, 3, 29),
                                                                      datetime.date(2027, 4, 12)]  # fmt: skip
    assert recurrence.skipped(event, datetime.date(2027, 3, 29)) == "jour férié (Lundi de Pâques)"
    # UNTIL is the end of the last day in Paris, written in UTC (RFC 5545).
    assert recurrence.rrule(event).endswith("UNTIL=20270419T215959Z")


def test_monthly_rules_on_the_same_day_or_the_same_weekday():
    by_day = _event(start_date=datetime.date(2027, 1, 12), repeat="mois-jour", count=3)
    assert [s.date() for s in recurrence.rule_starts(by_day)] == [datetime.date(2027, m, 12) for m in (1, 2, 3)]
    second_tuesday = _event(start_date=datetime.date(2027, 1, 12), repeat="mois-semaine", count=3)
    assert recurrence.rrule(second_tuesday) == "FREQ=MONTHLY;INTERVAL=1;BYDAY=2TU;COUNT=3"
    assert [s.date() for s in recurrence.rule_starts(second_tuesday)] == [
        datetime.date(2027, 1, 12), datetime.date(2027, 2, 9), datetime.date(2027, 3, 9)]  # fmt: skip
    assert recurrence.describe(second_tuesday) == "Chaque mois le 2e mardi, 3 séances, sauf les jours fériés"


def test_a_one_off_event_has_one_date_and_no_rule():
    event = _event()
    assert recurrence.rrule(event) == ""
    assert recurrence.planned_starts(event) == [
        datetime.datetime(2027, 3, 2, 14, tzinfo=recurrence.ZoneInfo("Europe/Paris"))
    ]
