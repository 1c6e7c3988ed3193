"""Places as data·inclusion v1 structures, services as data·inclusion v1 services.

Identifiers are Ancrage's own (`source` = the producer name, `id` = the record's identifier in
Ancrage, as in the API), so the files can be read back or fed to data·inclusion. Values the schema
would reject are left out (`None`): a malformed e-mail, a non-URL, an empty list. A service without
description gets one sentence naming it and its place (the schema requires 5 characters at least).
A service's own telephone and hours only are given: empty, those of its structure apply (as the
schema says). A position that is only the commune's centre is not given (`latitude`/`longitude` null).
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator

from directory.models import Place, Service
from standards import dataincl as di

from .common import date_of, dated_hours, place_url, producer
from .lieux import telephone

_email = EmailValidator()
_url = URLValidator(schemes=["http", "https"])
_SIRET = re.compile(r"^\d{14}$")
_CODE = re.compile(r"^\w{5}$")
_POSTAL = re.compile(r"^\d{5}$")
_ZONE = re.compile(r"^(\w{5}|\w{2,3}|\d{9}|99[0-5]\d{2}|france)$")


def _email_or_none(value: str) -> str | None:
    try:
        _email(value)
    except ValidationError:
        return None
    return value


def _url_or_none(value: str) -> str | None:
    if not value:
        return None
    try:
        _url(value)
    except ValidationError:
        return None
    return value


def _text(value: str, minimum: int = 1, maximum: int = 10000) -> str | None:
    value = (value or "").strip()
    return value[:maximum] if len(value) >= minimum else None


def _vocab(values: list[str], vocabulary) -> list[str] | None:
    kept = sorted({v for v in values if v in vocabulary})
    return kept or None


def _address(place: Place) -> dict:
    """The place's address; no coordinates when the position is only its commune's centre."""
    approximate = place.position_approximative
    return {
        "commune": place.commune or None,
        "code_postal": place.code_postal if _POSTAL.match(place.code_postal or "") else None,
        "code_insee": place.code_insee if _CODE.match(place.code_insee or "") else None,
        "adresse": place.adresse or None,
        "complement_adresse": place.complement_adresse or None,
        "longitude": None if approximate else place.longitude,
        "latitude": None if approximate else place.latitude,
    }


def _service_address(service: Service) -> dict:
    """Where the service is given: its own address when it has one elsewhere than its place (without a
    position: a service keeps none), else its place's."""
    if not service.own_address:
        return _address(service.place)
    return {
        "commune": service.commune or None,
        "code_postal": service.code_postal if _POSTAL.match(service.code_postal or "") else None,
        "code_insee": service.code_insee if _CODE.match(service.code_insee or "") else None,
        "adresse": service.adresse or None,
        "complement_adresse": None,
        "longitude": None,
        "latitude": None,
    }


def structure(place: Place, base_url: str) -> dict:
    """A data·inclusion v1 `Structure`."""
    nom = place.nom[:150]
    return {
        "source": producer(),
        "id": str(place.pk),
        "nom": nom if len(nom) >= 3 else f"{nom} ({place.commune or 'lieu'})"[:150],
        "date_maj": date_of(place).isoformat(),
        "description": _text(place.presentation_detail or place.presentation_resume, 5),
        "lien_source": place_url(place, base_url),
        "siret": place.pivot if _SIRET.match(place.pivot or "") and set(place.pivot) != {"0"} else None,
        **_address(place),
        "telephone": telephone(place.telephone) or None,
        "courriel": next((e for e in place.courriels if _email_or_none(e)), None),
        "site_web": next((u for u in place.site_web if _url_or_none(u)), None),
        "horaires_accueil": dated_hours(place) or None,
        "accessibilite_lieu": _url_or_none(place.fiche_acces_libre),
        "reseaux_porteurs": _vocab(place.reseaux_porteurs, di.RESEAUX_PORTEURS),
    }


def service_description(service: Service, place: Place) -> str:
    return _text(service.description, 5) or f"{service.nom} proposé par {place.nom}" + (
        f" ({place.commune})." if place.commune else "."
    )


def service(service: Service, base_url: str) -> dict:
    """A data·inclusion v1 `Service`; its `structure_id` is its place's `id`."""
    place = service.place
    publics = _vocab(service.publics, di.PUBLICS)
    if publics and di.TOUS_PUBLICS in publics and len(publics) > 1:
        publics = [p for p in publics if p != di.TOUS_PUBLICS]
    zones = [z for z in service.zone_eligibilite if _ZONE.match(z)]
    nom = service.nom[:150]
    return {
        "source": producer(),
        "structure_id": str(place.pk),
        "id": str(service.pk),
        "nom": nom if len(nom) >= 3 else f"Service {nom}"[:150],
        "description": service_description(service, place),
        "lien_source": place_url(place, base_url),
        "date_maj": date_of(service if service.date_maj else place).isoformat(),
        "type": service.type if service.type in di.TYPES_SERVICE else None,
        "thematiques": _vocab(service.thematiques, di.THEMATIQUES),
        "frais": service.frais if service.frais in di.FRAIS else None,
        "frais_precisions": service.frais_precisions or None,
        "publics": publics,
        "publics_precisions": service.publics_precisions or None,
        "conditions_acces": service.conditions_acces or None,
        **_service_address(service),
        "telephone": telephone(service.telephone) or None,
        "courriel": _email_or_none(service.courriel) if service.courriel else None,
        "modes_accueil": _vocab(service.modes_accueil, di.MODES_ACCUEIL),
        "zone_eligibilite": zones or None,
        "contact_nom_prenom": service.contact_nom_prenom or None,
        "lien_mobilisation": _url_or_none(service.lien_mobilisation),
        "modes_mobilisation": _vocab(service.modes_mobilisation, di.MODES_MOBILISATION),
        "mobilisable_par": _vocab(service.mobilisable_par, di.MOBILISABLE_PAR),
        "mobilisation_precisions": service.mobilisation_precisions or None,
        "volume_horaire_hebdomadaire": service.volume_horaire_hebdomadaire,
        "nombre_semaines": service.nombre_semaines if service.nombre_semaines else None,
        "horaires_accueil": service.horaires_accueil or None,
    }
