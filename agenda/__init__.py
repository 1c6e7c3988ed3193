"""/agenda/: events, occurrences, registrations, iCalendar feeds."""
