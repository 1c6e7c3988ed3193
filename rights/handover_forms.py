"""« Transmettre ce résultat à la personne qui m’accompagne »: the recipient's address (or, for a logged-in
professional, « Garder dans mon suivi ») and the person's explicit consent."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import HoneypotMixin
from rights.domain import handover


class HandoverForm(HoneypotMixin, forms.Form):
    email = forms.EmailField(
        label=_("Adresse e-mail du professionnel ou de la structure"),
        error_messages={
            "required": _("Indiquez l’adresse e-mail de la personne ou de la structure qui vous accompagne."),
            "invalid": _("Cette adresse e-mail n’est pas valide."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    consent = forms.BooleanField(
        error_messages={"required": _("Cochez la case : sans votre accord, rien n’est transmis.")},
    )

    def __init__(self, *args, keep: bool = False, **kwargs):
        """`keep`: a logged-in professional keeps the result in their own account (no address needed)."""
        super().__init__(*args, **kwargs)
        self.fields["email"].required = not keep
        self.fields["consent"].label = handover.consent_text()
