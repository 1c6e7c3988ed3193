"""The follow-up's two forms: the consent (on the result page), and the answer (from the e-mailed link)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import HoneypotMixin
from rights.models import FollowUpCount
from rights.situation import BY_KEY


class ConsentForm(HoneypotMixin, forms.Form):
    email = forms.EmailField(
        label=_("Votre adresse e-mail"),
        error_messages={
            "required": _("Indiquez votre adresse e-mail."),
            "invalid": _("Cette adresse e-mail n’est pas valide."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        error_messages={"required": _("Cochez la case pour accepter ce message.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = gettext(
            "J’accepte de recevoir un seul message dans %(days)s jours ; mon adresse sera effacée dès ma réponse, ou "
            "au plus tard %(keep_days)s jours après ce message."
        ) % {"days": settings.ANCRAGE_RIGHTS_FOLLOWUP_DAYS, "keep_days": settings.ANCRAGE_RIGHTS_FOLLOWUP_KEEP_DAYS}


class AnswerForm(forms.Form):
    def __init__(self, *args, benefits: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        for key in benefits:
            self.fields[key] = forms.ChoiceField(
                label=gettext(BY_KEY[key].label),
                choices=FollowUpCount.Outcome.choices,
                widget=forms.RadioSelect,
                required=False,
            )
