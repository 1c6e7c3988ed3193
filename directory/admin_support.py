"""What every back-office list and form shares: labelled fields, compact vocabulary lists, folded search.

Django's admin leaves some controls without an accessible name (the editable cells of a list, the
rows of a tabular inline, the date and time halves of a date-time field) and renders a vocabulary
as one long column of checkboxes. `CoordinatorAdmin` and `LabelledInline` fix both, for the
directory's and the data hub's admins alike.
"""

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import lookup_spawns_duplicates
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.forms.models import BaseInlineFormSet, BaseModelFormSet
from django.utils.translation import gettext

from directory.fields import VocabularyListField
from directory.folding import folded_search

# A vocabulary longer than this scrolls inside its own box.
LONG_VOCABULARY = 24


class VocabularyCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes in columns, grouped under the field's name (a group a screen reader announces)."""

    template_name = "directory/widgets/vocabulary_choices.html"

    def __init__(self, group_label: str, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.group_label = group_label

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["group_label"] = self.group_label
        context["widget"]["long"] = len(self.choices) > LONG_VOCABULARY
        return context


def label_fields(form, row: str = "") -> None:
    """Give every control of `form` a name: « Publié — Médiathèque (Massy) », « Traité le, heure »."""
    for name, field in form.fields.items():
        label = str(field.label or name).strip()
        widget = field.widget
        if isinstance(widget, RelatedFieldWidgetWrapper):  # a foreign key's select: its copy holds its own attrs
            widget = widget.widget
        if isinstance(widget, forms.MultiWidget):
            if len(widget.widgets) == 2:
                parts = [gettext("date"), gettext("heure")]
            else:
                parts = [str(i + 1) for i in range(len(widget.widgets))]
            for part, sub in zip(parts, widget.widgets, strict=True):
                sub.attrs["aria-label"] = f"{label}, {part}" + (f" — {row}" if row else "")
        elif row and not isinstance(widget, (forms.CheckboxSelectMultiple, forms.HiddenInput)):
            widget.attrs["aria-label"] = f"{label} — {row}"


def _row_name(form, index) -> str:
    return str(form.instance) if form.instance.pk else gettext("nouvelle ligne %(n)s") % {"n": index + 1}


class LabelledModelFormSet(BaseModelFormSet):
    """The editable cells of a changelist, each named after its column and its row."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        label_fields(form, _row_name(form, index or 0))


class LabelledInlineFormSet(BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        label_fields(form, _row_name(form, index or 0))


class LabelledInline(admin.TabularInline):
    """A tabular inline whose cells are named, in a region keyboard users can scroll."""

    formset = LabelledInlineFormSet
    template = "admin/edit_inline/tabular_region.html"


class CompactVocabularies:
    """Vocabulary fields as `VocabularyCheckboxes` (for model admins and inlines)."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if isinstance(db_field, VocabularyListField) and db_field.vocabulary is not None:
            formfield.widget = VocabularyCheckboxes(db_field.verbose_name.capitalize(), choices=formfield.choices)
        return formfield


class CoordinatorAdmin(CompactVocabularies, admin.ModelAdmin):
    """A model admin with named controls, compact vocabularies and accent-insensitive search."""

    def get_changelist_formset(self, request, **kwargs):
        return super().get_changelist_formset(request, **{"formset": LabelledModelFormSet, **kwargs})

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change, **kwargs)

        class LabelledForm(form_class):
            def __init__(self, *args, **kw):
                super().__init__(*args, **kw)
                label_fields(self)

        LabelledForm.__name__ = form_class.__name__
        return LabelledForm

    def get_search_results(self, request, queryset, search_term):
        """Every word of the search, accents and case aside, in one of `search_fields` ("pegomas" → Pégomas)."""
        if not search_term.strip() or not self.search_fields:
            return queryset, False
        fields = [field.lstrip("^=@") for field in self.get_search_fields(request)]
        aliases, condition = folded_search(fields, search_term)
        may_have_duplicates = any(lookup_spawns_duplicates(self.opts, field) for field in fields)
        return queryset.alias(**aliases).filter(condition), may_have_duplicates
