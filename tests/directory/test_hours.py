from datetime import UTC, date, datetime

from directory.domain import hours

WEEKDAYS = "Mo-Fr 09:00-12:00,14:00-17:30; We off; PH off"
MONDAY = datetime(2026, 11, 23, 10, 0)  # a Monday


def test_open_now_with_closing_time_in_french():
    status = hours.status(WEEKDAYS, MONDAY)
    assert status.is_open and status.label == "Ouvert jusqu’à\xa012\xa0h"


def test_closed_at_lunch_reopens_today():
    status = hours.status(WEEKDAYS, datetime(2026, 11, 23, 12, 30))
    assert not status.is_open
    assert status.label == "Fermé · ouvre aujourd’hui à\xa014\xa0h"
    assert status.next_opening == datetime(2026, 11, 23, 14, 0)


def test_next_opening_skips_closed_wednesday():
    status = hours.status(WEEKDAYS, datetime(2026, 11, 24, 18, 0))  # Tuesday evening
    assert status.label == "Fermé · ouvre jeudi à\xa09\xa0h"


def test_next_opening_tomorrow_and_minutes():
    status = hours.status("Mo-Sa 09:30-18:00", datetime(2026, 11, 23, 19, 0))
    assert status.label == "Fermé · ouvre demain à\xa09\xa0h\xa030"


def test_public_holiday_closes_the_place():
    christmas = datetime(2026, 12, 25, 10, 0)  # a Friday
    assert not hours.is_open_at(WEEKDAYS, christmas)
    assert hours.is_open_at(WEEKDAYS, datetime(2026, 12, 24, 10, 0))


def test_alternate_weeks():
    odd_weeks = "week 1-53/2 Mo 09:30-12:30"
    status = hours.status(odd_weeks, datetime(2026, 11, 23, 8, 0))  # ISO week 48: even
    assert status.label == "Fermé · ouvre le lundi 30 novembre à\xa09\xa0h\xa030"
    assert any("semaine" in note for note in hours.exceptions(odd_weeks, date(2026, 11, 23)))


def test_unknown_and_invalid_hours_are_not_guessed():
    for value in ["", "   ", "Mo-Fr 9h-12h"]:
        status = hours.status(value, MONDAY)
        assert not status.known and status.label == "Horaires non renseignés"
        assert hours.week_table(value) == []
        assert not hours.is_valid(value)


def test_week_table_in_french_with_today():
    table = hours.week_table(WEEKDAYS, date(2026, 11, 25))
    assert [d.name for d in table] == ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"]
    assert table[0].text == "9\xa0h – 12\xa0h, 14\xa0h – 17\xa0h\xa030"
    assert table[2].text == "Fermé" and table[2].is_today
    assert sum(d.is_today for d in table) == 1


def test_exceptions_mention_holidays():
    assert hours.exceptions(WEEKDAYS, date(2026, 11, 23)) == ["Fermé les jours fériés."]


def test_open_weekdays_for_day_filter():
    assert hours.open_weekdays(WEEKDAYS, date(2026, 11, 23)) == "|1|2|4|5|"
    assert hours.open_weekdays("Sa 10:00-12:00", date(2026, 11, 23)) == "|6|"
    assert hours.open_weekdays("nonsense") == ""


CHRISTMAS = datetime(2026, 12, 25, 10, 0)  # a Friday, a public holiday


def test_public_holiday_without_a_rule_is_to_check_never_open():
    status = hours.status("Mo-Fr 09:00-17:00", CHRISTMAS)
    assert not status.is_open and not status.known
    assert status.label == "Jour férié\xa0: horaires à vérifier"
    assert not hours.is_open_at("Mo-Fr 09:00-17:00", CHRISTMAS)
    friday = hours.week_table("Mo-Fr 09:00-17:00", date(2026, 12, 25))[4]
    assert friday.text == "Jour férié\xa0: à vérifier"
    assert any("Jours fériés" in note for note in hours.exceptions("Mo-Fr 09:00-17:00", date(2026, 12, 21)))


def test_public_holiday_with_a_rule_follows_it():
    assert hours.status("Mo-Fr 09:00-17:00; PH 10:00-12:00", CHRISTMAS).label == "Ouvert jusqu’à\xa012\xa0h"
    assert hours.status("Mo-Fr 09:00-17:00; PH off", CHRISTMAS).label.startswith("Fermé")


def test_times_never_break_across_lines():
    label = hours.status("Mo-Sa 09:30-18:00", datetime(2026, 11, 23, 19, 0)).label
    assert " h" not in label and "à 9" not in label
    assert all(" h" not in day.text for day in hours.week_table(WEEKDAYS, date(2026, 11, 23)))


def test_raw_syntax_is_never_readable_text():
    assert hours.readable_text("permanence tél. du lundi au vendredi") == "permanence tél. du lundi au vendredi"
    status = hours.status("permanence tél. du lundi au vendredi", MONDAY)
    assert not status.known and status.label == "permanence tél. du lundi au vendredi"
    for value in ["permanence tél. du lundi au vendredi", "Mo-Fr 9h-12h"]:
        assert hours.week_table(value) == [] and not hours.is_valid(value)
    for raw in ["Mo-Fr 9h-12h", "Mo-Fr 09:00-12:00;;", "Tu 14:00-", "", "24/7"]:
        assert hours.readable_text(raw) == "", raw


def test_unknown_spans_and_comments_in_words():
    table = hours.week_table('Mo 09:00-12:00 "sur rendez-vous"; Sa unknown', date(2026, 11, 23))
    assert table[0].text == "9\xa0h – 12\xa0h (sur rendez-vous)"
    assert "à vérifier" in table[5].text
    assert hours.status("Sa unknown", datetime(2026, 11, 28, 10, 0)).label == "Horaires à vérifier"


def test_status_in_the_place_time_zone():
    # 14:00 UTC is 15:00 in Paris (open) and 04:00 in Tahiti (closed), 18:00 in Réunion (closed).
    moment = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)
    assert hours.status("Mo-Fr 09:00-17:00", moment, "91377").is_open
    tahiti = hours.status("Mo-Fr 09:00-17:00", moment, "98735")
    assert not tahiti.is_open and tahiti.label == "Fermé · ouvre aujourd’hui à\xa09\xa0h"
    assert not hours.is_open_at("Mo-Fr 09:00-17:00", moment, "97411")
    assert hours.is_open_at("Mo-Fr 09:00-17:00", moment, "91377")


def test_next_opening_on_a_public_holiday_without_a_rule_is_to_check():
    status = hours.status("Mo-Fr 09:00-17:00", datetime(2026, 12, 24, 18, 0))  # Christmas is tomorrow
    assert status.label == "Fermé · demain (jour férié)\xa0: horaires à vérifier"
