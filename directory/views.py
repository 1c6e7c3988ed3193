"""Public pages of the directory: search, results, place page, printable sheet, error report."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from core import mail
from core.throttle import throttled
from directory import presentation
from directory.domain import explain, hours, quality
from directory.domain.search import search
from directory.forms import ErrorReportForm, SearchForm
from directory.models import Place
from territory.models import Commune
from territory.search import suggest_communes


def _home_communes():
    return Commune.objects.filter(epci_id=settings.ANCRAGE_HOME_EPCI).order_by("-population")[:8]


@require_GET
def home(request):
    return render(request, "directory/home.html", {"form": SearchForm(), "communes": _home_communes()})


@require_GET
def results(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        return render(request, "directory/results.html", {"form": form, "communes": _home_communes()}, status=400)
    criteria = form.criteria()
    page = search(criteria, page=form.cleaned_data.get("page") or 1, page_size=settings.ANCRAGE_PAGE_SIZE)
    for result in page.results:
        result.facts = presentation.place_facts(result.place, result.services)
        result.stale = quality.is_stale(result.place)
    context = {
        "form": form,
        "criteria": criteria,
        "page": page,
        "why": explain.why(criteria),
        "widen": explain.widenings(criteria, request.GET) if not page.total else [],
        "homonyms": explain.homonyms(form.commune, form.cleaned_data.get("ou", "")),
        "map_data": presentation.map_data(page, criteria),
        "tile_url": settings.ANCRAGE_TILE_URL,
        "tile_attribution": settings.ANCRAGE_TILE_ATTRIBUTION,
    }
    return render(request, "directory/results.html", context)


@require_GET
def commune_suggestions(request):
    """Suggestions for the « Où ? » field (progressive enhancement)."""
    found = suggest_communes(request.GET.get("q", ""), limit=8)
    return JsonResponse({"communes": [{"label": c.label, "code_insee": c.code_insee} for c in found]})


def _published_place(pk: int) -> Place:
    return get_object_or_404(Place.objects.published(), pk=pk)


def _place_context(place: Place) -> dict:
    return {
        "place": place,
        "services": list(place.services.all()),
        "status": hours.status(place.horaires),
        "week": hours.week_table(place.horaires),
        "hours_notes": hours.exceptions(place.horaires),
        "facts": presentation.place_facts(place),
        "stale": quality.is_stale(place),
    }


@require_GET
def place_detail(request, pk: int, slug: str = ""):
    place = _published_place(pk)
    canonical = place.get_absolute_url()
    if request.path != canonical:
        return redirect(canonical, permanent=True)
    context = _place_context(place)
    context.update(
        share_url=request.build_absolute_uri(canonical),
        map_data=presentation.place_map_data(place),
        tile_url=settings.ANCRAGE_TILE_URL,
        tile_attribution=settings.ANCRAGE_TILE_ATTRIBUTION,
    )
    return render(request, "directory/place.html", context)


@require_GET
def place_sheet(request, pk: int):
    place = _published_place(pk)
    context = _place_context(place)
    context["share_url"] = request.build_absolute_uri(place.get_absolute_url())
    return render(request, "directory/place_sheet.html", context)


@require_http_methods(["GET", "POST"])
@throttled("signalement")
def report_error(request, pk: int):
    place = _published_place(pk)
    form = ErrorReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report = form.save(commit=False)
        report.place = place
        report.save()
        if report.email:
            mail.send("signalement_recu", [report.email], {"place": place})
        return redirect(reverse("directory:report-thanks", kwargs={"pk": place.pk}))
    return render(request, "directory/report.html", {"place": place, "form": form}, status=400 if form.errors else 200)


@require_GET
def report_thanks(request, pk: int):
    return render(request, "directory/report_thanks.html", {"place": _published_place(pk)})


@require_GET
def accessibility(request):
    return render(request, "directory/accessibility.html")
