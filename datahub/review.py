"""What a coordinator reads before deciding on a possible duplicate, and a place's value history.

Pure reading: the decisions themselves are `datahub.merging.actions.confirm_candidate` and
`refuse_candidate`.
"""

from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext

from datahub.merging.similarity import PlaceSummary, distance_m
from datahub.models import FieldChange, MergeCandidate, SourceRecord
from directory.fields import VocabularyListField
from directory.models import Place, Service

# Not worth comparing: the primary key and the index computed from the services.
_SKIPPED = {"id", "search_keys"}


@dataclass
class Row:
    label: str
    left: str
    right: str

    @property
    def differs(self) -> bool:
        return self.left != self.right


@dataclass
class Comparison:
    candidate: MergeCandidate
    rows: list[Row] = field(default_factory=list)
    sources: tuple[list[SourceRecord], list[SourceRecord]] = ([], [])
    distance: str = ""

    @property
    def differences(self) -> int:
        return sum(row.differs for row in self.rows)


def shown(place: Place, model_field) -> str:
    """A field's value as a coordinator reads it (labels, not codes; « oui »/« non »; French dates)."""
    value = getattr(place, model_field.attname)
    if isinstance(model_field, VocabularyListField):
        labels = dict(model_field.vocabulary.items) if model_field.vocabulary else {}
        return ", ".join(labels.get(v, v) for v in value)
    if model_field.choices:
        return getattr(place, f"get_{model_field.name}_display")()
    if isinstance(value, bool):
        return "oui" if value else "non"
    if value is None or value == "":
        return ""
    if hasattr(value, "hour"):
        return date_format(value, "DATETIME_FORMAT")
    if hasattr(value, "year"):
        return date_format(value, "DATE_FORMAT")
    return str(value)


def _summary(place: Place) -> PlaceSummary:
    return PlaceSummary(
        place.pk, place.nom, place.pivot, place.adresse, place.code_insee,
        place.latitude, place.longitude, place.position_approximative,
    )  # fmt: skip


def distance_text(a: Place, b: Place) -> str:
    metres = distance_m(_summary(a), _summary(b))
    if metres is None:
        return gettext("inconnue (au moins une des deux positions est inconnue ou approximative)")
    return f"{round(metres)} m" if metres < 1000 else f"{metres / 1000:.1f} km".replace(".", ",")


def compare(candidate: MergeCandidate) -> Comparison:
    """Every field of the two places side by side, their services, their sources and how far apart they are."""
    comparison = Comparison(candidate)
    place, other = candidate.place, candidate.other
    if other is None:
        return comparison
    for model_field in Place._meta.concrete_fields:
        if model_field.name not in _SKIPPED:
            label = str(model_field.verbose_name)
            label = label[:1].upper() + label[1:]
            comparison.rows.append(Row(label, shown(place, model_field), shown(other, model_field)))
    services = [", ".join(s.nom for s in p.services.all()) for p in (place, other)]
    comparison.rows.append(Row("Services", *services))
    records = SourceRecord.objects.select_related("last_run").order_by("kind", "source")
    comparison.sources = tuple(list(records.filter(place=p)) for p in (place, other))
    comparison.distance = distance_text(place, other)
    return comparison


def place_history(place: Place):
    """Every value change of the place and of its services, most recent first, with who made it."""
    records = Q(record__place=place) | Q(record__service__place=place)
    # `by`: the person who set the value, when it is not an import (a coordinator's correction).
    people = ["by"] if "by" in {f.name for f in FieldChange._meta.fields} else []
    return (
        FieldChange.objects.filter(records)
        .select_related("record", "record__service", "run", "run__started_by", *people)
        .order_by("-changed_at", "-pk")
    )


def _label(model, name: str) -> str:
    try:
        label = str(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:  # a field that no longer exists: its stored name
        return name
    return label[:1].upper() + label[1:]


def labelled(changes) -> list[FieldChange]:
    """The changes with `field_label`, the field's French name (« Téléphone », not « telephone »)."""
    changes = list(changes)
    for change in changes:
        change.field_label = _label(Service if change.record.service_id else Place, change.field)
    return changes
