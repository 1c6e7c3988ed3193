from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Membership


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Adresse e-mail de la personne"), max_length=254)
    role = forms.ChoiceField(
        label=_("Rôle dans la structure"),
        choices=Membership.Role.choices,
        initial=Membership.Role.MEMBER,
        widget=forms.RadioSelect,
        help_text=_("Un administrateur gère aussi les membres de la structure."),
    )


class JoinForm(forms.Form):
    message = forms.CharField(
        label=_("Un mot pour l’administrateur (facultatif)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Par exemple votre fonction dans la structure."),
    )


class DecideForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accepter", _("Accepter")), ("refuser", _("Refuser"))])
    reason = forms.CharField(label=_("Motif du refus (envoyé à la personne)"), required=False, max_length=500)
