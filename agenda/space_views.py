"""The organiser's agenda in /espace/: publish and edit events, cancel a date, the attendance sheet, and the
moderator's review of a new organiser's first events."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.forms.utils import ErrorDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.permissions import EDIT, MODERATE, VIEW, can, structures_of
from agenda.domain import events, recurrence, registrations
from agenda.forms import DecisionForm, EventForm
from agenda.models import Event, Occurrence, Registration
from agenda.templatetags.agenda_tags import french_inner_quotes
from agenda.views import quiet_403
from moderation.views import moderator_only


def _allowed(user, action, event):
    if not can(user, action, event):
        raise PermissionDenied
    return event


def _searching_place(request, form) -> bool:
    """« Chercher » next to the place search: the form comes back with the places found, nothing saved, no error
    shown yet (the search works without JavaScript)."""
    if request.method == "POST" and "chercher_lieu" in request.POST:
        form._errors = ErrorDict()
        return True
    return False


@quiet_403
@login_required
def space(request):
    structures = list(structures_of(request.user))
    mine = Event.objects.filter(structure__in=structures).select_related("structure").order_by("-start_date")
    return render(request, "agenda/space.html", {"events": mine, "structures": structures})


@quiet_403
@login_required
@require_http_methods(["GET", "POST"])
def new(request):
    structures = structures_of(request.user)
    if not structures.exists():
        raise PermissionDenied
    form = EventForm(request.POST or None, structures=structures, initial={"structure": structures.first()})
    if _searching_place(request, form):
        pass
    elif request.method == "POST" and form.is_valid():
        event = events.create(request.user, form.values())
        if event.status == Event.Status.PENDING:
            messages.success(
                request,
                _("C’est enregistré. Votre premier événement sera publié une fois relu par l’équipe de modération."),
            )
        else:
            messages.success(request, _("C’est publié."))
        return redirect("agenda:space-event", event.pk)
    context = {"form": form, "title": _("Publier un événement")}
    return render(request, "agenda/event_form.html", context, status=400 if form.errors else 200)


@quiet_403
@login_required
@require_http_methods(["GET", "POST"])
def edit(request, pk: int):
    event = _allowed(request.user, EDIT, get_object_or_404(Event, pk=pk))
    form = EventForm(request.POST or None, instance=event, structures=structures_of(request.user))
    if _searching_place(request, form):
        pass
    elif request.method == "POST" and form.is_valid():
        told = events.change(request.user, Event.objects.get(pk=pk), form.values())
        messages.success(
            request, _("C’est enregistré. Les personnes inscrites sont prévenues.") if told else _("C’est enregistré.")
        )
        return redirect("agenda:space-event", pk)
    context = {
        "form": form,
        "title": _("Modifier « %(title)s »") % {"title": french_inner_quotes(event.title)},
        "event": event,
    }
    return render(request, "agenda/event_form.html", context, status=400 if form.errors else 200)


@quiet_403
@login_required
def space_event(request, pk: int):
    event = _allowed(request.user, EDIT, get_object_or_404(Event.objects.select_related("structure"), pk=pk))
    dates = event.occurrences.order_by("starts_at")
    context = {"event": event, "dates": dates, "schedule": recurrence.describe(event),
               "rrule": recurrence.rrule(event)}  # fmt: skip
    return render(request, "agenda/space_event.html", context)


@quiet_403
@login_required
@require_POST
def cancel_event(request, pk: int):
    event = _allowed(request.user, EDIT, get_object_or_404(Event, pk=pk))
    events.cancel_event(request.user, event)
    messages.success(request, _("L’événement est annulé ; les personnes inscrites sont prévenues."))
    return redirect("agenda:space-event", pk)


@quiet_403
@login_required
@require_http_methods(["GET", "POST"])
def cancel_occurrence(request, pk: int):
    """A GET says what cancelling this date does and to how many people; the POST cancels."""
    occurrence = get_object_or_404(Occurrence.objects.select_related("event__place", "event__structure"), pk=pk)
    _allowed(request.user, EDIT, occurrence.event)
    if request.method == "POST" and not occurrence.cancelled:
        events.cancel_occurrence(request.user, occurrence)
        messages.success(request, _("La date est annulée ; les personnes inscrites sont prévenues."))
        return redirect("agenda:space-event", occurrence.event_id)
    people = occurrence.registrations.exclude(status=Registration.Status.CANCELLED)
    context = {"occurrence": occurrence, "event": occurrence.event, "where": registrations.where(occurrence.event),
               "people": people.count(), "told": people.exclude(email="").count()}  # fmt: skip
    return render(request, "agenda/cancel_occurrence.html", context)


@quiet_403
@login_required
@require_http_methods(["GET", "POST"])
def attendance(request, pk: int):
    """The printable attendance sheet, and the form to record who came."""
    occurrence = get_object_or_404(Occurrence.objects.select_related("event__place", "event__structure"), pk=pk)
    _allowed(request.user, EDIT, occurrence.event)
    people = list(occurrence.registrations.exclude(status=Registration.Status.CANCELLED).order_by("status", "pk"))
    if request.method == "POST":
        present = {}
        for person in people:
            value = request.POST.get(f"presents-{person.pk}", "0")
            present[person.pk] = int(value) if value.isdigit() else 0
        registrations.record_attendance(request.user, occurrence, present)
        messages.success(request, _("Les présences sont enregistrées."))
        return redirect("agenda:attendance", pk)
    registered = [p for p in people if p.status == Registration.Status.REGISTERED]
    waiting = [p for p in people if p.status == Registration.Status.WAITING]
    context = {"occurrence": occurrence, "event": occurrence.event, "registered": registered, "waiting": waiting,
               "where": registrations.where(occurrence.event)}  # fmt: skip
    return render(request, "agenda/attendance.html", context)


@moderator_only
@require_http_methods(["GET", "POST"])
def review(request, pk: int):
    event = get_object_or_404(Event.objects.select_related("structure", "place"), pk=pk)
    if not can(request.user, MODERATE, event) or not can(request.user, VIEW, event):
        raise PermissionDenied
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and event.status == Event.Status.PENDING and form.is_valid():
        accepted = form.cleaned_data["decision"] == "publier"
        events.decide(request.user, event, accepted, form.cleaned_data["reason"])
        messages.success(request, _("L’événement est publié.") if accepted else _("L’événement est refusé."))
        return redirect("moderation:queue")
    context = {"event": event, "form": form, "schedule": recurrence.describe(event),
               "where": registrations.where(event)}  # fmt: skip
    return render(request, "agenda/review.html", context, status=400 if form.errors else 200)
