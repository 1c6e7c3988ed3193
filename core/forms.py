"""A honeypot for public forms: a field people never see nor fill, that robots fill."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

HONEYPOT = "site_web_2"


class HoneypotMixin(forms.Form):
    site_web_2 = forms.CharField(
        label=_("Laissez ce champ vide"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1", "class": "hp-input"}),
    )

    def clean_site_web_2(self):
        if self.cleaned_data.get(HONEYPOT):
            raise ValidationError(gettext("Ce champ doit rester vide : il sert à repérer les envois automatiques."))
        return ""
