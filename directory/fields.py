"""A list of vocabulary values stored as delimited text.

Stored as "|a|b|" so that `field__has="a"` is a plain `LIKE '%|a|%'` on SQLite and
PostgreSQL alike, with no JSON support needed; reads back as a Python list.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Lookup, Q
from django.utils.translation import gettext

from standards.vocabulary import Vocabulary

SEP = "|"


class VocabularyListField(models.TextField):
    def __init__(self, *args, vocabulary: Vocabulary | None = None, **kwargs):
        self.vocabulary = vocabulary
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("default", None)
        kwargs.pop("blank", None)
        return name, path, args, kwargs

    @staticmethod
    def _parse(value) -> list[str]:
        if value is None or value == "":
            return []
        if isinstance(value, (list, tuple, set)):
            return [str(v) for v in value if str(v)]
        return [v for v in str(value).split(SEP) if v]

    def from_db_value(self, value, expression, connection):
        return self._parse(value)

    def to_python(self, value):
        return self._parse(value)

    def get_prep_value(self, value):
        values = self._parse(value)
        return f"{SEP}{SEP.join(values)}{SEP}" if values else ""

    def value_to_string(self, obj):
        return SEP.join(self.value_from_object(obj))

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if self.vocabulary is None:
            return
        unknown = [v for v in value if v not in self.vocabulary]
        if unknown:
            raise ValidationError(
                gettext("Valeur(s) hors du vocabulaire « %(voc)s » : %(values)s"),
                params={"voc": self.vocabulary.name, "values": ", ".join(unknown)},
            )

    def formfield(self, **kwargs):
        if self.vocabulary is None:
            return FreeListFormField(
                required=not self.blank, label=self.verbose_name.capitalize(), help_text=self.help_text
            )
        return forms.TypedMultipleChoiceField(
            choices=self.vocabulary.choices,
            required=not self.blank,
            label=self.verbose_name.capitalize(),
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )


class FreeListFormField(forms.CharField):
    """A list of free values (e-mails, web sites), one per line."""

    widget = forms.Textarea(attrs={"rows": 2})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, (list, tuple)) else value

    def to_python(self, value):
        text = super().to_python(value) or ""
        return [line.strip() for line in text.replace(SEP, "\n").splitlines() if line.strip()]

    def validate(self, value):
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")


class Has(Lookup):
    """`field__has="value"`: the list contains this value."""

    lookup_name = "has"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        # "%" and "_" in a value are literal characters, not LIKE wildcards.
        value = connection.ops.prep_for_like_query(self.rhs)
        return f"{lhs} {connection.operators['contains'] % '%s'}", [*lhs_params, f"%{SEP}{value}{SEP}%"]

    def get_db_prep_lookup(self, value, connection):
        return "%s", [value]


def has_any(field_name: str, values) -> Q:
    """The list in `field_name` contains at least one of `values`."""
    query = Q()
    for value in values:
        query |= Q(**{f"{field_name}__has": value})
    return query


def register_lookups():
    VocabularyListField.register_lookup(Has)
