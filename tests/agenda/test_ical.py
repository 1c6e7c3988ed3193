"""The .ics feeds parse with a standard parser and expand to the dates the site shows; UIDs stay, SEQUENCE rises."""

import datetime

import icalendar
import pytest
import time_machine
from dateutil.rrule import rrulestr
from django.utils import timezone

from agenda.domain import events, schedule
from agenda.models import Event, Occurrence
from tests.factories_agenda import EventFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2027, 2, 1, 9, tzinfo=datetime.UTC)


def _expand(component) -> list[datetime.datetime]:
    """What a calendar client computes from the parsed VEVENT: DTSTART + RRULE − EXDATE."""
    start = component.decoded("dtstart")
    if "rrule" not in component:
        return [start]
    starts = list(rrulestr(component["rrule"].to_ical().decode(), dtstart=start))
    exdates = component.get("exdate", [])
    excluded = {d.dt for group in (exdates if isinstance(exdates, list) else [exdates]) for d in group.dts}
    return [s for s in starts if s not in excluded]


@time_machine.travel(NOW)
def test_the_feed_expands_to_the_site_dates_across_summer_time_and_holidays(client):
    # Every Monday 14:00 from 1 March to 31 May 2027: Easter Monday (29 March) and Whit Monday (17 May) are off,
    # 12 April skipped; summer time starts on 28 March.
    event = EventFactory(start_date=datetime.date(2027, 3, 1), repeat="hebdo", weekdays=[0],
                         until=datetime.date(2027, 5, 31), skipped_dates=["2027-04-12"])  # fmt: skip
    schedule.materialise(event)
    response = client.get("/agenda.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    (component,) = calendar.walk("VEVENT")
    assert str(component["uid"]).startswith(str(event.uid))
    site = sorted(Occurrence.objects.filter(event=event).values_list("starts_at", flat=True))
    feed = _expand(component)
    assert [s.astimezone(datetime.UTC) for s in feed] == site
    assert len(site) == 11  # 14 Mondays, less two holidays and one skipped date
    assert {timezone.localtime(s).hour for s in site} == {14}


@time_machine.travel(NOW)
def test_a_change_keeps_the_uid_and_raises_the_sequence_and_a_cancellation_is_published(client):
    event = EventFactory()
    schedule.materialise(event)
    first = icalendar.Calendar.from_ical(client.get(f"/agenda/{event.pk}.ics").content).walk("VEVENT")[0]
    events.change(None, event, {"start_time": datetime.time(15, 0), "end_time": datetime.time(17, 0)})
    second = icalendar.Calendar.from_ical(client.get(f"/agenda/{event.pk}.ics").content).walk("VEVENT")[0]
    assert second["uid"] == first["uid"]
    assert (first["sequence"], second["sequence"]) == (0, 1)
    assert second.decoded("dtstart").hour == 15
    events.cancel_event(None, Event.objects.get(pk=event.pk))
    third = icalendar.Calendar.from_ical(client.get(f"/agenda/{event.pk}.ics").content).walk("VEVENT")[0]
    assert third["status"] == "CANCELLED" and third["sequence"] == 2


@time_machine.travel(NOW)
def test_feeds_per_programme_place_and_theme_and_trainings_stay_out(client):
    programme = ProgrammeFactory()
    workshop = EventFactory(programme=programme, theme="securite")
    training = EventFactory(kind=Event.Kind.TRAINING, place=workshop.place, theme="securite")
    for event in (workshop, training):
        schedule.materialise(event)
    for url in (f"/agenda/programmes/{programme.slug}.ics", f"/agenda/lieux/{workshop.place.pk}.ics",
                "/agenda/themes/securite.ics", "/agenda.ics"):  # fmt: skip
        summaries = [str(c["summary"]) for c in icalendar.Calendar.from_ical(client.get(url).content).walk("VEVENT")]
        assert summaries == [workshop.title], url
    assert client.get("/agenda/themes/inconnu.ics").status_code == 404
    assert client.get(f"/agenda/{training.pk}.ics").status_code == 404


@time_machine.travel(NOW)
def test_open_data_lists_public_dates_without_registrants(client):
    from agenda.domain import registrations

    event = EventFactory(title="Atelier ouvert")
    occurrence = schedule.materialise(event).created[0]
    registrations.register(occurrence.pk, name="Lou Secret", email="lou@exemple.fr")
    EventFactory(title="Formation interne", kind=Event.Kind.TRAINING)
    text = b"".join(client.get("/donnees-ouvertes/evenements.csv").streaming_content).decode()
    assert "Atelier ouvert" in text and "Formation interne" not in text
    assert "Lou" not in text and "lou@" not in text


@time_machine.travel(NOW)
def test_open_data_urls_have_a_single_slash_after_the_host(client, settings):
    settings.ANCRAGE_SITE_URL = "http://testserver/"
    event = EventFactory(title="Atelier ouvert")
    schedule.materialise(event)
    text = b"".join(client.get("/donnees-ouvertes/evenements.csv").streaming_content).decode()
    urls = [line.rsplit(",", 1)[-1].strip() for line in text.splitlines()[1:]]
    assert urls and all(url.startswith("http") and "//agenda" not in url for url in urls), urls
    assert event.get_absolute_url() in urls[0]
