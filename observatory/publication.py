"""What the observatory's pages and CSV files show, assembled from the domain (tables and charts by section)."""

import csv
from collections import defaultdict
from datetime import timedelta
from pathlib import Path

from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from directory.needs import NEEDS
from observatory import charts, signals, tables
from observatory.domain import analysis, indicators
from observatory.domain import supply as supply_domain
from territory.models import Commune

CONTEXT_FILE = Path(__file__).resolve().parent / "data" / "context-communes.csv"


def indicator_sections(current, indicator) -> list[dict]:
    sections = []
    for dim_key, rows in current.breakdowns[indicator.key].items():
        title = {
            "commune": _("Par commune"),
            "age": _("Par âge"),
            "sexe": _("Par sexe"),
            "qpv": _("Quartiers prioritaires : habitants (déclaré) et autres"),
            "commune_qpv": _("Communes avec un quartier prioritaire et autres communes"),
        }[dim_key]
        sections.append(
            {
                "key": dim_key,
                "title": title,
                "chart": charts.bars(
                    rows,
                    title=f"{indicator.label} — {str(title).lower()}",
                    reference=indicator.reference_share,
                    chart_id=f"g-{dim_key}",
                ),
                "table": tables.estimate_table(rows),
            }
        )
    return sections


def indicator_extras(current, indicator) -> dict:
    by_commune = dict(current.breakdowns[indicator.key]["commune"])
    positions = {c.code_insee: c for c in Commune.objects.filter(pk__in=[code for code, _ in current.communes])}
    points = [
        (
            name,
            positions[code].latitude,
            positions[code].longitude,
            None if by_commune[name].suppressed else by_commune[name].share,
        )
        for code, name in current.communes
        if code in positions
    ]
    standardised = current.standardised(indicator.key)
    return {
        "map": charts.commune_map(
            points,
            title=gettext("%(indicator)s — carte des communes") % {"indicator": indicator.label},
            chart_id="carte",
        ),
        "standardised": tables.standardised_table(standardised),
    }


def supply_table(rows, need) -> tuple[list[str], list[list[str]]]:
    headers = [
        _("Commune"),
        _("Population"),
        _("QPV"),
        _("Lieux"),
        _("Lieux pour 10 000 hab."),
        _("Lieu le plus proche (km)"),
        _("Zone blanche"),
        _("Heures d’ouverture par semaine pour 10 000 hab."),
        _("Lieux aux horaires inconnus (non comptés)"),
    ]
    body = []
    for r in rows:
        nearest = r.nearest_km.get(need.slug)
        body.append(
            [
                r.name,
                str(r.population),
                _("oui") if r.has_qpv else _("non"),
                str(r.places.get(need.slug, 0)),
                f"{r.per_10k(need.slug):.1f}".replace(".", ","),
                _("aucun") if nearest is None else f"{nearest:.1f}".replace(".", ","),
                _("oui") if r.gap(need.slug) else _("non"),
                f"{r.hours_per_10k:.1f}".replace(".", ","),
                str(r.without_hours),
            ]
        )
    return headers, body


def context_table(rows) -> tuple[list[str], list[list[str]]]:
    names = {r.code: r.name for r in rows}
    headers = [
        _("Commune"),
        _("Indice de fragilité numérique 2023 (0–10)"),
        _("Structures Aidants Connect (2024)"),
        _("Démarches Aidants Connect"),
        _("Accompagnements des conseillers numériques 2023 (code postal)"),
    ]
    with open(CONTEXT_FILE, encoding="utf-8") as handle:
        body = [
            [
                names.get(r["code_insee"], r["code_insee"]),
                r["ifn_total"].replace(".", ","),
                r["aidants_connect_structures"],
                r["aidants_connect_demarches"],
                r["conseillers_numeriques_accompagnements_code_postal"],
            ]
            for r in csv.DictReader(handle)
        ]
    return headers, sorted(body)


def network_table(year: int) -> tuple[list[str], list[list[str]]]:
    """The network's year, added up over every structure (`network.domain.activity`: the agenda's dates held,
    registrations and attendance, practice sheets, listed profiles): counts only."""
    from accounts.models import Structure
    from network.domain import activity

    names, totals = activity.labels(), defaultdict(int)
    for structure in Structure.objects.all():
        for key, value in activity.summary(structure, year).items():
            totals[key] += value or 0
    return [_("Activité"), gettext("Total %(year)s") % {"year": year}], [
        [names.get(key, key), str(totals[key])] for key in names
    ]


def signal_groups(since) -> list[dict]:
    needs = {n.slug: n.label for n in NEEDS}
    groups = []
    for provider in signals.providers():
        totals: dict[tuple[str, str], int] = defaultdict(int)
        codes = set()
        for signal in provider.read(since):
            totals[(signal.need, signal.code_insee)] += signal.count
            codes.add(signal.code_insee)
        names = dict(Commune.objects.filter(pk__in=codes).values_list("code_insee", "nom"))
        rows = sorted(
            (
                [
                    needs.get(need) or (gettext(need) if need else need),
                    names.get(code, code or _("commune inconnue")),
                    str(n),
                ]
                for (need, code), n in totals.items()
            ),
            key=lambda r: -int(r[2]),
        )
        groups.append(
            {"label": provider.label, "key": provider.key, "table": ([_("Besoin"), _("Commune"), _("Nombre")], rows)}
        )
    return groups


def report_table(current, code: str):
    if not code:
        return tables.report_table([(i.label, e) for i, e in current.territory])
    name = dict(current.communes)[code]
    rows = [(i.label, dict(current.breakdowns[i.key]["commune"])[name]) for i in indicators.INDICATORS]
    return tables.report_table(rows)


def _with_source(table, demo: bool):
    headers, rows = table
    label = _("données de démonstration") if demo else _("enquête")
    return [*headers, _("Données")], [[*row, label] for row in rows]


def csv_table(name: str, request):
    if name == "indicateurs":
        current = analysis.current()
        return _with_source(tables.estimate_table([(i.label, e) for i, e in current.territory]), current.demo)
    indicator = indicators.BY_SLUG.get(name) or indicators.BY_KEY.get(name)
    if indicator is not None:
        current = analysis.current()
        headers, body = [_("Découpage"), *tables.ESTIMATE_HEADERS], []
        for section in indicator_sections(current, indicator):
            body += [[section["title"], *row] for row in section["table"][1]]
        return _with_source((headers, body), current.demo)
    if name == "offre":
        slug = request.GET.get("besoin", NEEDS[0].slug)
        need = next((n for n in NEEDS if n.slug == slug), NEEDS[0])
        return supply_table(supply_domain.supply(), need)
    if name == "signaux":
        rows = []
        for group in signal_groups(timezone.localdate() - timedelta(weeks=12)):
            rows += [[group["label"], *row] for row in group["table"][1]]
        return [_("Source"), _("Besoin"), _("Commune"), _("Nombre")], rows
    return None
