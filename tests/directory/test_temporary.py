"""Temporary information: the rules, the boundaries of a period, the places' time zones, the writes, the purge."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from core import worker
from core.audit import entries_for
from directory.domain import notices, temporary
from directory.models import TemporaryInfo
from directory.tasks import purge_temporary_info
from tests.factories import PlaceFactory, ServiceFactory

pytestmark = pytest.mark.django_db

PARIS, GUADELOUPE, REUNION = ZoneInfo("Europe/Paris"), ZoneInfo("America/Guadeloupe"), ZoneInfo("Indian/Reunion")
FIRST, LAST = date(2027, 1, 4), date(2027, 1, 15)  # Monday 4 to Friday 15 January 2027


def at(year, month, day, hour=10, minute=0, tz=PARIS) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=tz)


@pytest.fixture
def user():
    return get_user_model().objects.create_user("coordination@exemple.fr", "motdepasse")


def closure(place, user=None, first=FIRST, last=LAST, **values):
    return temporary.add(place, user=user, kind="fermeture", debut=first, fin=last, **values)


def status(place, now):
    return temporary.status(place, temporary.for_places([place.pk], now)[place.pk], now)


def test_a_closure_applies_from_its_first_to_its_last_day_included(user):
    place = PlaceFactory(horaires="Mo-Fr 09:00-12:00")
    closure(place, user)
    assert "demain" not in status(place, at(2027, 1, 3)).label  # the Sunday before: not « ouvre demain »
    assert status(place, at(2027, 1, 4, 9, 0)).is_open is False  # first day, opening time
    assert status(place, at(2027, 1, 15, 11, 59)).is_open is False  # last day, last minute of the hours
    assert status(place, at(2027, 1, 18, 9, 0)).is_open is True  # the Monday after
    assert status(place, at(2027, 1, 8)).label == "Fermé exceptionnellement · ouvre le lundi 18 janvier à\xa09\xa0h"


def test_a_closure_is_in_force_on_the_places_own_day_overseas():
    paris = PlaceFactory(horaires="24/7", code_insee="91377")
    guadeloupe = PlaceFactory(horaires="24/7", code_insee="97105")  # UTC−4
    reunion = PlaceFactory(horaires="24/7", code_insee="97411")  # UTC+4
    for place in (paris, guadeloupe, reunion):
        closure(place)
    # 16 January, 02:00 in Paris: still the 15th in Guadeloupe (20:00), the 16th at La Réunion.
    moment = at(2027, 1, 16, 2, 0)
    assert status(paris, moment).is_open is True
    assert status(guadeloupe, moment).is_open is False
    assert status(reunion, moment).is_open is True
    # 3 January, 22:00 in Paris: already the 4th at La Réunion (01:00), not yet in Guadeloupe.
    moment = at(2027, 1, 3, 22, 0)
    assert status(reunion, moment).is_open is False
    assert status(guadeloupe, moment).is_open is True
    assert status(paris, moment).is_open is True
    assert temporary.place_today(reunion, moment) == FIRST


def test_in_force_and_upcoming():
    place = PlaceFactory()
    info = closure(place)
    assert temporary.in_force(place, FIRST) == [info]
    assert temporary.in_force(place, LAST) == [info]
    assert temporary.in_force(place, LAST + timedelta(days=1)) == []
    assert temporary.in_force(place, FIRST - timedelta(days=1)) == []
    assert temporary.upcoming(place, FIRST - timedelta(days=15)) == [info]  # announced 15 days ahead
    assert temporary.upcoming(place, FIRST - timedelta(days=16)) == []
    assert temporary.upcoming(place, FIRST - timedelta(days=30), horizon=30) == [info]
    assert temporary.upcoming(place, FIRST) == []  # in force, no longer upcoming


def test_exceptional_hours_replace_the_regular_ones_on_those_days_only():
    place = PlaceFactory(horaires="Mo-Fr 09:00-12:00,14:00-17:00")
    temporary.add(place, user=None, kind="horaires", debut=FIRST, fin=date(2027, 1, 6), horaires="Mo,We 10:00-11:00")
    infos = temporary.for_places([place.pk], at(2027, 1, 4))[place.pk]
    week = [day.text for day in temporary.week_table(place, infos, FIRST)]
    assert week[:4] == [
        "10\xa0h – 11\xa0h (horaires exceptionnels)",
        "Fermé (horaires exceptionnels)",  # Tuesday is in the period and not in the exceptional hours
        "10\xa0h – 11\xa0h (horaires exceptionnels)",
        "9\xa0h – 12\xa0h, 14\xa0h – 17\xa0h",  # Thursday 7th: the regular hours again
    ]
    assert status(place, at(2027, 1, 4, 10, 30)).is_open is True
    assert status(place, at(2027, 1, 4, 9, 30)).is_open is False
    assert status(place, at(2027, 1, 5, 10, 30)).is_open is False
    assert status(place, at(2027, 1, 7, 9, 30)).is_open is True


def test_a_closure_on_a_public_holiday_is_closed_not_to_check():
    place = PlaceFactory(horaires="Mo-Fr 09:00-12:00")  # says nothing about public holidays
    closure(place, first=date(2026, 12, 24), last=date(2027, 1, 2))
    found = status(place, at(2027, 1, 1))
    assert (found.known, found.is_open) == (True, False) and found.label.startswith("Fermé exceptionnellement")
    infos = temporary.for_places([place.pk], at(2027, 1, 1))[place.pk]
    friday = temporary.week_table(place, infos, date(2027, 1, 1))[4]
    assert (friday.to_check, friday.text) == (False, "Fermeture exceptionnelle")


def test_a_place_with_unknown_hours_is_closed_during_a_closure():
    place = PlaceFactory(horaires="")
    closure(place)
    assert status(place, at(2027, 1, 5)).label == "Fermé exceptionnellement jusqu’au 15 janvier inclus"
    assert status(place, at(2027, 1, 18)).known is False


def test_service_limited_information_does_not_change_the_place_hours():
    service = ServiceFactory(place__horaires="24/7")
    closure(service.place, service=service)
    assert status(service.place, at(2027, 1, 5)).is_open is True
    notice = notices.notices(service.place, list(service.place.temporary_infos.all()), at(2027, 1, 5))[0]
    assert notice.service == service.nom


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"kind": "fermeture", "debut": LAST, "fin": FIRST}, "fin", "avant la date de début"),
        ({"kind": "fermeture", "debut": FIRST, "fin": FIRST + timedelta(days=400)}, "fin", "au plus 366 jours"),
        ({"kind": "horaires", "debut": FIRST, "fin": LAST}, "horaires", "Indiquez les horaires"),
        ({"kind": "horaires", "debut": FIRST, "fin": LAST, "horaires": "9h-12h"}, "horaires", "pas au format"),
        ({"kind": "horaires", "debut": FIRST, "fin": LAST, "horaires": "Jan Mo 10:00-12:00"}, "horaires", "dates"),
        ({"kind": "horaires", "debut": FIRST, "fin": LAST, "horaires": "Mo 10:00-12:00, Tu 09:00-10:00"}, "horaires",
         "point-virgule"),
        ({"kind": "fermeture", "debut": FIRST, "fin": LAST, "horaires": "Mo 10:00-12:00"}, "horaires", "videz"),
        ({"kind": "message", "debut": FIRST, "fin": LAST}, "texte", "Écrivez le message"),
    ],
)  # fmt: skip
def test_invalid_information_gets_a_french_error_and_nothing_is_saved(values, field, message):
    place = PlaceFactory()
    with pytest.raises(ValidationError) as error:
        temporary.add(place, user=None, **values)
    assert message in " ".join(error.value.message_dict[field])
    assert not TemporaryInfo.objects.exists()


def test_a_service_of_another_place_is_refused():
    place, other = PlaceFactory(), ServiceFactory()
    with pytest.raises(ValidationError) as error:
        closure(place, service=other)
    assert "pas proposé dans ce lieu" in error.value.message_dict["service"][0]


def test_writes_are_recorded_with_their_author(user):
    place = PlaceFactory()
    info = closure(place, user, texte="Travaux")
    assert info.cree_par == user
    temporary.change(info, user=user, fin=date(2027, 1, 20))
    temporary.remove(info, user=user)
    entries = list(entries_for(place).order_by("pk"))
    assert [e.verb for e in entries] == [
        "information temporaire ajoutée", "information temporaire modifiée", "information temporaire supprimée",
    ]  # fmt: skip
    assert all(e.user == user for e in entries)
    assert entries[1].changes == {"fin": ["2027-01-15", "2027-01-20"]}
    assert not TemporaryInfo.objects.exists()


def test_a_change_is_validated_like_an_addition(user):
    info = closure(PlaceFactory(), user)
    with pytest.raises(ValidationError):
        temporary.change(info, user=user, fin=FIRST - timedelta(days=1))
    info.refresh_from_db()
    assert info.fin == LAST


@pytest.mark.parametrize(
    ("first", "last", "today", "said"),
    [
        (date(2027, 1, 1), date(2027, 1, 15), date(2026, 12, 20), "du 1er au 15 janvier 2027"),
        (date(2027, 1, 1), date(2027, 1, 15), date(2027, 1, 1), "du 1er au 15 janvier"),
        (date(2027, 2, 26), date(2027, 3, 2), date(2027, 2, 1), "du 26 février au 2 mars"),
        (date(2026, 12, 28), date(2027, 1, 3), date(2026, 12, 20), "du 28 décembre 2026 au 3 janvier 2027"),
        (date(2027, 5, 1), date(2027, 5, 1), date(2027, 4, 20), "le 1er mai"),
    ],
)
def test_periods_in_plain_french(first, last, today, said):
    assert temporary.period_text(first, last, today) == said


def test_notices_announce_ahead_then_say_it_applies_then_disappear():
    place = PlaceFactory()
    closure(place, first=date(2027, 1, 1), last=date(2027, 1, 15))

    def titles(now):
        return [n.title for n in notices.notices(place, list(place.temporary_infos.all()), now)]

    assert titles(at(2026, 12, 16)) == []  # 16 days ahead
    assert titles(at(2026, 12, 17)) == ["Fermeture exceptionnelle du 1er au 15 janvier 2027"]
    assert titles(at(2027, 1, 1)) == ["Fermé exceptionnellement jusqu’au 15 janvier inclus"]
    assert titles(at(2027, 1, 15)) == ["Fermé exceptionnellement aujourd’hui"]
    assert titles(at(2027, 1, 16)) == []


def test_the_osm_rules_are_dated_with_years():
    place = PlaceFactory(horaires="Mo-Fr 09:00-12:00; PH off")
    info = closure(place, first=date(2026, 12, 28), last=date(2027, 1, 3))
    hours_info = temporary.add(
        place, user=None, kind="horaires", debut=date(2027, 2, 1), fin=date(2027, 2, 1), horaires="08:00-10:00"
    )
    assert temporary.osm_rules(info) == ["2026 Dec 28-2027 Jan 03 off"]
    assert temporary.osm_rules(hours_info) == ["2027 Feb 01 off", "2027 Feb 01 08:00-10:00"]
    assert temporary.apply(place.horaires, [info, hours_info]) == (
        "Mo-Fr 09:00-12:00; PH off; 2026 Dec 28-2027 Jan 03 off; 2027 Feb 01 off; 2027 Feb 01 08:00-10:00"
    )


def test_purge_deletes_what_ended_more_than_the_kept_days_ago(settings):
    settings.ANCRAGE_TEMPORARY_KEEP_DAYS = 30
    place = PlaceFactory()
    old = closure(place, first=date(2026, 10, 1), last=date(2026, 10, 31))
    recent = closure(place, first=date(2026, 11, 1), last=date(2026, 11, 1))
    assert temporary.purge(today=date(2026, 12, 1)) == 1  # ended 31 days before
    assert list(TemporaryInfo.objects.all()) == [recent]
    assert temporary.purge(today=date(2026, 12, 1)) == 0
    assert not TemporaryInfo.objects.filter(pk=old.pk).exists()


def test_the_purge_is_a_daily_periodic_job(settings):
    assert settings.ANCRAGE_PERIODIC_JOBS["directory.tasks.purge_temporary_info"].startswith("daily")
    place = PlaceFactory()
    closure(place, first=date(2020, 1, 1), last=date(2020, 1, 2))
    purge_temporary_info.enqueue()
    worker.run_pending()  # the job as the worker runs it
    assert not TemporaryInfo.objects.exists()
