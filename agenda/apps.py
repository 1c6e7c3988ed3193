"""/agenda/: events, occurrences, registrations, iCalendar feeds."""

from django.apps import AppConfig


class AgendaConfig(AppConfig):
    name = "agenda"
    verbose_name = "Agenda"

    def ready(self):
        from agenda import extensions

        extensions.register()
