"""The public read API, version 1: places, services and search, in JSON."""

from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from api import openapi, params, reference, serializers
from api.http import api_view, errors, json_response, not_found
from directory.domain.search import search
from directory.domain.writes import alias_target
from directory.forms import SearchForm
from directory.models import Service
from opendata.exports.common import published_places, published_services

_MEDIATION_ONLY = ("pk", "place_id", "mediation", "thematiques")
MAX_ID = 2**63 - 1  # beyond a database integer: unknown, not an error


def _base_url(request) -> str:
    return request.build_absolute_uri("/")


def _with_mediation(places):
    return places.prefetch_related(Prefetch("services", queryset=Service.objects.only(*_MEDIATION_ONLY)))


def _listing(request, form, queryset, serialize):
    refused = params.strict_errors(request.GET, type(form))
    if not form.is_valid() or refused:
        return errors({**params.form_errors(form), **refused})
    queryset = form.filter(queryset)
    window = params.Window(queryset.count(), form.page_number, form.page_size)
    if not window.exists:
        return errors(params.missing_page(window), status=404)
    start, end = window.bounds
    base_url = _base_url(request)
    results = [serialize(obj, base_url) for obj in queryset[start:end]]
    return json_response({**params.page_links(request, window), "results": results})


@api_view
def places(request):
    queryset = _with_mediation(published_places().order_by("pk"))
    return _listing(request, params.AreaForm(request.GET), queryset, serializers.place)


@api_view
def place(request, pk: int):
    if pk > MAX_ID:
        raise Http404
    found = _with_mediation(published_places()).filter(pk=pk).first()
    if found is None:
        absorbed_by = alias_target(pk)  # merged into another place: its link still leads somewhere
        if absorbed_by is None:
            raise Http404
        return HttpResponsePermanentRedirect(reverse("api:place", kwargs={"pk": absorbed_by.pk}))
    return json_response(serializers.place(found, _base_url(request)))


@api_view
def services(request):
    queryset = published_services().select_related("place").order_by("pk")
    return _listing(request, params.ServiceListForm(request.GET), queryset, serializers.service)


@api_view
def service(request, pk: int):
    if pk > MAX_ID:
        raise Http404
    found = get_object_or_404(published_services().select_related("place"), pk=pk)
    return json_response(serializers.service(found, _base_url(request)))


@api_view
def recherche(request):
    """Same parameters and rules as the site's search (`directory.forms.SearchForm`), plus `taille`."""
    form, paging = SearchForm(request.GET), params.PageForm(request.GET)
    refused = {**params.strict_errors(request.GET, SearchForm), **params.strict_errors(request.GET, params.PageForm)}
    if not (form.is_valid() & paging.is_valid()) or refused:
        found = {**params.form_errors(form), **params.form_errors(paging), **refused}
        return errors(found, status=404 if _unknown_place(form, found) else 400)
    criteria = form.criteria()
    found = search(criteria, page=paging.page_number, page_size=paging.page_size)
    window = params.Window(found.total, paging.page_number, paging.page_size)
    if found.total and not window.exists:
        return errors(params.missing_page(window), status=404)
    base_url = _base_url(request)
    prefetch_related_objects(
        [r.place for r in found.results], Prefetch("services", queryset=Service.objects.only(*_MEDIATION_ONLY))
    )
    return json_response(
        {
            **params.page_links(request, window),
            "recherche": {
                "lieu": criteria.place_label or None,
                "code_insee": criteria.code_insee or None,
                "latitude": criteria.latitude,
                "longitude": criteria.longitude,
                "rayon_km": criteria.radius_km,
            },
            "results": [serializers.result(r, base_url) for r in found.results],
        }
    )


def _unknown_place(form: SearchForm, found: dict) -> bool:
    """The only fault is a commune that does not exist: « not found », as an unknown id (the request is
    well formed, as the document says; no schema can list every commune)."""
    ou = form.data.get("ou", "").strip()
    return list(found) == ["ou"] and found["ou"] == [form.error_messages["unknown_place"] % {"ou": ou}]


@api_view
def openapi_document(request):
    return json_response(openapi.document(_base_url(request)))


@api_view
def unknown(request, rest: str = ""):
    return not_found()


@require_safe
def docs(request):
    context = {
        "doc": reference.for_docs(openapi.document(_base_url(request))),
        "search_example": f"{reverse('api:recherche')}?ou=Massy&besoin=demarches&rayon=5",
        "places_example": f"{reverse('api:places')}?departement=91&taille=50",
    }
    return render(request, "api/docs.html", context)
