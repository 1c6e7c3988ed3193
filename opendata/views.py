"""The « Données ouvertes » page and the streamed downloads."""

from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from opendata import catalog
from opendata.exports.common import buffered, data_date


@require_safe
def index(request):
    today = timezone.localdate()
    downloads = [{"item": d, "count": d.counted(d.count()), "filename": d.filename(today)} for d in catalog.DOWNLOADS]
    context = {
        "downloads": downloads,
        "data_date": data_date(),
        "licence_name": catalog.LICENCE_NAME,
        "licence_url": catalog.LICENCE_URL,
        "lieux_schema_url": catalog.LIEUX_SCHEMA_URL,
        "dataincl_schema_url": catalog.DATAINCLUSION_SCHEMA_URL,
        "today": today,
    }
    return render(request, "opendata/index.html", context)


@require_safe
def download(request, slug: str):
    item = catalog.BY_SLUG.get(slug)
    if item is None:
        raise Http404(gettext("Fichier inconnu"))
    if request.method == "HEAD":  # headers only: do not build the whole file
        response = HttpResponse(content_type=item.media_type)
    else:
        content = buffered(item.content(request.build_absolute_uri("/")))
        response = StreamingHttpResponse(content, content_type=item.media_type)
    response["Content-Disposition"] = f'attachment; filename="{item.filename(timezone.localdate())}"'
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=3600"
    return response
