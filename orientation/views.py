"""/orienter/: a professional's situation sheets, the sheet form, its risks and services, the printable fiche.
Thin views: the form parses, `orientation.domain` decides, `accounts.permissions.can` allows."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.permissions import DELETE, EDIT, ORIENT, VIEW, can
from directory import presentation
from directory.domain import hours, temporary
from directory.models import Service
from orientation import links
from orientation.domain import matching, risks, sheets
from orientation.forms import SituationForm
from orientation.models import Situation

COMPLETE = "resultats"


def grouped_week(week) -> list[tuple[str, str]]:
    """The week's days with the same hours said once: [("Lundi – vendredi", "9 h – 12 h"), ("Samedi – dimanche",
    "Fermé")], for a fiche on paper (no « aujourd’hui »: it is read another day)."""
    groups: list[list] = []
    for day in week:
        if groups and groups[-1][2] == day.text:
            groups[-1][1] = day.name
        else:
            groups.append([day.name, day.name, day.text])
    return [(first if first == last else f"{first} – {last.lower()}", text) for first, last, text in groups]


def orienting(view):
    """Logged in, and a professional (or the coordination)."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not can(request.user, ORIENT):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def _sheet(request, pk: int, action: str = VIEW) -> Situation:
    """The sheet, if it is the user's: another's is « not found », whoever asks."""
    situation = get_object_or_404(Situation.objects.select_related("commune"), pk=pk)
    if not can(request.user, action, situation):
        raise Http404
    return situation


@require_GET
@orienting
def sheet_list(request):
    situations = Situation.objects.filter(author=request.user).select_related("commune")
    context = {"situations": situations, "retention_days": settings.ANCRAGE_SITUATION_RETENTION_DAYS}
    return render(request, "orientation/list.html", context)


def _form_page(request, situation: Situation | None):
    complete = request.POST.get("action") == COMPLETE
    form = SituationForm(request.POST or None, instance=situation, complete=complete)
    if request.method == "POST" and form.is_valid():
        situation = sheets.save(form, request.user, complete=complete)
        if complete:
            return redirect("orientation:results", pk=situation.pk)
        messages.success(request, _("Brouillon enregistré."))
        return redirect("orientation:edit", pk=situation.pk)
    status = 400 if form.errors else 200
    return render(request, "orientation/form.html", {"form": form, "situation": situation}, status=status)


@require_http_methods(["GET", "POST"])
@orienting
def sheet_new(request):
    return _form_page(request, None)


@require_http_methods(["GET", "POST"])
@orienting
def sheet_edit(request, pk: int):
    return _form_page(request, _sheet(request, pk, EDIT))


@require_POST
@orienting
def sheet_delete(request, pk: int):
    sheets.delete(_sheet(request, pk, DELETE), request.user)
    messages.success(request, _("Fiche supprimée."))
    return redirect("orientation:list")


@require_GET
@orienting
def sheet_results(request, pk: int):
    situation = _sheet(request, pk)
    found = matching.match(situation)
    rows = [(p, links.referral_url(p.service, situation)) for p in found.proposals]
    rights_url = reverse("rights:questionnaire") + (f"?commune={situation.commune_id}" if situation.commune_id else "")
    context = {"situation": situation, "matching": found, "rows": rows, "rights_url": rights_url}
    return render(request, "orientation/results.html", context)


@require_GET
@orienting
def sheet_fiche(request, pk: int, service_pk: int):
    situation = _sheet(request, pk)
    service = get_object_or_404(Service.objects.select_related("place"), pk=service_pk, place__est_publie=True)
    place = service.place
    dated = temporary.for_places([place.pk])[place.pk]
    procedure = risks.procedure_of(situation)
    own_hours = service.horaires_accueil.strip()
    context = {
        "situation": situation,
        "service": service,
        "place": place,
        "facts": presentation.place_facts(place, [service]),
        "week": grouped_week(temporary.week_table(place, dated, service=service if own_hours else None)),
        "hours_text": hours.readable_text(own_hours or place.horaires),
        "hours_notes": hours.exceptions(own_hours or place.horaires, code_insee=place.code_insee),
        "procedure": procedure,
        "procedure_label": situation.get_procedure_display(),
        "place_url": request.build_absolute_uri(place.get_absolute_url()),
        "map_data": presentation.place_map_data(place),
        "tile_url": settings.ANCRAGE_TILE_URL,
        "tile_attribution": settings.ANCRAGE_TILE_ATTRIBUTION,
        "today": timezone.localdate(),
    }
    return render(request, "orientation/fiche.html", context)
