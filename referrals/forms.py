"""The professional's form (the person's minimum data and consent) and the structure's answer."""

from django import forms
from django.utils.translation import gettext_lazy as _

from referrals.domain.sending import CONSENT_TEXT, Person
from referrals.models import RefusalReason


class ReferralForm(forms.Form):
    first_name = forms.CharField(label=_("Prénom de la personne"), max_length=100)
    last_name = forms.CharField(label=_("Nom de la personne"), max_length=100)
    phone = forms.CharField(
        label=_("Téléphone de la personne"), max_length=20, required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
    )  # fmt: skip
    email = forms.EmailField(
        label=_("Courriel de la personne"), required=False, widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        help_text=_("Au moins un moyen de la joindre : téléphone ou courriel."),
    )  # fmt: skip
    message = forms.CharField(
        label=_("Message pour la structure"), max_length=500, required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("500 caractères au plus. Ce dont la personne a besoin, ses disponibilités : le strict nécessaire."),
    )  # fmt: skip
    consent = forms.BooleanField(
        label=_("La personne a été informée et donne son accord"),
        help_text=_(CONSENT_TEXT),  # shown translated; stored as worded (sending.CONSENT_TEXT)
        error_messages={"required": _("Cochez cette case : sans l’accord de la personne, rien n’est transmis.")},
    )
    situation = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)

    def clean(self):
        data = super().clean()
        if not (data.get("phone") or data.get("email")) and "phone" not in self.errors and "email" not in self.errors:
            self.add_error("phone", _("Indiquez au moins un moyen de joindre la personne : téléphone ou courriel."))
        return data

    def person(self) -> Person:
        d = self.cleaned_data
        return Person(d["first_name"], d["last_name"], d.get("phone", ""), d.get("email", ""), d.get("message", ""))


class AnswerForm(forms.Form):
    ACTIONS = ("accepter", "refuser", "contact", "venue", "non-venue")

    action = forms.ChoiceField(choices=[(a, a) for a in ACTIONS], widget=forms.HiddenInput)
    reason = forms.ChoiceField(
        label=_("Motif du refus"), choices=RefusalReason.choices, widget=forms.RadioSelect,
        error_messages={"required": _("Choisissez le motif du refus.")},
    )  # fmt: skip
    note = forms.CharField(
        label=_("Précision"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Nécessaire pour « Autre raison ». Elle est transmise au professionnel."),
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound and self.data.get("action") != "refuser":
            self.fields["reason"].required = False  # a reason is asked of a refusal only

    def clean(self):
        data = super().clean()
        if data.get("reason") == RefusalReason.OTHER and not data.get("note", "").strip():
            self.add_error("note", _("Précisez la raison du refus."))
        return data


class AttendanceForm(forms.Form):
    attended = forms.TypedChoiceField(
        choices=[("oui", "oui"), ("non", "non")], coerce=lambda v: v == "oui", widget=forms.HiddenInput
    )
