"""Every write to a place, a service or an error report goes through these functions.

They save, then refresh what derives from the write (a place's search keys and completeness follow
its services), and tell the listeners who changed what: the data hub records a coordinator's edit as
a source of its own, with its history (`datahub.provenance`, connected in `DatahubConfig.ready`), so
that `directory` never imports `datahub`. The data hub's batched writer writes in bulk and calls
`refresh_places` once per run; merges call `absorb` and `give_back`.
"""

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone

from core import audit
from directory.domain.derived import refresh_places
from directory.models import ErrorReport, Place, PlaceAlias, Service

# Sent after a place or a service was saved by a person: sender=model, instance, user,
# changes={field: (old, new)}, source (who the edit speaks for: "" for the coordination, "structure" for the
# structure that keeps the place, see `datahub.provenance`).
edited = Signal()

__all__ = [
    "absorb", "alias_target", "delete_service", "delete_services", "edited", "give_back", "refresh_places",
    "save_place", "save_service", "set_report_status",
]  # fmt: skip


def _changes(instance, fields) -> dict[str, tuple]:
    """{field: (value in the database, value on the instance)} for `fields` that differ; for a new instance,
    {field: (None, value)} for every value set (a created place's values are recorded too)."""
    if not fields:
        return {}
    if instance.pk is None:
        values = {name: getattr(instance, name) for name in fields}
        return {name: (None, value) for name, value in values.items() if value not in (None, "", [], {})}
    stored = type(instance).objects.filter(pk=instance.pk).values(*fields).first() or {}
    field_of = instance._meta.get_field
    changes = {}
    for name in fields:
        old = field_of(name).to_python(stored.get(name)) if name in stored else None
        new = getattr(instance, name)
        if old != new:
            changes[name] = (old, new)
    return changes


def _editable(instance, fields) -> list[str]:
    # Form field names ("place") to the stored attribute ("place_id").
    concrete = {f.name: f.attname for f in instance._meta.concrete_fields if f.editable and not f.primary_key}
    return [concrete[name] for name in (fields or []) if name in concrete]


@transaction.atomic
def save_place(place: Place, *, user=None, fields=None, source: str = "") -> Place:
    """Save a place edited by a person (`fields`: the names they changed) and refresh what derives from it."""
    changes = _changes(place, _editable(place, fields))
    place.save()
    place.refresh_from_services()
    if changes:
        edited.send(sender=Place, instance=place, user=user, changes=changes, source=source)
    return place


@transaction.atomic
def save_service(service: Service, *, user=None, fields=None, source: str = "") -> Service:
    """Save a service edited by a person; its place (and its former place, if it moved) are refreshed."""
    changes = _changes(service, _editable(service, fields))
    previous = Service.objects.filter(pk=service.pk).values_list("place_id", flat=True).first()
    service.save()
    refresh_places({service.place_id, previous} - {None})
    if changes:
        edited.send(sender=Service, instance=service, user=user, changes=changes, source=source)
    return service


@transaction.atomic
def delete_service(service: Service) -> None:
    place_id = service.place_id
    service.delete()
    refresh_places([place_id])


@transaction.atomic
def delete_services(services) -> int:
    """Delete these services (a queryset) and refresh their places."""
    place_ids = set(services.values_list("place_id", flat=True))
    deleted, _ = services.delete()
    refresh_places(place_ids)
    return deleted


def absorb(kept: Place, absorbed_pk: int) -> list[int]:
    """`absorbed_pk` (and every address that led to it) now leads to `kept`. Returns the old numbers moved."""
    moved = [absorbed_pk, *PlaceAlias.objects.filter(place_id=absorbed_pk).values_list("old_pk", flat=True)]
    PlaceAlias.objects.filter(place_id=absorbed_pk).update(place=kept)
    PlaceAlias.objects.update_or_create(old_pk=absorbed_pk, defaults={"place": kept})
    return moved


def give_back(restored: Place, old_pks: list[int]) -> None:
    """Undoing a merge: the restored place answers again at its own number and at the ones it had absorbed."""
    PlaceAlias.objects.filter(old_pk=restored.pk).delete()
    PlaceAlias.objects.filter(old_pk__in=[pk for pk in old_pks if pk != restored.pk]).update(place=restored)


def alias_target(pk: int) -> Place | None:
    """The published place that absorbed place number `pk`, if any."""
    alias = PlaceAlias.objects.filter(old_pk=pk, place__est_publie=True).select_related("place").first()
    return alias.place if alias else None


def set_report_status(report: ErrorReport, status: str, *, previous: str | None = None, save: bool = True, user=None):
    """The one rule for an error report's state, whatever changes it (admin form, list, action):
    « Traité le » is set when the report is closed, cleared when it is reopened; a change is written in the
    audit log with who made it.

    `previous`: the state before the change, when `report.status` was already set (by a form)."""
    previous = report.status if previous is None else previous
    if status == ErrorReport.Status.NEW:
        report.traite_le = None
    elif status != previous or report.traite_le is None:
        report.traite_le = timezone.now()
    report.status = status
    if save:
        report.save()
    if status != previous and report.pk:
        audit.record(report, "état changé", user=user, changes={"status": [previous, status]})
    return report
