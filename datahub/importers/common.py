"""Steps every importer shares: locating a place, cleaning contacts and hours."""

import re
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext

from datahub import normalize
from directory.domain import hours
from standards.parsing import split_cell
from territory import overseas

_PIVOT = re.compile(r"^[a-zA-Z0-9]{9,14}$")


def text(row: dict, *names: str) -> str:
    """The first non-empty value among column `names`, as stripped text."""
    for name in names:
        value = row.get(name)
        if value not in (None, "", []):
            return str(value).strip()
    return ""


def pivot(raw: str) -> str:
    value = re.sub(r"\s", "", raw or "")
    if not _PIVOT.match(value) or set(value) == {"0"}:
        return ""
    return value


# A position farther than this from its commune's town hall is another place's (a dropped digit,
# another city's coordinates). Large communes get more room.
_PLAUSIBLE_KM = 30
_PLAUSIBLE_KM_BY_DEPARTEMENT = {"973": 150, "987": 400, "988": 80}


# The referential lists only the main postal code of the Pacific and Saint-Pierre-et-Miquelon communes.
_FEW_POSTAL_CODES = set(overseas.PHONE_PLANS)


def plausible_km(commune) -> float:
    """How far from its town hall a place of `commune` may be (more when the town hall is estimated)."""
    default = _PLAUSIBLE_KM * (2 if commune.population > 200_000 else 1)
    return _PLAUSIBLE_KM_BY_DEPARTEMENT.get(commune.departement, default) + 20 * commune.position_approximative


def locate(adresse: str, code_postal: str, commune: str, code_insee: str, lat, lon, warnings: list) -> dict:
    """Address fields of a place, with its commune resolved in the referential.

    A place without coordinates, or whose coordinates are far from its commune, is put at its
    commune's centre, flagged approximate.
    """
    position = normalize.coordinates(lat, lon)
    if position is None and (lat not in (None, "") or lon not in (None, "")):
        warnings.append(
            gettext("Coordonnées invalides ou hors de France ignorées : %(lat)s, %(lon)s") % {"lat": lat, "lon": lon}
        )
    territory = overseas.territory_of(*position) if position else None
    resolved = normalize.resolve_commune(commune, code_postal, code_insee, territory)
    found = resolved.commune
    if found is None and (commune or code_postal or code_insee):
        warnings.append(
            gettext("Commune introuvable dans le référentiel : « %(commune)s » (%(code)s)")
            % {"commune": commune, "code": code_postal or code_insee}
        )
    if resolved.note:
        warnings.append(resolved.note)
    centre = normalize.coordinates(found.latitude, found.longitude) if found is not None else None
    if position and centre:
        far = overseas.distance_km(*position, *centre)
        if far > plausible_km(found):
            warnings.append(
                gettext(
                    "Position à %(km).0f km de la mairie de %(commune)s : invraisemblable, ignorée "
                    "(lieu placé au centre de la commune, à vérifier)"
                )
                % {"km": far, "commune": found.nom}
            )
            position = None
    approximate = False
    if position is None and centre is not None:
        position, approximate = centre, True
    postal = (code_postal or "").strip()
    if postal.isdigit() and len(postal) < 5:
        postal = postal.zfill(5)
    if len(postal) != 5 or not postal.isdigit():
        if postal:
            warnings.append(gettext("Code postal invalide ignoré : « %(code)s »") % {"code": code_postal})
        postal = found.code_postal_principal if found else ""
    elif found is not None and found.departement not in _FEW_POSTAL_CODES and f"|{postal}|" not in found.codes_postaux:
        codes = ", ".join(filter(None, found.codes_postaux.split("|")))
        warnings.append(
            gettext("Code postal %(code)s qui n’est pas celui de %(commune)s (%(codes)s) : à vérifier")
            % {"code": postal, "commune": found.nom, "codes": codes}
        )
    return {
        "adresse": normalize.display_name(adresse),
        "code_postal": postal,
        "commune": resolved.nom if found else normalize.display_name(commune),
        "code_insee": resolved.code_insee if found else "",
        "latitude": position[0] if position else None,
        "longitude": position[1] if position else None,
        "position_approximative": approximate,
    }


def contacts(telephone: str, emails, websites, warnings: list, code_insee: str = "") -> dict:
    phone = normalize.phone(telephone, overseas.departement_of(code_insee))
    if telephone and not phone:
        warnings.append(gettext("Téléphone illisible ignoré : « %(value)s »") % {"value": telephone})
    clean_emails, clean_sites = [], []
    for raw in split_cell(emails):
        value = normalize.email(raw)
        (
            clean_emails.append(value)
            if value
            else warnings.append(gettext("Courriel invalide ignoré : « %(value)s »") % {"value": raw})
        )
    for raw in split_cell(websites):
        value = normalize.url(raw)
        (
            clean_sites.append(value)
            if value
            else warnings.append(gettext("Adresse web invalide ignorée : « %(value)s »") % {"value": raw})
        )
    return {"telephone": phone, "courriels": clean_emails, "site_web": clean_sites}


def opening_hours(raw: str, warnings: list) -> dict:
    """Valid OSM hours are kept; others are kept as text in `horaires_precisions` and flagged."""
    raw = (raw or "").strip()
    if not raw or hours.is_valid(raw):
        return {"horaires": raw, "horaires_precisions": ""}
    repaired = normalize.repair_hours(raw)
    if hours.is_valid(repaired):
        warnings.append(
            gettext("Horaires corrigés : « %(raw)s » → « %(repaired)s »") % {"raw": raw, "repaired": repaired}
        )
        return {"horaires": repaired, "horaires_precisions": ""}
    warnings.append(gettext("Horaires au format OSM invalide, gardés en texte : « %(value)s »") % {"value": raw})
    return {"horaires": "", "horaires_precisions": raw[:500]}


def url_field(raw: str, label: str, warnings: list) -> str:
    value = normalize.url(raw)
    if raw and not value:
        warnings.append(gettext("%(label)s invalide ignoré : « %(value)s »") % {"label": label, "value": raw[:100]})
    return value


def short_summary(text_value: str) -> str:
    text_value = " ".join((text_value or "").split())
    return text_value if len(text_value) <= 280 else text_value[:279].rstrip() + "…"


def update_date(raw, warnings: list) -> date | None:
    """`date_maj`: absent, impossible or placeholder dates (1970-01-01, anything before 2000) are
    "date unknown", with a warning; the row is kept."""
    value = normalize.iso_date(raw)
    if value is None:
        warnings.append(gettext("Date de mise à jour absente ou illisible : fraîcheur inconnue"))
    elif value < date(2000, 1, 1):
        warnings.append(
            gettext("Date de mise à jour fictive (%(date)s, avant 2000) : fraîcheur inconnue")
            % {"date": value.isoformat()}
        )
        value = None
    elif value > timezone.localdate():
        warnings.append(
            gettext("Date de mise à jour dans le futur (%(date)s) : fraîcheur inconnue") % {"date": value.isoformat()}
        )
        value = None
    return value
