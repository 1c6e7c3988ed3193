from django import forms

from accounts.models import Membership


class InviteForm(forms.Form):
    email = forms.EmailField(label="Adresse e-mail de la personne", max_length=254)
    role = forms.ChoiceField(
        label="Rôle dans la structure",
        choices=Membership.Role.choices,
        initial=Membership.Role.MEMBER,
        widget=forms.RadioSelect,
        help_text="Un administrateur gère aussi les membres de la structure.",
    )


class JoinForm(forms.Form):
    message = forms.CharField(
        label="Un mot pour l’administrateur (facultatif)",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Par exemple votre fonction dans la structure.",
    )


class DecideForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accepter", "Accepter"), ("refuser", "Refuser")])
    reason = forms.CharField(label="Motif du refus (envoyé à la personne)", required=False, max_length=500)
