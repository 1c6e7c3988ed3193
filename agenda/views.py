"""The public agenda: « Près de chez moi », an event's page, a programme's page, registering and cancelling
without an account. Thin: the forms parse, `agenda.domain` decides."""

from functools import wraps

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.permissions import VIEW, can
from agenda.domain import finding, recurrence, registrations
from agenda.forms import FindForm, RegistrationForm
from agenda.models import Event, Occurrence, Programme, Registration
from core.signing import LinkError, UsedLink
from core.throttle import throttled
from directory.needs import NEEDS
from web.views import permission_denied


def quiet_403(view):
    """A refusal is an ordinary answer: the French 403 page, without the traceback Django logs for
    `PermissionDenied`."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as denied:
            return permission_denied(request, denied)

    return wrapped


def find(request):
    form = FindForm(request.GET or None)
    found, commune, criteria = [], None, {}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        commune = data["ou"]
        criteria = {"commune": commune, "radius": data["rayon"] or 10, "start": data["du"], "end": data["au"],
                    "theme": data["theme"], "public": data["public"]}  # fmt: skip
    if not form.is_bound or not form.errors:
        found = finding.find(request.user, **criteria)
    numbered = {}
    for item in found:
        numbered.setdefault(item.occurrence.event_id, len(numbered) + 1)
    theme = criteria.get("theme", "")
    context = {
        "form": form, "days": finding.by_day(found), "count": len(found), "commune": commune,
        "map_data": _map_data(found, numbered, commune, criteria.get("radius")), "numbered": numbered,
        "theme": next((n for n in NEEDS if n.slug == theme), None),
        "programmes": Programme.objects.order_by("-starts_on")[:3],
    }  # fmt: skip
    if form.is_bound and not form.errors and not found:
        context["empty"] = finding.when_nothing(request.user, criteria, request.GET)
    return render(request, "agenda/find.html", context, status=400 if form.errors else 200)


def _map_data(found, numbered, commune, radius) -> dict:
    points, seen = [], set()
    for item in found:
        event = item.occurrence.event
        if event.latitude is None or event.pk in seen:
            continue
        seen.add(event.pk)
        points.append({"n": numbered[event.pk], "nom": event.title, "lat": event.latitude, "lon": event.longitude,
                       "url": event.get_absolute_url()})  # fmt: skip
    data = {"lieux": points}
    if commune is not None and commune.latitude is not None:
        data.update(centre=[commune.latitude, commune.longitude], libelle=commune.nom, rayon=radius)
    return data


def event(request, pk: int, slug: str = ""):
    event = get_object_or_404(Event.objects.select_related("place", "structure", "programme"), pk=pk)
    if not can(request.user, VIEW, event):
        raise Http404(_("Cet événement n’existe pas ou n’est pas public."))
    if request.path != event.get_absolute_url():
        return redirect(event.get_absolute_url(), permanent=True)
    dates = list(finding.upcoming(request.user, events=Event.objects.filter(pk=event.pk))[:12])
    context = {"event": event, "dates": dates, "schedule": recurrence.describe(event),
               "where": registrations.where(event), "tile_url": settings.ANCRAGE_TILE_URL}  # fmt: skip
    return render(request, "agenda/event.html", context)


def programme(request, slug: str):
    programme = get_object_or_404(Programme, slug=slug)
    dates = finding.upcoming(request.user, events=finding.visible_events(request.user).filter(programme=programme))
    context = {"programme": programme, "days": finding.by_day_and_commune(dates)}
    return render(request, "agenda/programme.html", context)


def _open_occurrence(pk: int) -> Occurrence:
    occurrence = get_object_or_404(Occurrence.objects.select_related("event__place", "event__structure"), pk=pk)
    return occurrence


@require_http_methods(["GET", "POST"])
@throttled("inscription")
def register(request, pk: int):
    occurrence = _open_occurrence(pk)
    if not can(request.user, VIEW, occurrence.event):
        raise Http404(_("Cet événement n’existe pas ou n’est pas public."))
    is_open = registrations.is_open(occurrence)
    form = RegistrationForm(request.POST or None)
    context = {"occurrence": occurrence, "event": occurrence.event, "form": form,
               "where": registrations.where(occurrence.event),
               "retention_days": settings.ANCRAGE_REGISTRATION_RETENTION_DAYS}  # fmt: skip
    if request.method == "POST" and is_open and form.is_valid():
        data = form.cleaned_data
        then = request.POST.get("ensuite", "")  # after « il reste N places »: take them, or wait for all
        seats = int(then) if then.isdigit() and 0 < int(then) < data["seats"] else data["seats"]
        try:
            registration = registrations.register(occurrence.pk, name=data["name"], email=data["email"],
                                                  phone=data["phone"], seats=seats,
                                                  waitlist=then == "attente")  # fmt: skip
        except registrations.Closed:
            is_open = False
        except registrations.TooMany as error:
            occurrence.refresh_from_db()
            context.update(too_many=error, status=409)
        except registrations.AlreadyRegistered as error:
            registrations.resend_confirmation(error.registration)
            context.update(already=error.registration, status=409)
        else:
            request.session["agenda_registration"] = registration.pk
            return redirect("agenda:registered", registration.pk)
    context["is_open"] = is_open
    status = context.pop("status", 400 if form.errors else 200)
    return render(request, "agenda/register.html", context, status=status)


@quiet_403
def registered(request, pk: int):
    """The page after registering: only for the browser that registered (the session remembers it)."""
    if request.session.get("agenda_registration") != pk:
        raise PermissionDenied
    registration = get_object_or_404(Registration.objects.select_related("occurrence__event__place"), pk=pk)
    return render(request, "agenda/registered.html", registrations.context(registration))


@require_http_methods(["GET", "POST"])
@throttled("desinscription")
def cancel(request, token: str):
    """The e-mailed link: a GET shows the registration and a button; only the POST cancels (mail scanners). A link
    that has already served says what became of the registration."""
    try:
        registration = registrations.read_cancel_token(token, consume=request.method == "POST")
    except UsedLink:
        registration = registrations.registration_of_used_token(token)
        if registration is None:
            return render(request, "agenda/cancel.html", {"error": _("Cette inscription n’existe plus.")}, status=404)
        return render(request, "agenda/cancel.html", {**registrations.context(registration), "used": True})
    except (LinkError, Registration.DoesNotExist) as error:
        message = str(error) if isinstance(error, LinkError) else _("Cette inscription n’existe plus.")
        return render(request, "agenda/cancel.html", {"error": message}, status=400)
    if request.method == "POST":
        seats = request.POST.get("places", "")
        registrations.cancel(registration.pk, seats=int(seats) if seats.isdigit() else None)
        registration.refresh_from_db()
        return render(request, "agenda/cancel.html", {**registrations.context(registration), "done": True})
    context = {**registrations.context(registration), "action": reverse("agenda:cancel", args=[token]),
               "seat_choices": range(1, registration.seats + 1)}  # fmt: skip
    return render(request, "agenda/cancel.html", context)
