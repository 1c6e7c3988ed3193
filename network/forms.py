"""The network's forms: a profile, the directory's search, a practice sheet, a moderator's decision. They parse
and say in French what is wrong; the domain (`network.domain`) decides."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

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
        label=_("J’accepte d’apparaître dans l’annuaire du réseau"), required=False,
        help_text=_("Seuls les professionnels connectés et la coordination le voient ; vous pouvez vous retirer à "
                    "tout moment. Rien n’est publié ailleurs (ni données ouvertes, ni API)."),
    )  # fmt: skip
    job_title = forms.CharField(
        label=_("Votre fonction"), max_length=120, required=False, help_text=_("Par exemple : conseillère numérique.")
    )
    needs = forms.MultipleChoiceField(
        label=_("Ce pour quoi vous aidez"), choices=v.NEEDS.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    communes = forms.CharField(
        label=_("Communes où vous intervenez"), required=False, max_length=1000,
        help_text=_("Séparées par des virgules, par exemple : Massy, Palaiseau, 91940."),
    )  # fmt: skip
    languages = forms.MultipleChoiceField(
        label=_("Langues parlées en plus du français"), choices=v.LANGUAGES.choices,
        widget=forms.CheckboxSelectMultiple, required=False,
    )  # fmt: skip
    labels = forms.MultipleChoiceField(
        label=_("Habilitations, labels et formations"), choices=v.LABELS.choices,
        widget=forms.CheckboxSelectMultiple, required=False,
    )  # fmt: skip
    other_label = forms.CharField(
        label=_("Autre formation ou label"), max_length=200, required=False,
        help_text=_("Si vous avez coché « Autre formation ou label » : lequel."),
    )  # fmt: skip
    work_email = forms.EmailField(
        label=_("Adresse e-mail professionnelle à montrer"), required=False,
        help_text=_("Vue des seuls professionnels du réseau. Laissez vide pour ne pas la montrer."),
        error_messages={"invalid": _("Cette adresse ne se lit pas : écrivez-la comme nom@structure.fr.")},
    )  # fmt: skip
    work_phone = forms.CharField(
        label=_("Téléphone professionnel à montrer"), max_length=30, required=False,
        help_text=_("Par exemple 01 69 00 00 00. Vu des seuls professionnels du réseau."),
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
            raise ValidationError(
                _("Commune introuvable : %(names)s. Vérifiez l’orthographe ou écrivez le code postal.")
                % {"names": ", ".join(unknown)}
            )
        return list({c.code_insee: c for c in found}.values())

    def clean_work_phone(self):
        raw = self.cleaned_data["work_phone"].strip()
        number = normalize.phone(raw) if raw else ""
        if raw and not number:
            raise ValidationError(_("Ce numéro ne se lit pas : écrivez dix chiffres, par exemple 01 69 00 00 00."))
        return number

    def clean(self):
        data = super().clean()
        if v.OTHER_LABEL in data.get("labels", []) and not data.get("other_label", "").strip():
            self.add_error("other_label", _("Dites quelle autre formation ou quel autre label vous avez."))
        return data

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in ("job_title", "needs", "languages", "labels",
                                                           "other_label", "work_email", "work_phone")}  # fmt: skip


class DirectoryForm(forms.Form):
    """The directory's filters, read from the URL (GET): a commune, a need, a label, a language."""

    ou = forms.CharField(label=_("Commune ou code postal"), required=False, max_length=100,
                         help_text=_("Par exemple : Massy ou 91300"))  # fmt: skip
    besoin = forms.ChoiceField(label=_("Aide pour"), required=False, choices=_choices(v.NEEDS, _("Tous les besoins")))
    label = forms.ChoiceField(label=_("Habilitation ou label"), required=False,
                              choices=_choices(v.LABELS, pgettext_lazy("labels", "Tous")))  # fmt: skip
    langue = forms.ChoiceField(label=_("Langue parlée"), required=False,
                               choices=_choices(v.LANGUAGES, pgettext_lazy("languages", "Toutes")))  # fmt: skip

    def clean_ou(self):
        text = self.cleaned_data["ou"].strip()
        self.commune = resolve_commune(text) if text else None
        if text and self.commune is None:
            raise ValidationError(_("Commune introuvable : vérifiez l’orthographe ou écrivez le code postal."))
        return text


class PracticeFilterForm(forms.Form):
    theme = forms.ChoiceField(label=_("Thème"), required=False, choices=_choices(v.NEEDS, _("Tous les thèmes")))
    public = forms.ChoiceField(label=_("Public"), required=False, choices=_choices(v.PUBLICS, _("Tous les publics")))


class PracticeForm(HoneypotMixin, AccessibleForm, forms.ModelForm):
    themes = forms.MultipleChoiceField(
        label=_("Thèmes"), choices=v.NEEDS.choices, widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Cochez au moins un thème.")},
    )  # fmt: skip
    publics = forms.MultipleChoiceField(
        label=_("Publics"), choices=v.PUBLICS.choices, widget=forms.CheckboxSelectMultiple, required=False
    )

    class Meta:
        model = Practice
        fields = ["structure", "title", "summary", "themes", "publics", "time_needed", "people_needed",
                  "equipment_needed", "worked", "avoid"]  # fmt: skip
        widgets = {"summary": forms.Textarea(attrs={"rows": 5}), "worked": forms.Textarea(attrs={"rows": 4}),
                   "avoid": forms.Textarea(attrs={"rows": 4})}  # fmt: skip
        help_texts = {
            "structure": _("La structure que les autres contacteront pour en savoir plus."),
            "summary": _("Le format, le public, le déroulé : ce qu’un collègue doit savoir pour essayer."),
            "time_needed": _("Par exemple : deux heures par semaine pendant six semaines."),
            "people_needed": _("Par exemple : une médiatrice et un bénévole."),
            "equipment_needed": _("Par exemple : six tablettes prêtées, une salle avec WiFi."),
        }
        error_messages = {
            "title": {"required": _("Donnez un titre à la fiche.")},
            "summary": {"required": _("Décrivez la pratique en quelques lignes.")},
            "structure": {"required": _("Choisissez la structure à contacter.")},
        }

    def __init__(self, *args, structures, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["structure"].queryset = structures
        self.fields["structure"].empty_label = None


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Décision"), widget=forms.RadioSelect,
        error_messages={"required": _("Choisissez une décision.")},
    )  # fmt: skip
    reason = forms.CharField(
        label=_("Message à l’auteur"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Obligatoire pour refuser ou dépublier : il est envoyé à la personne qui a écrit la fiche."),
    )  # fmt: skip

    def __init__(self, *args, published: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = (
            [("depublier", _("Dépublier la fiche"))] if published
            else [("accepter", _("Accepter : la fiche est publiée")), ("refuser", _("Refuser"))]
        )  # fmt: skip

    def clean(self):
        data = super().clean()
        if data.get("decision") in ("refuser", "depublier") and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Dites à l’auteur pourquoi : ce message lui est envoyé."))
        return data
