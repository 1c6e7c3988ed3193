"""Public pages of the directory: search, results, place page, printable sheet, error report."""

import hashlib
import zlib
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_GET, require_http_methods

from core import mail
from core.throttle import throttled
from directory import presentation, sections
from directory.domain import explain, gaps, hours, notices, quality, shared, temporary, writes
from directory.domain.search import needs_with_places, search
from directory.forms import ErrorReportForm, SearchForm, count_for
from directory.models import Place
from territory.models import Commune
from territory.search import suggest_communes


class _NotRemembered(Exception):
    def __init__(self, response):
        self.response = response


def remembered_page(view):
    """A page that depends only on its address, the data and the minute (opening statuses are to the minute),
    remembered in the shared cache for the minute and until the next write (`directory.domain.shared`).

    Visitors often open the same few pages (the home page, their commune's search, its places): each is
    computed once a minute for every app server together. The key is the whole address (host, path, every
    parameter); only plain HTML pages (200, or 400 for a search to correct) are kept: a redirect is not. A page
    shown to a logged-in person, or carrying a message for this visitor, is theirs: computed, never kept."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.is_authenticated or len(messages.get_messages(request)):  # len() does not consume them
            return view(request, *args, **kwargs)
        address = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
        key = f"0page:{timezone.now():%Y-%m-%dT%H:%M}:{get_language()}:{address}"  # "0…": culled first

        def compute():
            response = view(request, *args, **kwargs)
            if response.status_code not in (200, 400) or response.streaming or response.has_header("Location"):
                raise _NotRemembered(response)
            return response.status_code, zlib.compress(response.content)

        try:
            status, body = shared.remembered(key, compute, timeout=90)
        except _NotRemembered as not_remembered:
            return not_remembered.response
        return HttpResponse(zlib.decompress(body), status=status)

    return wrapper


def _home_communes():
    return Commune.objects.filter(epci_id=settings.ANCRAGE_HOME_EPCI).order_by("-population")[:8]


@require_GET
@remembered_page
def home(request):
    form = SearchForm(needs_available=needs_with_places())
    context = {"form": form, "communes": _home_communes(), "help_line": explain.help_line()}
    return render(request, "directory/home.html", context)


def _describe(results) -> None:
    for result in results:
        result.facts = presentation.place_facts(result.place, result.services)
        result.stale = quality.is_stale(result.place)


@require_GET
@remembered_page
def results(request):
    form = SearchForm(request.GET, needs_available=needs_with_places())
    if not form.is_valid():
        return render(request, "directory/results.html", {"form": form, "communes": _home_communes()}, status=400)
    criteria = form.criteria()
    page = search(criteria, page=form.cleaned_data.get("page") or 1, page_size=settings.ANCRAGE_PAGE_SIZE)
    fallbacks = None if page.total else explain.fallbacks(criteria, request.GET, count_for)
    if (form.cleaned_data.get("page") or 1) == 1:  # a remembered page is counted once a minute: a reload is not news
        gaps.record(criteria.need.slug if criteria.need else "", criteria.code_insee, page.total)
    _describe(page.results + (fallbacks.nearest + fallbacks.remote if fallbacks else []))
    context = {
        "form": form,
        "criteria": criteria,
        "page": page,
        "why": explain.why(criteria, page),
        "fallbacks": fallbacks,
        "homonyms": explain.homonyms(form.commune, form.cleaned_data.get("ou", "")),
        "map_data": presentation.map_data(page, criteria),
        "back_suffix": f"?{query}" if (query := presentation.search_query(request.GET)) else "",
        "tile_url": settings.ANCRAGE_TILE_URL,
        "tile_attribution": settings.ANCRAGE_TILE_ATTRIBUTION,
    }
    return render(request, "directory/results.html", context)


@require_GET
def commune_suggestions(request):
    """Suggestions for the « Où ? » field (progressive enhancement)."""
    found = suggest_communes(request.GET.get("q", ""), limit=8)
    return JsonResponse({"communes": [{"label": c.label, "code_insee": c.code_insee} for c in found]})


class _Absorbed(Exception):
    """The place was absorbed by a merge: its links lead, permanently, to the place that absorbed it."""

    def __init__(self, place: Place):
        self.place = place


def _published_place(pk: int) -> Place:
    place = Place.objects.published().filter(pk=pk).first()
    if place is None:
        target = writes.alias_target(pk)
        if target is None:
            raise Http404(gettext("Lieu introuvable"))
        raise _Absorbed(target)
    return place


def follows_merges(view):
    """Place pages answer a merged place's old number with a 301 (308 for a form sent) to the same page of the place
    that absorbed it."""

    @wraps(view)
    def wrapper(request, pk: int, **kwargs):
        try:
            return view(request, pk, **kwargs)
        except _Absorbed as absorbed:
            name = request.resolver_match.url_name
            if name in ("place", "place-short"):
                return redirect(absorbed.place.get_absolute_url(), permanent=True)
            response = redirect(reverse(f"directory:{name}", kwargs={"pk": absorbed.place.pk}), permanent=True)
            if request.method == "POST":
                response.status_code = 308  # a 301 turns the POST into a GET: the report the person typed is lost
            return response

    return wrapper


def _place_context(place: Place) -> dict:
    services = list(place.services.all())
    dated = temporary.for_places([place.pk])[place.pk]
    return {
        "place": place,
        "services": services,
        "service_details": presentation.service_details(place, services, dated),
        "notices": notices.notices(place, dated),
        "status": temporary.status(place, dated),
        "week": temporary.week_table(place, dated),
        "hours_notes": hours.exceptions(place.horaires, code_insee=place.code_insee),
        "hours_text": hours.readable_text(place.horaires),
        "facts": presentation.place_facts(place, services),
        "stale": quality.is_stale(place),
    }


@require_GET
@remembered_page
@follows_merges
def place_detail(request, pk: int, slug: str = ""):
    place = _published_place(pk)
    canonical = place.get_absolute_url()
    back_query = presentation.search_query(request.GET)
    if request.path != canonical:
        return redirect(f"{canonical}?{back_query}" if back_query else canonical, permanent=True)
    context = _place_context(place)
    context.update(
        back_query=back_query,
        share_url=request.build_absolute_uri(canonical),
        map_data=presentation.place_map_data(place),
        tile_url=settings.ANCRAGE_TILE_URL,
        tile_attribution=settings.ANCRAGE_TILE_ATTRIBUTION,
        sections=sections.for_place(request, place),
    )
    return render(request, "directory/place.html", context)


@require_GET
@follows_merges
def place_sheet(request, pk: int):
    place = _published_place(pk)
    context = _place_context(place)
    context["share_url"] = request.build_absolute_uri(place.get_absolute_url())
    return render(request, "directory/place_sheet.html", context)


@require_http_methods(["GET", "POST"])
@follows_merges
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
@follows_merges
def report_thanks(request, pk: int):
    return render(request, "directory/report_thanks.html", {"place": _published_place(pk)})
