"""The greffe's forms: a deliberation, its vote sheet (one vote and one optional proxy per member), a CSV file."""

from django import forms

from civic.models import Deliberation, Vote


class DeliberationForm(forms.Form):
    date = forms.DateField(
        label="Date de la séance", help_text="Par exemple 12/03/2027.", widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": "Indiquez la date de la séance.", "invalid": "Date illisible : par exemple 12/03/2027.",
        },
    )  # fmt: skip
    place = forms.CharField(label="Lieu de la séance", max_length=200, required=False)
    number = forms.CharField(label="Numéro de la délibération", max_length=40, help_text="Par exemple 2027-015.")
    title = forms.CharField(label="Objet", max_length=500, widget=forms.Textarea(attrs={"rows": 2}))
    subject_code = forms.RegexField(
        label="Code matière (nomenclature Actes)", regex=r"^\d(\.\d{1,2}){1,2}$", max_length=10,
        help_text="Par exemple 7.1.",
        error_messages={"invalid": "Un code de la nomenclature Actes : par exemple 7.1 ou 8.5.2."},
    )  # fmt: skip
    subject_name = forms.CharField(
        label="Matière", max_length=200, help_text="Par exemple « Finances locales/Décisions budgétaires »."
    )
    result = forms.ChoiceField(label="Résultat", choices=Deliberation.Result.choices, widget=forms.RadioSelect)
    url = forms.URLField(
        label="Lien vers l’acte",
        required=False,
        assume_scheme="https",
        error_messages={"invalid": "Une adresse web complète."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, f in self.fields.items():
            if name != "date":
                f.error_messages["required"] = "Ce champ est obligatoire."


class VoteSheetForm(forms.Form):
    """Two fields per member sitting that day: `vote_<id>` and `pouvoir_<id>`."""

    def __init__(self, *args, members, votes=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = members
        votes = votes or {}
        proxies = [("", "aucun (vote en personne ou absent)")] + [(str(m.pk), m.name) for m in members]
        for m in members:
            choice, proxy = votes.get(m.pk, ("", None))
            self.fields[f"vote_{m.pk}"] = forms.ChoiceField(
                label=f"Vote de {m.name}", choices=[("", "Choisissez"), *Vote.Choice.choices], initial=choice,
                error_messages={"required": f"Indiquez le vote de {m.name}."},
            )  # fmt: skip
            self.fields[f"pouvoir_{m.pk}"] = forms.ChoiceField(
                label=f"Pouvoir donné par {m.name} à", choices=proxies, required=False,
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
        label="Fichier CSV des votes", help_text="Une ligne par élu et par délibération (colonnes décrites ci-dessus).",
        error_messages={"required": "Choisissez un fichier CSV."},
    )  # fmt: skip

    def clean_file(self):
        raw = self.cleaned_data["file"].read(5_000_001)
        if len(raw) > 5_000_000:
            raise forms.ValidationError("Fichier trop gros : 5 Mo au plus.")
        for encoding in ("utf-8-sig", "cp1252"):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                continue
        raise forms.ValidationError("Fichier illisible : enregistrez-le en CSV UTF-8.")
