"""The survey's forms, built from the questionnaire definition; validation is `questionnaire.validate`'s."""

from django import forms
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

from core.forms import HoneypotMixin
from observatory.survey import questionnaire


def _field(question: questionnaire.Question, *, required: bool, not_given: bool) -> forms.Field:
    """`required` follows the questionnaire (so the label says « facultatif » exactly when it is); `not_given`
    (paper entry) adds a « Non renseigné » choice, selected at first, to every single-choice question."""
    common = {
        "label": questionnaire.translated(question.label),
        "required": required,
        "help_text": questionnaire.translated(question.hint),
        "error_messages": {"required": _("Réponse obligatoire.")},
    }
    choices = [(o.value, questionnaire.translated(o.label)) for o in question.options]
    if question.kind == "single":
        if not_given:
            return forms.ChoiceField(
                choices=[("", _(questionnaire.NOT_GIVEN)), *choices], widget=forms.RadioSelect, initial="", **common
            )
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    if question.kind == "multi":
        return forms.MultipleChoiceField(choices=choices, widget=forms.CheckboxSelectMultiple, **common)
    if question.kind == "year":
        attrs = {"inputmode": "numeric", "autocomplete": "bday-year", "size": 4, "maxlength": 4}
        return forms.CharField(widget=forms.TextInput(attrs=attrs), **common)
    return forms.CharField(widget=forms.TextInput(attrs={"autocomplete": "address-level2"}), **common)


class SurveyForm(forms.Form):
    """Every question of one version; the answers are in `self.answers` once valid."""

    version = questionnaire.CURRENT
    blanks_allowed = False  # paper entry: every question may be « non renseigné »

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.questionnaire = questionnaire.load(self.version)
        for question in self.questionnaire.questions:
            field = _field(question, required=question.required, not_given=self.blanks_allowed)
            field.question = question
            self.fields[question.key] = field
        self.answers: dict = {}

    def grouped(self):
        return [
            (gettext_now(section), [self[q.key] for q in questions])
            for section, questions in self.questionnaire.sections()
        ]

    def clean(self):
        cleaned = super().clean()
        raw = {key: cleaned.get(key) for key in self.questionnaire.keys}
        self.answers, errors = questionnaire.validate(raw, self.version, blanks_allowed=self.blanks_allowed)
        for key, message in errors.items():
            if key in self.errors:  # already said (« Réponse obligatoire. »)
                continue
            self.add_error(key, message[0].upper() + message[1:] + ".")
        return cleaned


class PublicSurveyForm(HoneypotMixin, SurveyForm):
    pass


class EntryForm(SurveyForm):
    """The mediators' form for paper questionnaires: the same questions, laid out compactly. A blank on paper is
    recorded as « non renseigné » (the single choices start there; boxes and fields are left empty)."""

    blanks_allowed = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Fichier des réponses (CSV ou XLSX)"),
        help_text=_("Une ligne par questionnaire, une colonne par question, titrée comme dans le fichier modèle."),
    )
    dry_run = forms.BooleanField(label=_("Vérifier seulement, sans rien enregistrer"), required=False, initial=True)
