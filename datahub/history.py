"""A place's whole history for moderators — its values, the actions on it, its merges — and going back to an
earlier value.

A revert is a person's edit like any other: it goes through the directory's write functions (search keys
refresh; the data hub records it as the coordination's value with its author) and writes an audit entry.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext

from core import audit
from core.models import AuditEntry
from datahub import review
from datahub.models import FieldChange, Merge
from directory.domain import writes
from directory.fields import VocabularyListField
from directory.models import Place, Service


@dataclass
class Event:
    when: datetime
    what: str
    who: str
    detail: str = ""


def parse_shown(model_field, text: str):
    """The value a history line shows (`datahub.values.display`) back as the field's value."""
    if isinstance(model_field, (VocabularyListField, models.JSONField)):
        return [part for part in text.split(" | ") if part] if text else []
    if isinstance(model_field, models.BooleanField):
        return {"oui": True, "non": False}.get(text)
    if text == "" and model_field.null and not isinstance(model_field, (models.CharField, models.TextField)):
        return None
    return model_field.to_python(text)


def target_of(change: FieldChange) -> Place | Service | None:
    record = change.record
    return record.service if record.kind == record.Kind.SERVICE else record.place


@transaction.atomic
def revert(change: FieldChange, *, user) -> Place | Service:
    """Give the field back the value it had before `change`."""
    target = target_of(change)
    if target is None:
        raise ValidationError(gettext("Ce lieu ou ce service n’existe plus : rien à rétablir."))
    try:
        model_field = type(target)._meta.get_field(change.field)
    except FieldDoesNotExist as missing:
        raise ValidationError(gettext("Le champ « %(field)s » n’existe plus.") % {"field": change.field}) from missing
    value = parse_shown(model_field, change.old_value)
    model_field.clean(value, target)  # a value that is no longer valid is refused, not written
    before = getattr(target, model_field.attname)
    setattr(target, model_field.attname, value)
    save = writes.save_place if isinstance(target, Place) else writes.save_service
    save(target, user=user, fields=[model_field.name])
    audit.record(target, "valeur rétablie", user=user, changes={model_field.name: [before, value]},
                 note=f"Retour à la valeur d’avant la modification n° {change.pk}.")  # fmt: skip
    return target


def events(place: Place) -> list[Event]:
    """The actions on the place and its services (audit log) and its merges, most recent first."""
    found = []
    about = Q(content_type=ContentType.objects.get_for_model(Place), object_id=str(place.pk))
    services = [str(pk) for pk in place.services.values_list("pk", flat=True)]
    about |= Q(content_type=ContentType.objects.get_for_model(Service), object_id__in=services)
    for entry in AuditEntry.objects.filter(about):
        detail = ", ".join(f"{k} : {a} → {b}" for k, (a, b) in entry.changes.items())
        found.append(Event(entry.at, f"{entry.verb} ({entry.object_repr})", entry.actor, detail or entry.note))
    for merge in Merge.objects.filter(place=place).select_related("by", "run"):
        who = str(merge.by or merge.run or "import")
        what = gettext("fusion avec « %(name)s »") % {"name": merge.absorbed_name}
        found.append(Event(merge.created_at, what, who, merge.reasons))
        if merge.undone_at:
            what = gettext("fusion avec « %(name)s » annulée") % {"name": merge.absorbed_name}
            found.append(Event(merge.undone_at, what, str(merge.undone_by or ""), ""))
    return sorted(found, key=lambda e: e.when, reverse=True)


def changes(place: Place):
    return review.labelled(review.place_history(place))
