"""The public forms of the debates, commitments and juries (French errors; the honeypot on every public one)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from civic.models import Commitment, Proposal, Volunteer
from core.forms import HoneypotMixin

REQUIRED = _("Ce champ est obligatoire.")


def _text(label, max_length, rows=None, help_text="", required=True):
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput()
    return forms.CharField(
        label=label, max_length=max_length, widget=widget, help_text=help_text, required=required,
        error_messages={"required": REQUIRED, "max_length": _("%(n)s caractères au plus.") % {"n": max_length}},
    )  # fmt: skip


def _email(help_text=""):
    return forms.EmailField(
        label=_("Adresse e-mail"), help_text=help_text, widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": REQUIRED, "invalid": _("Cette adresse e-mail n’est pas valide (exemple : nom@exemple.fr)."),
        },
    )  # fmt: skip


def _consent(label):
    return forms.BooleanField(label=label, error_messages={"required": _("Cochez la case pour continuer.")})


class ParticipantForm(HoneypotMixin):
    full_name = _text(
        _("Prénom et nom"), 150, help_text=_("Seuls votre prénom et l’initiale de votre nom sont affichés.")
    )
    email = _email(_("Nous y envoyons le lien qui crée votre compte. Elle n’est jamais affichée."))
    consent = _consent(
        _("J’accepte que mon prénom et l’initiale de mon nom accompagnent mes propositions et commentaires.")
    )


class ProposalForm(HoneypotMixin):
    title = _text(_("Titre de la proposition"), 150)
    body = _text(_("Votre proposition"), 5000, rows=8, help_text=_("Ce que vous proposez et pourquoi."))


class CommentForm(HoneypotMixin):
    body = _text(_("Votre commentaire"), 3000, rows=4)


class FlagForm(HoneypotMixin):
    reason = _text(
        _("Pourquoi signalez-vous ce texte ?"), 500, rows=3, help_text=_("Propos injurieux, données personnelles…")
    )


class AnswerForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Décision"), widget=forms.RadioSelect, choices=[c for c in Proposal.Answer.choices if c[0]],
        error_messages={"required": _("Choisissez la décision.")},
    )  # fmt: skip
    text = _text(_("Réponse publiée sous la proposition"), 5000, rows=6)
    signed_as = _text(_("Signée"), 150, help_text=_("Votre nom et votre fonction, tels qu’affichés."))


class ModerationForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Décision"), widget=forms.RadioSelect,
        choices=[("masquer", _("Masquer, avec un motif affiché à sa place")), ("garder", _("Laisser visible"))],
        error_messages={"required": _("Choisissez « Masquer » ou « Laisser visible ».")},
    )  # fmt: skip
    reason = _text(
        _("Motif affiché à la place du texte"), 300, required=False, help_text=_("Obligatoire pour masquer.")
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "masquer" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Dites pourquoi ce texte est masqué : le motif est affiché à sa place."))
        return data


class FollowForm(HoneypotMixin):
    email = _email(_("Nous y envoyons un lien de confirmation, puis un message à chaque changement. Jamais affichée."))


class VolunteerForm(HoneypotMixin):
    first_name = _text(_("Prénom"), 80)
    last_name = _text(_("Nom"), 80)
    email = _email(_("Pour confirmer votre candidature et vous prévenir du tirage."))
    area = _text(_("Commune ou quartier"), 100)
    age_band = forms.ChoiceField(
        label=_("Tranche d’âge"), choices=[("", _("Choisissez")), *Volunteer.AgeBand.choices],
        error_messages={"required": _("Choisissez votre tranche d’âge.")},
    )  # fmt: skip
    sex = forms.ChoiceField(
        label=_("Sexe"), widget=forms.RadioSelect, choices=Volunteer.Sex.choices,
        error_messages={"required": _("Choisissez une réponse.")},
    )  # fmt: skip
    consent = _consent(
        _(
            "J’accepte que ces informations servent au tirage au sort : la liste publiée pour vérifier le tirage ne "
            "montre que mon numéro, ma commune ou mon quartier, ma tranche d’âge et mon sexe ; mon nom et mon adresse "
            "sont effacés après le jury."
        )
    )


class CommitmentUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("État"), choices=Commitment.Status.choices)
    progress = forms.IntegerField(
        label=_("Avancement (%)"), required=False, min_value=0, max_value=100,
        help_text=_("De 0 à 100. Laissé vide : inchangé (calculé pour un engagement qui a des sous-engagements)."),
        error_messages={
            "min_value": _("De 0 à 100."), "max_value": _("De 0 à 100."), "invalid": _("Un nombre de 0 à 100."),
        },
    )  # fmt: skip
    note = _text(
        _("Note publique"),
        3000,
        rows=4,
        help_text=_("Ce qui a changé et pourquoi : elle est publiée et envoyée aux abonnés."),
    )
    abandon_reason = _text(
        _("Motif de l’abandon"), 2000, rows=3, required=False, help_text=_("Obligatoire pour « abandonné ».")
    )


class DrawStepForm(forms.Form):
    """The coordination's three steps: close (announce the seed's source), draw (type the seed), end."""

    step = forms.ChoiceField(
        choices=[("clore", "clore"), ("tirer", "tirer"), ("terminer", "terminer")], widget=forms.HiddenInput
    )
    seed_source = _text(_("D’où viendra la graine"), 300, required=False,
                        help_text=_("Une valeur publique à venir : « numéros du Loto du 14 mars 2027 »."))  # fmt: skip
    seed = _text(_("La graine, maintenant connue"), 200, required=False, help_text=_("Recopiez la valeur exactement."))
