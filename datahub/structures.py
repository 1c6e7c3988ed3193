"""Imported places join their structure by identifier: a place whose source gives the SIRET (or RNA) of
exactly one structure is attached to it at the end of an import run.

A place already attached (by a person or an earlier run) is left alone; an identifier that several distinct
structures claim attaches nothing (a coordinator decides). Each attachment is written in the audit log.
"""

from django.db.models import Count

from accounts.models import Structure
from core.audit import record
from datahub.models import ImportRun, SourceRecord
from directory.models import Place
from standards.identifiers import clean_identifier, is_rna, is_siret


def unambiguous_structures(identifiers: set[str]) -> dict[str, Structure]:
    """identifier → the one structure that claims it, for SIRET and RNA (shared identifiers left out)."""
    found: dict[str, Structure] = {}
    for field, valid in (("siret", is_siret), ("rna", is_rna)):
        wanted = {i for i in identifiers if valid(i)}
        if not wanted:
            continue
        shared = set(
            Structure.objects.filter(**{f"{field}__in": wanted})
            .values(field)
            .annotate(n=Count("pk"))
            .filter(n__gt=1)
            .values_list(field, flat=True)
        )
        for structure in Structure.objects.filter(**{f"{field}__in": wanted - shared}):
            found[getattr(structure, field)] = structure
    return found


def attach_places(run: ImportRun) -> int:
    """Attach the run's feed's unattached places to the structure their source identifies; returns how many."""
    pairs = (
        SourceRecord.objects.filter(
            feed=run.feed, kind=SourceRecord.Kind.PLACE, place__isnull=False, place__structure__isnull=True
        )
        .values_list("place_id", "data")
        .iterator()
    )
    # The whole values, not a JSON key lookup: SQLite would turn "0123…" into a number and lose its zero.
    identifier_of = {place_id: clean_identifier(str(data.get("pivot") or "")) for place_id, data in pairs}
    structures = unambiguous_structures(set(identifier_of.values()))
    attached = 0
    for place in Place.objects.filter(pk__in=[p for p, i in identifier_of.items() if i in structures]):
        structure = structures[identifier_of[place.pk]]
        Place.objects.filter(pk=place.pk, structure__isnull=True).update(structure=structure)
        record(
            place, "rattaché à sa structure", actor=f"import n° {run.pk}", changes={"structure": [None, str(structure)]}
        )
        attached += 1
    return attached
