"""Places as rows of the « lieux de médiation numérique » standard v1.0.2 (32 columns, `|` lists).

Every value is written so that it passes the standard's constraints (see `opendata.validation`):
- `id` is the place's identifier in Ancrage (the one used by the API and the place page);
- `pivot` is the SIRET/RNA, or `00000000000000` (the placeholder used in the national data) when unknown;
- `telephone` is one number in international format (`+330…` loses its 0), left empty otherwise;
- `latitude`/`longitude` are left empty when the position is only the commune's centre (an importer
  then places the lieu there again, flagged approximate);
- `date_maj` is the source's update date, or the day of the last change in Ancrage;
- list values outside the standard's vocabularies are dropped;
- `services` is the union of the place's services' lieux services; a service described only with
  data·inclusion thématiques gets them from `mediation_from_thematiques`.

Places without a full address (street, postal code, commune: required by the standard) are left out.
"""

import re
from collections.abc import Iterable

from django.conf import settings
from django.db.models import QuerySet

from datahub import normalize
from directory.models import Place
from standards import lieux
from standards import mappings as m

from .common import date_of, dated_hours, published_places

COLUMNS = lieux.COLUMNS
PIVOT_PLACEHOLDER = "00000000000000"
PHONE = re.compile(r"^(\+33|\+590|\+594|\+262|\+596|\+269|\+687|\+689|\+508|\+681)(\d){6,9}$")
PIVOT = re.compile(r"^[a-zA-Z0-9]{9,14}$")
CODE_INSEE = re.compile(r"^([013-9]\d|2[AB1-9])\d{3}$")
NUMERIQUE = "numerique--"

_LIST_COLUMNS = {
    "itinerance": lieux.ITINERANCE,
    "publics_specifiquement_adresses": lieux.PUBLICS_SPECIFIQUEMENT_ADRESSES,
    "prise_en_charge_specifique": lieux.PRISE_EN_CHARGE_SPECIFIQUE,
    "frais_a_charge": lieux.FRAIS_A_CHARGE,
    "dispositif_programmes_nationaux": lieux.DISPOSITIF_PROGRAMMES_NATIONAUX,
    "formations_labels": lieux.FORMATIONS_LABELS,
    "modalites_acces": lieux.MODALITES_ACCES,
    "modalites_accompagnement": lieux.MODALITES_ACCOMPAGNEMENT,
}


def exportable_places() -> QuerySet:
    """Published places that have the address the standard requires."""
    return published_places().exclude(adresse="").exclude(commune="").filter(code_postal__regex=r"^[0-9]{5}$")


def mediation_from_thematiques(thematiques: Iterable[str]) -> list[str]:
    """The lieux services of a service known only by data·inclusion thématiques.

    The inverse of `standards.mappings.SERVICE_THEMATIQUES` (lieux service → thématiques):
    - a service with no `numerique--*` thématique is not digital mediation: no lieux service;
    - otherwise, for each of its thématiques, among the lieux services mapped to that thématique,
      keep those sharing the most thématiques with the service, then, among those, the ones whose
      thématiques are all present (the most specific). Ties are all kept.
    For example `numerique--acceder-a-une-connexion-internet` alone gives « Accès internet et matériel
    informatique », and « Aide aux démarches administratives » gives its two thématiques and back.
    """
    present = set(thematiques)
    if not any(t.startswith(NUMERIQUE) for t in present):
        return []
    chosen: set[str] = set()
    for thematique in present:
        candidates = [s for s, mapped in m.SERVICE_THEMATIQUES.items() if thematique in mapped]
        if not candidates:
            continue
        best = max(len(present & set(m.SERVICE_THEMATIQUES[s])) for s in candidates)
        candidates = [s for s in candidates if len(present & set(m.SERVICE_THEMATIQUES[s])) == best]
        covered = [s for s in candidates if set(m.SERVICE_THEMATIQUES[s]) <= present]
        chosen.update(covered or candidates)
    return [s for s in lieux.SERVICES.values if s in chosen]


def place_mediation(place: Place) -> list[str]:
    """Union of the lieux services of the place's services (prefetched), in the standard's order."""
    found: set[str] = set()
    for service in place.services.all():
        found.update(service.mediation or mediation_from_thematiques(service.thematiques))
    return [s for s in lieux.SERVICES.values if s in found]


def telephone(value: str) -> str:
    """One number as the standard wants it (+33…), or "" when it cannot be written so.

    "+33 0…" (the national 0 kept after the country code, seen in real data) loses its 0.
    """
    value = re.sub(r"^\+330(?=\d{9}$)", "+33", value or "")
    if PHONE.match(value):
        return value
    cleaned = normalize.phone(value)
    return cleaned if PHONE.match(cleaned) else ""


def _join(values: Iterable[str]) -> str:
    return lieux.SEPARATOR.join(v for v in values if v and lieux.SEPARATOR not in v)


def _listed(column: str, values: list[str]) -> str:
    vocabulary = _LIST_COLUMNS[column]
    return _join(v for v in values if v in vocabulary)


def row(place: Place) -> dict:
    """The place as one lieux record: column → text (`latitude`/`longitude`: float or None)."""
    approximate = place.position_approximative or not place.has_position
    pivot = place.pivot if PIVOT.match(place.pivot or "") else PIVOT_PLACEHOLDER
    record = {
        "id": str(place.pk),
        "pivot": pivot,
        "nom": place.nom,
        "commune": place.commune,
        "code_postal": place.code_postal,
        "code_insee": place.code_insee if CODE_INSEE.match(place.code_insee or "") else "",
        "adresse": place.adresse,
        "complement_adresse": place.complement_adresse,
        "latitude": None if approximate else round(place.latitude, 7),
        "longitude": None if approximate else round(place.longitude, 7),
        "typologie": _join(place.typologie),
        "telephone": telephone(place.telephone),
        "courriels": _join(place.courriels),
        "site_web": _join(place.site_web),
        "horaires": dated_hours(place),
        "presentation_resume": place.presentation_resume[:280],
        "presentation_detail": place.presentation_detail,
        "source": place.source or settings.ANCRAGE_SITE_NAME,
        "structure_parente": place.structure_parente,
        "date_maj": date_of(place).isoformat(),
        "services": _join(place_mediation(place)),
        "autres_formations_labels": place.autres_formations_labels,
        "fiche_acces_libre": place.fiche_acces_libre,
        "prise_rdv": place.prise_rdv,
    }
    for column in _LIST_COLUMNS:
        record[column] = _listed(column, getattr(place, column))
    return {column: record[column] for column in COLUMNS}


def csv_values(record: dict) -> list[str]:
    return ["" if record[c] is None else str(record[c]) for c in COLUMNS]
