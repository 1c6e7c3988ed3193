"""The .ics addresses: all events, a programme, a place, a theme, one event."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext

from accounts.permissions import VIEW, can
from agenda import ical
from agenda.models import Event, Occurrence, Programme
from directory.models import Place
from directory.needs import NEEDS


def _ics(events, name: str, filename: str, components=None) -> HttpResponse:
    body = ical.calendar(ical.feed_events(events) if components is None else [], name, components)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    response["Cache-Control"] = "public, max-age=900"
    return response


def _public():
    return Event.objects.exclude(kind=Event.Kind.TRAINING)


def all_events(request):
    return _ics(_public(), gettext("Agenda du numérique"), "agenda")


def programme(request, slug: str):
    programme = get_object_or_404(Programme, slug=slug)
    return _ics(_public().filter(programme=programme), programme.title, programme.slug)


def place(request, pk: int):
    place = get_object_or_404(Place.objects.published(), pk=pk)
    return _ics(_public().filter(place=place), gettext("Agenda – %(name)s") % {"name": place.nom}, f"lieu-{place.pk}")


def theme(request, slug: str):
    need = next((n for n in NEEDS if n.slug == slug), None)
    if need is None:
        raise Http404(gettext("Ce thème n’existe pas."))
    return _ics(_public().filter(theme=slug), gettext("Agenda – %(name)s") % {"name": need.label}, f"theme-{slug}")


def event(request, pk: int):
    event = get_object_or_404(Event, pk=pk)
    if not can(request.user, VIEW, event) or (event.kind == Event.Kind.TRAINING and not request.user.is_authenticated):
        raise Http404(gettext("Cet événement n’existe pas ou n’est pas public."))
    return _ics(Event.objects.filter(pk=pk), event.title, f"evenement-{pk}")


def occurrence(request, pk: int):
    """One date, for the person who registered to it (« Ajouter cette date à mon agenda »)."""
    date = get_object_or_404(Occurrence.objects.select_related("event__structure", "event__place"), pk=pk)
    event = date.event
    if not can(request.user, VIEW, event) or (event.kind == Event.Kind.TRAINING and not request.user.is_authenticated):
        raise Http404(gettext("Cet événement n’existe pas ou n’est pas public."))
    return _ics(None, event.title, f"evenement-{event.pk}-date-{pk}", [ical.occurrence_vevent(date)])
