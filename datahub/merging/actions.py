"""What a coordinator (or a confident match) does to places: merge, undo a merge, confirm, refuse."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from core import audit
from datahub.merging.decisions import DIFFERENT, SAME, place_keys, remember
from datahub.models import Merge, MergeCandidate, SourceRecord
from datahub.values import apply, combine, from_json
from directory.domain import writes
from directory.models import ErrorReport, Place, Service
from territory.text import fold

PLACE, SERVICE = SourceRecord.Kind.PLACE, SourceRecord.Kind.SERVICE


class MergeError(ValueError):
    """The action cannot be done; the message says why, in French."""


def _datas(records) -> list[tuple]:
    return [(str(r.date_maj or ""), r.data) for r in records]


def recompute_place(place: Place) -> None:
    """A place shows, field by field, the freshest value its sources give."""
    records = list(SourceRecord.objects.filter(place=place, kind=PLACE))
    if records:
        apply(place, combine(_datas(records)))
    writes.save_place(place)


def recompute_service(service: Service) -> None:
    records = list(SourceRecord.objects.filter(service=service, kind=SERVICE))
    if records and apply(service, combine(_datas(records))):
        service.save()


@transaction.atomic
def merge_places(kept: Place, absorbed: Place, *, run=None, user=None, automatic=False, reasons="") -> Merge:
    """`absorbed` becomes part of `kept`: its source records, services and reports move over."""
    if kept.pk == absorbed.pk:
        raise MergeError(gettext("Un lieu ne peut pas être fusionné avec lui-même."))
    remember(place_keys(kept.pk), place_keys(absorbed.pk), SAME)
    record_ids = list(SourceRecord.objects.filter(place=absorbed, kind=PLACE).values_list("pk", flat=True))
    twins = {fold(service.nom): service for service in kept.services.all()}
    for service in list(absorbed.services.all()):
        twin = twins.get(fold(service.nom))
        if twin is not None:  # the same service told by two sources: one service, two records
            SourceRecord.objects.filter(service=service).update(service=twin, place=kept)
            service.delete()
            recompute_service(twin)
        else:
            Service.objects.filter(pk=service.pk).update(place=kept)
    SourceRecord.objects.filter(place=absorbed).update(place=kept)
    ErrorReport.objects.filter(place=absorbed).update(place=kept)
    Merge.objects.filter(place=absorbed).update(place=kept)
    MergeCandidate.objects.filter(other=absorbed).update(other=None)
    name, absorbed_pk = absorbed.nom, absorbed.pk
    moved = writes.absorb(kept, absorbed_pk)  # its address (and those it had absorbed) now lead to `kept`
    absorbed.delete()
    recompute_place(kept)
    merge = Merge.objects.create(
        place=kept, absorbed_name=name, record_ids=record_ids, automatic=automatic, reasons=reasons,
        run=run, by=user, absorbed_pk=absorbed_pk, moved_pks=moved,
    )  # fmt: skip
    actor = "" if user else (f"import n° {run.pk}" if run else "fusion automatique")
    audit.record(kept, "fusion", user=user, actor=actor, note=f"« {name} » (n° {absorbed_pk}) absorbé : {reasons}")
    return merge


@transaction.atomic
def undo_merge(merge: Merge, user=None) -> Place:
    """The absorbed records get their own place back, with their services; the pair is not proposed again."""
    if merge.undone_at:
        raise MergeError(gettext("Cette fusion a déjà été annulée."))
    kept = merge.place
    records = list(SourceRecord.objects.filter(pk__in=merge.record_ids, place=kept, kind=PLACE))
    if not records:
        raise MergeError(gettext("Les enregistrements de cette fusion ne sont plus rattachés à ce lieu."))
    # The place gets its own number back (its printed and shared links work again), unless it is taken.
    number = (
        merge.absorbed_pk if merge.absorbed_pk and not Place.objects.filter(pk=merge.absorbed_pk).exists() else None
    )
    restored = Place(pk=number, **{name: from_json(name, value) for name, value in combine(_datas(records)).items()})
    restored.save(force_insert=True)
    writes.give_back(restored, merge.moved_pks)
    SourceRecord.objects.filter(pk__in=[r.pk for r in records]).update(place=restored)
    for child in SourceRecord.objects.filter(parent__in=records, kind=SERVICE).select_related("service"):
        service = child.service
        if service is not None and SourceRecord.objects.filter(service=service).exclude(pk=child.pk).exists():
            child.service = Service.objects.create(
                place=restored, **{name: from_json(name, value) for name, value in child.data.items()}
            )
            recompute_service(service)
        elif service is not None:
            Service.objects.filter(pk=service.pk).update(place=restored)
        child.place = restored
        child.save(update_fields=["service", "place"])
    recompute_place(kept)
    restored.refresh_from_services()
    remember(place_keys(kept.pk), place_keys(restored.pk), DIFFERENT)
    merge.undone_at, merge.undone_by, merge.restored_place = timezone.now(), user, restored
    audit.record(kept, "fusion annulée", user=user, note=f"« {restored.nom} » (n° {restored.pk}) rendu à lui-même")
    merge.save(update_fields=["undone_at", "undone_by", "restored_place"])
    MergeCandidate.objects.update_or_create(
        place=kept,
        other=restored,
        defaults={
            "other_name": restored.nom, "status": MergeCandidate.Status.REFUSED, "decided_by": user,
            "decided_at": timezone.now(), "reasons": f"Fusion annulée ({merge.reasons})"[:1000],
        },
    )  # fmt: skip
    return restored


@transaction.atomic
def confirm_candidate(candidate: MergeCandidate, user=None) -> Merge:
    if candidate.status != MergeCandidate.Status.PENDING or candidate.other is None:
        raise MergeError(gettext("Ce doublon a déjà été traité."))
    other = candidate.other
    candidate.status, candidate.decided_by, candidate.decided_at = (
        MergeCandidate.Status.CONFIRMED,
        user,
        timezone.now(),
    )
    candidate.save(update_fields=["status", "decided_by", "decided_at"])
    return merge_places(candidate.place, other, run=candidate.run, user=user, reasons=candidate.reasons)


def refuse_candidate(candidate: MergeCandidate, user=None) -> None:
    if candidate.status != MergeCandidate.Status.PENDING:
        raise MergeError(gettext("Ce doublon a déjà été traité."))
    candidate.status, candidate.decided_by, candidate.decided_at = (MergeCandidate.Status.REFUSED, user, timezone.now())
    candidate.save(update_fields=["status", "decided_by", "decided_at"])
    audit.record(candidate, "doublon refusé", user=user, note=candidate.reasons)
    if candidate.other_id:  # kept on the records: a re-created place is not proposed again
        remember(place_keys(candidate.place_id), place_keys(candidate.other_id), DIFFERENT)
