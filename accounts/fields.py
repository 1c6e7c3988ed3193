"""An organisation identifier (SIRET, RNA) as people type it: spaces, dots and dashes removed before checking."""

from django import forms
from django.db import models

from standards.identifiers import clean_identifier


class IdentifierFormField(forms.CharField):
    def __init__(self, *args, **kwargs):
        kwargs["max_length"] = 30  # room for the spaces people type; the model checks the cleaned length
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        return clean_identifier(super().to_python(value))


class IdentifierField(models.CharField):
    def to_python(self, value):
        return clean_identifier(super().to_python(value))

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": IdentifierFormField, **kwargs})
