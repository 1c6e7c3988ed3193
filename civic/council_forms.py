"""The greffe's forms: a deliberation, its vote sheet (one vote and one optional proxy per member), a CSV file."""

from django import forms
from django.utils.translation import gettext_lazy as _

from civic.models import Deliberation, Vote


class DeliberationForm(forms.Form):
    date = forms.DateField(
        label=_("Date de la séance"), help_text=_("Par exemple 12/03/2027."),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Indiquez la date de la séance."), "invalid": _("Date illisible : par exemple 12/03/2027."),
        },
    )  # fmt: skip
    place = forms.CharField(label=_("Lieu de la séance"), max_length=200, required=False)
    number = forms.CharField(label=_("Numéro de la délibération"), max_length=40, help_text=_("Par exemple 2027-015."))
    title = forms.CharField(label=_("Objet"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))
    subject_code = forms.RegexField(
        label=_("Code matière (nomenclature Actes)"), regex=r"^\d(\.\d{1,2}){1,2}$", max_length=10,
        help_text=_("Par exemple 7.1."),
        error_messages={"invalid": _("Un code de la nomenclature Actes : par exemple 7.1 ou 8.5.2.")},
    )  # fmt: skip
    subject_name = forms.CharField(
        label=_("Matière"), max_length=200, help_text=_("Par exemple « Finances locales/Décisions budgétaires ».")
    )
    result = forms.ChoiceField(label=_("Résultat"), choices=Deliberation.Result.choices, widget=forms.RadioSelect)
    url = forms.URLField(
        label=_("Lien vers l’acte"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Une adresse web complète.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, f in self.fields.items():
            if name != "date":
                f.error_messages["required"] = _("Ce champ est obligatoire.")


class VoteSheetForm(forms.Form):
    """Two fields per member sitting that day: `vote_<id>` and `pouvoir_<id>`."""

    def __init__(self, *args, members, votes=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = members
        votes = votes or {}
        proxies = [("", _("aucun (vote en personne ou absent)"))] + [(str(m.pk), m.name) for m in members]
        for m in members:
            choice, proxy = votes.get(m.pk, ("", None))
            self.fields[f"vote_{m.pk}"] = forms.ChoiceField(
                label=_("Vote de %(name)s") % {"name": m.name},
                choices=[("", _("Choisissez")), *Vote.Choice.choices], initial=choice,
                error_messages={"required": _("Indiquez le vote de %(name)s.") % {"name": m.name}},
            )  # fmt: skip
            self.fields[f"pouvoir_{m.pk}"] = forms.ChoiceField(
                label=_("Pouvoir donné par %(name)s à") % {"name": m.name}, choices=proxies, required=False,
                initial=str(proxy) if proxy else "",
            )  # fmt: skip

    def rows(self):
        return [(m, self[f"vote_{m.pk}"], self[f"pouvoir_{m.pk}"]) for m in self.members]

    def sheet(self) -> dict[int, tuple[str, int | None]]:
        data = self.cleaned_data
        return {m.pk: (data[f"vote_{m.pk}"], int(data[f"pouvoir_{m.pk}"]) if data[f"pouvoir_{m.pk}"] else None)
                for m in self.members}  # fmt: skip


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Fichier CSV des votes"),
        help_text=_("Une ligne par élu et par délibération (colonnes décrites ci-dessus)."),
        error_messages={"required": _("Choisissez un fichier CSV.")},
    )  # fmt: skip

    def clean_file(self):
        raw = self.cleaned_data["file"].read(5_000_001)
        if len(raw) > 5_000_000:
            raise forms.ValidationError(_("Fichier trop gros : 5 Mo au plus."))
        for encoding in ("utf-8-sig", "cp1252"):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                continue
        raise forms.ValidationError(_("Fichier illisible : enregistrez-le en CSV UTF-8."))
