from datetime import date, datetime

from directory.domain import hours

WEEKDAYS = "Mo-Fr 09:00-12:00,14:00-17:30; We off; PH off"
MONDAY = datetime(2026, 11, 23, 10, 0)  # a Monday


def test_open_now_with_closing_time_in_french():
    status = hours.status(WEEKDAYS, MONDAY)
    assert status.is_open and status.label == "Ouvert jusqu’à 12 h"


def test_closed_at_lunch_reopens_today():
    status = hours.status(WEEKDAYS, datetime(2026, 11, 23, 12, 30))
    assert not status.is_open
    assert status.label == "Fermé · ouvre aujourd’hui à 14 h"
    assert status.next_opening == datetime(2026, 11, 23, 14, 0)


def test_next_opening_skips_closed_wednesday():
    status = hours.status(WEEKDAYS, datetime(2026, 11, 24, 18, 0))  # Tuesday evening
    assert status.label == "Fermé · ouvre jeudi à 9 h"


def test_next_opening_tomorrow_and_minutes():
    status = hours.status("Mo-Sa 09:30-18:00", datetime(2026, 11, 23, 19, 0))
    assert status.label == "Fermé · ouvre demain à 9 h 30"


def test_public_holiday_closes_the_place():
    christmas = datetime(2026, 12, 25, 10, 0)  # a Friday
    assert not hours.is_open_at(WEEKDAYS, christmas)
    assert hours.is_open_at(WEEKDAYS, datetime(2026, 12, 24, 10, 0))


def test_alternate_weeks():
    odd_weeks = "week 1-53/2 Mo 09:30-12:30"
    status = hours.status(odd_weeks, datetime(2026, 11, 23, 8, 0))  # ISO week 48: even
    assert status.label == "Fermé · ouvre le lundi 30 novembre à 9 h 30"
    assert "semaine" in hours.exceptions(odd_weeks, date(2026, 11, 23))[0]


def test_unknown_and_invalid_hours_are_not_guessed():
    for value in ["", "   ", "permanence tél. du lundi au vendredi"]:
        status = hours.status(value, MONDAY)
        assert not status.known and status.label == "Horaires non renseignés"
        assert hours.week_table(value) == []
        assert not hours.is_valid(value)


def test_week_table_in_french_with_today():
    table = hours.week_table(WEEKDAYS, date(2026, 11, 25))
    assert [d.name for d in table] == ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"]
    assert table[0].text == "9 h – 12 h, 14 h – 17 h 30"
    assert table[2].text == "Fermé" and table[2].is_today
    assert sum(d.is_today for d in table) == 1


def test_exceptions_mention_holidays():
    assert hours.exceptions(WEEKDAYS, date(2026, 11, 23)) == ["Fermé les jours fériés."]


def test_open_weekdays_for_day_filter():
    assert hours.open_weekdays(WEEKDAYS, date(2026, 11, 23)) == "|1|2|4|5|"
    assert hours.open_weekdays("Sa 10:00-12:00", date(2026, 11, 23)) == "|6|"
    assert hours.open_weekdays("nonsense") == ""
