"""The survey's forms, built from the questionnaire definition; validation is `questionnaire.validate`'s."""

from django import forms

from core.forms import HoneypotMixin
from observatory.survey import questionnaire


def _field(question: questionnaire.Question) -> forms.Field:
    common = {"label": question.label, "required": False, "help_text": question.hint}
    choices = [(o.value, o.label) for o in question.options]
    if question.kind == "single":
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.questionnaire = questionnaire.load(self.version)
        for question in self.questionnaire.questions:
            field = _field(question)
            field.question = question
            if question.required:
                field.label_suffix = ""
            self.fields[question.key] = field
        self.answers: dict = {}

    def grouped(self):
        return [(section, [self[q.key] for q in questions]) for section, questions in self.questionnaire.sections()]

    def clean(self):
        cleaned = super().clean()
        raw = {key: cleaned.get(key) for key in self.questionnaire.keys}
        self.answers, errors = questionnaire.validate(raw, self.version)
        for key, message in errors.items():
            self.add_error(key, message[0].upper() + message[1:] + ".")
        return cleaned


class PublicSurveyForm(HoneypotMixin, SurveyForm):
    pass


class EntryForm(SurveyForm):
    """The mediators' form for paper questionnaires: the same questions, laid out compactly."""


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Fichier des réponses (CSV ou XLSX)",
        help_text="Une ligne par questionnaire, une colonne par question (les noms de colonnes sont ceux du modèle).",
    )
    dry_run = forms.BooleanField(label="Vérifier seulement, sans rien enregistrer", required=False, initial=True)
