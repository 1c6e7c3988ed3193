"""Requests as open data, read at request time (real time): no e-mail, no name, no photo, no internal note.
Descriptions are kept (public on the site); an author's first name never leaves the site."""

import json
from collections.abc import Iterator

from django.urls import reverse
from django.utils import translation

from participation.domain import queries

COLUMNS = [
    "id",
    "categorie",
    "code_categorie",
    "etat",
    "statut_open311",
    "motif_cloture",
    "commune",
    "code_insee",
    "quartier",
    "adresse",
    "latitude",
    "longitude",
    "description",
    "soutiens",
    "date_reception",
    "date_prevue",
    "date_cloture",
    "fusionnee_dans",
    "url",
]


def rows():
    return queries.public().order_by("pk").iterator(chunk_size=500)


def rows_count(located: bool = False) -> int:
    rows = queries.public()
    return (rows.filter(latitude__isnull=False, longitude__isnull=False) if located else rows).count()


def row(r, base_url: str) -> dict:
    with translation.override("fr"):  # open data keeps the French labels, whatever the page's language
        return _row(r, base_url)


def _row(r, base_url: str) -> dict:
    return {
        "id": r.pk,
        "categorie": r.category.name,
        "code_categorie": r.category.code,
        "etat": r.get_status_display(),
        "statut_open311": "open" if r.is_open else "closed",
        "motif_cloture": r.get_close_reason_display(),
        "commune": r.commune.nom,
        "code_insee": r.commune_id,
        "quartier": r.neighbourhood,
        "adresse": r.address,
        "latitude": r.latitude,
        "longitude": r.longitude,
        "description": r.description,
        "soutiens": r.support_count,
        "date_reception": r.received_at.isoformat() if r.received_at else "",
        "date_prevue": r.planned_for.isoformat() if r.planned_for else "",
        "date_cloture": r.closed_at.isoformat() if r.closed_at else "",
        "fusionnee_dans": r.merged_into_id or "",
        "url": base_url.rstrip("/") + reverse("participation:detail", args=[r.pk]),
    }


def geojson(base_url: str) -> Iterator[str]:
    yield '{"type":"FeatureCollection","features":['
    first = True
    for r in rows():
        if r.latitude is None or r.longitude is None:
            continue
        properties = {k: v for k, v in row(r, base_url).items() if k not in ("latitude", "longitude")}
        feature = {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [r.longitude, r.latitude]},
            "properties": properties,
        }
        yield ("" if first else ",") + json.dumps(feature, ensure_ascii=False)
        first = False
    yield "]}\n"
