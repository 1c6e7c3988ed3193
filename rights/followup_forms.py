"""The follow-up's two forms: the consent (on the result page), and the answer (from the e-mailed link)."""

from django import forms
from django.conf import settings

from core.forms import HoneypotMixin
from rights.models import FollowUpCount
from rights.situation import BY_KEY


class ConsentForm(HoneypotMixin, forms.Form):
    email = forms.EmailField(
        label="Votre adresse e-mail",
        error_messages={
            "required": "Indiquez votre adresse e-mail.",
            "invalid": "Cette adresse e-mail n’est pas valide.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        error_messages={"required": "Cochez la case pour accepter ce message."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = (
            f"J’accepte de recevoir un seul message dans {settings.ANCRAGE_RIGHTS_FOLLOWUP_DAYS} jours ; mon adresse "
            "sera effacée dès ma réponse, ou au plus tard "
            f"{settings.ANCRAGE_RIGHTS_FOLLOWUP_KEEP_DAYS} jours après ce message."
        )


class AnswerForm(forms.Form):
    def __init__(self, *args, benefits: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        for key in benefits:
            self.fields[key] = forms.ChoiceField(
                label=BY_KEY[key].label,
                choices=FollowUpCount.Outcome.choices,
                widget=forms.RadioSelect,
                required=False,
            )
