"""The public observatory: dashboards, an indicator's breakdowns, supply and gaps, demand signals, methodology, the
printable report, and a CSV for every table. Every chart is followed by its table."""

import csv
from datetime import timedelta

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from django.views.decorators.http import require_GET

from directory.needs import NEEDS
from observatory import charts, publication, tables
from observatory.domain import analysis, indicators
from observatory.domain import supply as supply_domain
from observatory.survey import questionnaire


@require_GET
def dashboard(request):
    current = analysis.current()
    main = [(i.label, e) for i, e in current.territory if i.group != "accompagnement"]
    support = [(i.short_label or i.label, e) for i, e in current.territory if i.group == "accompagnement"]
    context = {
        "analysis": current,
        "indicators": [i for i, _ in current.territory],
        "main_chart": charts.bars(main, title=_("Indicateurs du territoire"), chart_id="principal"),
        "main_table": tables.estimate_table(main),
        "support_chart": charts.bars(support, title=_("Aide souhaitée, par thème"), chart_id="aide"),
        "support_table": tables.estimate_table(support),
    }
    return render(request, "observatory/dashboard.html", context)


@require_GET
def indicator(request, slug: str):
    chosen = indicators.BY_SLUG.get(slug)
    if chosen is None:
        if slug in indicators.BY_KEY:  # the first, English addresses: moved for good
            return redirect("observatory:indicator", indicators.BY_KEY[slug].slug, permanent=True)
        raise Http404("Indicateur inconnu")
    current = analysis.current()
    sections = publication.indicator_sections(current, chosen)
    context = {
        "analysis": current,
        "indicator": chosen,
        "sections": sections,
        **publication.indicator_extras(current, chosen),
    }
    return render(request, "observatory/indicator.html", context)


def _need(request):
    slug = request.GET.get("besoin", NEEDS[0].slug)
    return next((n for n in NEEDS if n.slug == slug), NEEDS[0])


@require_GET
def supply_page(request):
    need = _need(request)
    rows = supply_domain.supply()
    context = {
        "needs": NEEDS,
        "need": need,
        "table": publication.supply_table(rows, need),
        "qpv": supply_domain.qpv_versus_rest(rows, need.slug),
        "weighted_distance": supply_domain.weighted_distance(rows, need.slug),
        "gap_km": settings.ANCRAGE_OBSERVATORY_GAP_KM,
        "gaps": [r.name for r in rows if r.gap(need.slug)],
        "context_table": publication.context_table(rows),
        "hours_week": supply_domain.reference_week(timezone.localdate()),
        "without_hours": sum(r.without_hours for r in rows),
        "network_year": timezone.localdate().year,
        "network_table": publication.network_table(timezone.localdate().year),
    }
    return render(request, "observatory/supply.html", context)


@require_GET
def signals_page(request):
    since = timezone.localdate() - timedelta(weeks=12)
    return render(request, "observatory/signals.html", {"groups": publication.signal_groups(since), "since": since})


@require_GET
def methodology(request):
    current = analysis.current()
    survey = questionnaire.load()
    shown = questionnaire.translated
    questions = [
        (
            {"label": shown(q.label), "mirrors": shown(q.mirrors)},
            {"name": shown(survey.sources[q.source].name), "url": survey.sources[q.source].url},
        )
        for q in survey.questions
    ]
    context = {
        "analysis": current,
        "questionnaire": survey,
        "questionnaire_title": shown(survey.title),
        "questions": questions,
        "indicators": indicators.INDICATORS,
    }
    return render(request, "observatory/methodology.html", context)


@require_GET
def report(request):
    current = analysis.current()
    code = request.GET.get("commune", "").strip()
    names = dict(current.communes)
    context = {"analysis": current, "communes": current.communes, "today": timezone.localdate()}
    if code and code not in names:  # never another report in its place
        context["unknown"] = code
        return render(request, "observatory/report.html", context, status=404)
    context |= {"commune": names.get(code, ""), "code": code, "table": publication.report_table(current, code)}
    return render(request, "observatory/report.html", context)


@require_GET
def csv_download(request, name: str):
    """The CSV files stay in French whatever the page's language (open data: stable column titles and values)."""
    with override("fr"):
        found = publication.csv_table(name, request)
        if found is None:
            raise Http404("Tableau inconnu")
        headers, rows = found
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="observatoire-{name}.csv"'
        response.write("\ufeff")
        writer = csv.writer(response, delimiter=";")
        writer.writerow([str(h) for h in headers])
        writer.writerows([[str(cell) for cell in row] for row in rows])
    return response
