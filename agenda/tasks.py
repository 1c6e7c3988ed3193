"""Agenda jobs: slide the horizon of recurring events, remind registrants the day before."""

from agenda.domain import registrations, schedule
from core.jobs import job


@job()
def extend_occurrences() -> int:
    """Periodic (ANCRAGE_PERIODIC_JOBS): create the dates that entered the horizon."""
    return schedule.extend_all()


@job()
def send_reminders() -> int:
    """Periodic: the reminder e-mail, the day before, once per registration."""
    return registrations.send_reminders()
