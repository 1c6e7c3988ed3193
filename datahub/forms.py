"""Back-office forms of the data hub: a new import, and the column mapping of a spreadsheet."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core import jobfiles
from datahub.importers import tableur
from datahub.importers.profiles import PROFILES
from datahub.runs import FORMAT_LABELS


class ImportForm(forms.Form):
    source_format = forms.ChoiceField(label=_("Format"), choices=list(FORMAT_LABELS.items()))
    file = forms.FileField(label=_("Fichier"), help_text=_("JSON, CSV ou XLSX (tableur)."))
    profile = forms.ChoiceField(
        label=_("Profil du tableur"),
        required=False,
        choices=[("", _("Aucun : je choisis les colonnes")), *((p.name, p.label) for p in PROFILES.values())],
        help_text=_(
            "Pour un tableur connu (la liste nationale France services…), ses colonnes sont déjà associées. "
            "Un fichier reconnu d’après ses en-têtes prend son profil de lui-même."
        ),
    )
    feed = forms.CharField(
        label=_("Nom du flux"),
        required=False,
        max_length=200,
        help_text=_(
            "Par défaut, le nom du fichier. Un enregistrement reçu avant par ce flux et absent de ce fichier "
            "sera signalé « absent de la source »."
        ),
    )
    dry_run = forms.BooleanField(
        label=_("Essai à blanc"),
        required=False,
        help_text=_("Tout vérifier et afficher le rapport, sans rien enregistrer."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".json", ".csv", ".txt", ".xlsx")):
            raise forms.ValidationError(_("Fichier attendu : .json, .csv ou .xlsx"))
        jobfiles.check_size(upload.size)  # stored in the database for the worker: bounded
        return upload


class MappingForm(forms.Form):
    """One choice per column of the spreadsheet, pre-filled with the guess from its header."""

    def __init__(self, *args, columns: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(tableur.IGNORE, _("— ne pas importer —")), *tableur.FIELDS.items()]
        guesses = tableur.guess_mapping(columns)
        self.columns = columns
        for index, column in enumerate(columns):
            self.fields[f"col_{index}"] = forms.ChoiceField(
                label=column, choices=choices, required=False, initial=guesses[column]
            )

    def mapping(self) -> dict[str, str]:
        return {column: self.cleaned_data[f"col_{index}"] for index, column in enumerate(self.columns)}

    def clean(self):
        cleaned = super().clean()
        try:
            tableur.check_mapping(self.mapping())
        except tableur.MappingError as exc:
            raise forms.ValidationError(str(exc)) from exc
        return cleaned
