"""Values of a place derived from its services, stored so that a search is one table scan.

`search_keys` lists, for the place, every service-level fact a search filters on ("m:Aide aux
démarches administratives", "f:gratuit", "d:91"…). A search with one service-level condition filters
on these keys alone; with several, the keys narrow the places down and an EXISTS on services keeps only
places where one service meets them all.
"""

from collections import defaultdict

from django.db import connection

from directory.domain import shared
from directory.domain.quality import completeness
from standards import dataincl as di

ANY_ZONE = "*"
# The place fields `quality.completeness` reads.
COMPLETENESS_FIELDS = [
    "horaires", "telephone", "courriels", "adresse", "latitude", "longitude", "position_approximative",
    "modalites_acces", "publics_specifiquement_adresses", "prise_en_charge_specifique", "frais_a_charge",
    "presentation_resume", "presentation_detail", "fiche_acces_libre", "site_web",
]  # fmt: skip


def service_keys(service) -> set[str]:
    keys = set()
    if service.mediation:
        keys.update(f"m:{v}" for v in service.mediation)
    else:
        keys.update(f"t:{v}" for v in service.thematiques)
    if not service.modes_accueil or di.EN_PRESENTIEL in service.modes_accueil:
        keys.add("a:presentiel")
    if di.A_DISTANCE in service.modes_accueil:
        keys.update(f"d:{zone}" for zone in service.zone_eligibilite or [ANY_ZONE])
    if service.frais:
        keys.add(f"f:{service.frais}")
    if not service.publics or di.TOUS_PUBLICS in service.publics:
        keys.add(f"p:{di.TOUS_PUBLICS}")
    else:
        keys.update(f"p:{v}" for v in service.publics)
    if service.lien_mobilisation:
        keys.add("r:lien")
    return keys


def place_keys(services) -> list[str]:
    keys = set()
    for service in services:
        keys |= service_keys(service)
    return sorted(keys)


def refresh_places(place_ids) -> int:
    """Recompute `search_keys` and `score_completude` of these places from their services.

    Call it after services were created, changed or deleted (imports call it once per batch).
    Returns how many places changed.
    """
    from directory.models import Place, Service

    shared.forget()  # whatever changed, the pages' remembered facts (needs with places) are recomputed
    place_ids = set(place_ids)
    if not place_ids:
        return 0
    services = defaultdict(list)
    for service in Service.objects.filter(place_id__in=place_ids).only(
        "place_id", "mediation", "thematiques", "modes_accueil", "zone_eligibilite", "frais", "publics",
        "lien_mobilisation",
    ):  # fmt: skip
        services[service.place_id].append(service)
    changed = []
    keys_field = Place._meta.get_field("search_keys")
    for pk, old_keys, old_score, *fields in Place.objects.filter(pk__in=place_ids).values_list(
        "pk", "search_keys", "score_completude", *COMPLETENESS_FIELDS
    ):
        place = Place(pk=pk, **dict(zip(COMPLETENESS_FIELDS, fields, strict=True)))
        keys = place_keys(services[pk])
        score = completeness(place, has_services=bool(services[pk]))
        if keys != old_keys or score != old_score:
            changed.append((keys_field.get_prep_value(keys), score, pk))
    if changed:
        # One prepared UPDATE run for every row: much faster than bulk_update's CASE on large batches.
        table = connection.ops.quote_name(Place._meta.db_table)
        sql = f"UPDATE {table} SET search_keys = %s, score_completude = %s WHERE id = %s"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.executemany(sql, changed)
    return len(changed)
