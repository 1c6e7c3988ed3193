"""The network's forms: a profile, the directory's search, a practice sheet, a moderator's decision. They parse
and say in French what is wrong; the domain (`network.domain`) decides."""

from django import forms
from django.core.exceptions import ValidationError

from contributions.forms import AccessibleForm
from core.forms import HoneypotMixin
from datahub import normalize
from directory.presentation import phone_display
from network import vocabularies as v
from network.models import Practice
from territory.search import resolve_commune

_SEPARATORS = str.maketrans({";": ",", "\n": ","})


def _choices(vocabulary, empty: str):
    return [("", empty), *vocabulary.choices]


class ProfileForm(HoneypotMixin, AccessibleForm):
    listed = forms.BooleanField(
        label="J’accepte d’apparaître dans l’annuaire du réseau", required=False,
        help_text="Seuls les professionnels connectés et la coordination le voient ; vous pouvez vous retirer à "
        "tout moment. Rien n’est publié ailleurs (ni données ouvertes, ni API).",
    )  # fmt: skip
    job_title = forms.CharField(
        label="Votre fonction", max_length=120, required=False, help_text="Par exemple : conseillère numérique."
    )
    needs = forms.MultipleChoiceField(
        label="Ce pour quoi vous aidez", choices=v.NEEDS.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    communes = forms.CharField(
        label="Communes où vous intervenez", required=False, max_length=1000,
        help_text="Séparées par des virgules, par exemple : Massy, Palaiseau, 91940.",
    )  # fmt: skip
    languages = forms.MultipleChoiceField(
        label="Langues parlées en plus du français", choices=v.LANGUAGES.choices,
        widget=forms.CheckboxSelectMultiple, required=False,
    )  # fmt: skip
    labels = forms.MultipleChoiceField(
        label="Habilitations, labels et formations", choices=v.LABELS.choices,
        widget=forms.CheckboxSelectMultiple, required=False,
    )  # fmt: skip
    other_label = forms.CharField(
        label="Autre formation ou label", max_length=200, required=False,
        help_text="Si vous avez coché « Autre formation ou label » : lequel.",
    )  # fmt: skip
    work_email = forms.EmailField(
        label="Adresse e-mail professionnelle à montrer", required=False,
        help_text="Vue des seuls professionnels du réseau. Laissez vide pour ne pas la montrer.",
        error_messages={"invalid": "Cette adresse ne se lit pas : écrivez-la comme nom@structure.fr."},
    )  # fmt: skip
    work_phone = forms.CharField(
        label="Téléphone professionnel à montrer", max_length=30, required=False,
        help_text="Par exemple 01 69 00 00 00. Vu des seuls professionnels du réseau.",
    )  # fmt: skip

    @classmethod
    def for_profile(cls, profile, data=None):
        initial = {}
        if profile is not None:
            initial = {name: getattr(profile, name) for name in ("listed", "job_title", "needs", "languages",
                                                                 "labels", "other_label", "work_email")}  # fmt: skip
            initial["work_phone"] = phone_display(profile.work_phone) if profile.work_phone else ""
            initial["communes"] = ", ".join(c.nom for c in profile.communes.order_by("nom"))
        return cls(data, initial=initial)

    def clean_communes(self):
        found, unknown = [], []
        for part in (self.cleaned_data["communes"] or "").translate(_SEPARATORS).split(","):
            if part.strip():
                commune = resolve_commune(part.strip())
                (found.append(commune) if commune else unknown.append(part.strip()))
        if unknown:
            raise ValidationError("Commune introuvable : " + ", ".join(unknown) + ". Vérifiez l’orthographe ou "
                                  "écrivez le code postal.")  # fmt: skip
        return list({c.code_insee: c for c in found}.values())

    def clean_work_phone(self):
        raw = self.cleaned_data["work_phone"].strip()
        number = normalize.phone(raw) if raw else ""
        if raw and not number:
            raise ValidationError("Ce numéro ne se lit pas : écrivez dix chiffres, par exemple 01 69 00 00 00.")
        return number

    def clean(self):
        data = super().clean()
        if v.OTHER_LABEL in data.get("labels", []) and not data.get("other_label", "").strip():
            self.add_error("other_label", "Dites quelle autre formation ou quel autre label vous avez.")
        return data

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in ("job_title", "needs", "languages", "labels",
                                                           "other_label", "work_email", "work_phone")}  # fmt: skip


class DirectoryForm(forms.Form):
    """The directory's filters, read from the URL (GET): a commune, a need, a label, a language."""

    ou = forms.CharField(label="Commune ou code postal", required=False, max_length=100,
                         help_text="Par exemple : Massy ou 91300")  # fmt: skip
    besoin = forms.ChoiceField(label="Aide pour", required=False, choices=_choices(v.NEEDS, "Tous les besoins"))
    label = forms.ChoiceField(label="Habilitation ou label", required=False,
                              choices=_choices(v.LABELS, "Tous"))  # fmt: skip
    langue = forms.ChoiceField(label="Langue parlée", required=False,
                               choices=_choices(v.LANGUAGES, "Toutes"))  # fmt: skip

    def clean_ou(self):
        text = self.cleaned_data["ou"].strip()
        self.commune = resolve_commune(text) if text else None
        if text and self.commune is None:
            raise ValidationError("Commune introuvable : vérifiez l’orthographe ou écrivez le code postal.")
        return text


class PracticeFilterForm(forms.Form):
    theme = forms.ChoiceField(label="Thème", required=False, choices=_choices(v.NEEDS, "Tous les thèmes"))
    public = forms.ChoiceField(label="Public", required=False, choices=_choices(v.PUBLICS, "Tous les publics"))


class PracticeForm(HoneypotMixin, AccessibleForm, forms.ModelForm):
    themes = forms.MultipleChoiceField(
        label="Thèmes", choices=v.NEEDS.choices, widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Cochez au moins un thème."},
    )  # fmt: skip
    publics = forms.MultipleChoiceField(
        label="Publics", choices=v.PUBLICS.choices, widget=forms.CheckboxSelectMultiple, required=False
    )

    class Meta:
        model = Practice
        fields = ["structure", "title", "summary", "themes", "publics", "time_needed", "people_needed",
                  "equipment_needed", "worked", "avoid"]  # fmt: skip
        widgets = {"summary": forms.Textarea(attrs={"rows": 5}), "worked": forms.Textarea(attrs={"rows": 4}),
                   "avoid": forms.Textarea(attrs={"rows": 4})}  # fmt: skip
        help_texts = {
            "structure": "La structure que les autres contacteront pour en savoir plus.",
            "summary": "Le format, le public, le déroulé : ce qu’un collègue doit savoir pour essayer.",
            "time_needed": "Par exemple : deux heures par semaine pendant six semaines.",
            "people_needed": "Par exemple : une médiatrice et un bénévole.",
            "equipment_needed": "Par exemple : six tablettes prêtées, une salle avec WiFi.",
        }
        error_messages = {
            "title": {"required": "Donnez un titre à la fiche."},
            "summary": {"required": "Décrivez la pratique en quelques lignes."},
            "structure": {"required": "Choisissez la structure à contacter."},
        }

    def __init__(self, *args, structures, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["structure"].queryset = structures
        self.fields["structure"].empty_label = None


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Décision", widget=forms.RadioSelect,
        error_messages={"required": "Choisissez une décision."},
    )  # fmt: skip
    reason = forms.CharField(
        label="Message à l’auteur", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Obligatoire pour refuser ou dépublier : il est envoyé à la personne qui a écrit la fiche.",
    )  # fmt: skip

    def __init__(self, *args, published: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = (
            [("depublier", "Dépublier la fiche")] if published
            else [("accepter", "Accepter : la fiche est publiée"), ("refuser", "Refuser")]
        )  # fmt: skip

    def clean(self):
        data = super().clean()
        if data.get("decision") in ("refuser", "depublier") and not (data.get("reason") or "").strip():
            self.add_error("reason", "Dites à l’auteur pourquoi : ce message lui est envoyé.")
        return data
