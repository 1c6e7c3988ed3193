"""The public forms of the debates, commitments and juries (French errors; the honeypot on every public one)."""

from django import forms

from civic.models import Commitment, Proposal, Volunteer
from core.forms import HoneypotMixin

REQUIRED = "Ce champ est obligatoire."


def _text(label, max_length, rows=None, help_text="", required=True):
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput()
    return forms.CharField(
        label=label, max_length=max_length, widget=widget, help_text=help_text, required=required,
        error_messages={"required": REQUIRED, "max_length": f"{max_length} caractères au plus."},
    )  # fmt: skip


def _email(help_text=""):
    return forms.EmailField(
        label="Adresse e-mail", help_text=help_text, widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": REQUIRED, "invalid": "Cette adresse e-mail n’est pas valide (exemple : nom@exemple.fr).",
        },
    )  # fmt: skip


def _consent(label):
    return forms.BooleanField(label=label, error_messages={"required": "Cochez la case pour continuer."})


class ParticipantForm(HoneypotMixin):
    full_name = _text("Prénom et nom", 150, help_text="Seuls votre prénom et l’initiale de votre nom sont affichés.")
    email = _email("Nous y envoyons le lien qui crée votre compte. Elle n’est jamais affichée.")
    consent = _consent(
        "J’accepte que mon prénom et l’initiale de mon nom accompagnent mes propositions et commentaires."
    )


class ProposalForm(HoneypotMixin):
    title = _text("Titre de la proposition", 150)
    body = _text("Votre proposition", 5000, rows=8, help_text="Ce que vous proposez et pourquoi.")


class CommentForm(HoneypotMixin):
    body = _text("Votre commentaire", 3000, rows=4)


class FlagForm(HoneypotMixin):
    reason = _text(
        "Pourquoi signalez-vous ce texte ?", 500, rows=3, help_text="Propos injurieux, données personnelles…"
    )


class AnswerForm(forms.Form):
    status = forms.ChoiceField(
        label="Décision", widget=forms.RadioSelect, choices=[c for c in Proposal.Answer.choices if c[0]],
        error_messages={"required": "Choisissez la décision."},
    )  # fmt: skip
    text = _text("Réponse publiée sous la proposition", 5000, rows=6)
    signed_as = _text("Signée", 150, help_text="Votre nom et votre fonction, tels qu’affichés.")


class ModerationForm(forms.Form):
    decision = forms.ChoiceField(
        label="Décision", widget=forms.RadioSelect,
        choices=[("masquer", "Masquer, avec un motif affiché à sa place"), ("garder", "Laisser visible")],
        error_messages={"required": "Choisissez « Masquer » ou « Laisser visible »."},
    )  # fmt: skip
    reason = _text("Motif affiché à la place du texte", 300, required=False, help_text="Obligatoire pour masquer.")

    def clean(self):
        data = super().clean()
        if data.get("decision") == "masquer" and not (data.get("reason") or "").strip():
            self.add_error("reason", "Dites pourquoi ce texte est masqué : le motif est affiché à sa place.")
        return data


class FollowForm(HoneypotMixin):
    email = _email("Nous y envoyons un lien de confirmation, puis un message à chaque changement. Jamais affichée.")


class VolunteerForm(HoneypotMixin):
    first_name = _text("Prénom", 80)
    last_name = _text("Nom", 80)
    email = _email("Pour confirmer votre candidature et vous prévenir du tirage.")
    area = _text("Commune ou quartier", 100)
    age_band = forms.ChoiceField(
        label="Tranche d’âge", choices=[("", "Choisissez"), *Volunteer.AgeBand.choices],
        error_messages={"required": "Choisissez votre tranche d’âge."},
    )  # fmt: skip
    sex = forms.ChoiceField(
        label="Sexe", widget=forms.RadioSelect, choices=Volunteer.Sex.choices,
        error_messages={"required": "Choisissez une réponse."},
    )  # fmt: skip
    consent = _consent(
        "J’accepte que ces informations servent au tirage au sort : la liste publiée pour vérifier le tirage ne "
        "montre que mon numéro, ma commune ou mon quartier, ma tranche d’âge et mon sexe ; mon nom et mon adresse "
        "sont effacés après le jury."
    )


class CommitmentUpdateForm(forms.Form):
    status = forms.ChoiceField(label="État", choices=Commitment.Status.choices)
    progress = forms.IntegerField(
        label="Avancement (%)", required=False, min_value=0, max_value=100,
        help_text="De 0 à 100. Laissé vide : inchangé (calculé pour un engagement qui a des sous-engagements).",
        error_messages={"min_value": "De 0 à 100.", "max_value": "De 0 à 100.", "invalid": "Un nombre de 0 à 100."},
    )  # fmt: skip
    note = _text(
        "Note publique",
        3000,
        rows=4,
        help_text="Ce qui a changé et pourquoi : elle est publiée et envoyée aux abonnés.",
    )
    abandon_reason = _text(
        "Motif de l’abandon", 2000, rows=3, required=False, help_text="Obligatoire pour « abandonné »."
    )


class DrawStepForm(forms.Form):
    """The coordination's three steps: close (announce the seed's source), draw (type the seed), end."""

    step = forms.ChoiceField(
        choices=[("clore", "clore"), ("tirer", "tirer"), ("terminer", "terminer")], widget=forms.HiddenInput
    )
    seed_source = _text("D’où viendra la graine", 300, required=False,
                        help_text="Une valeur publique à venir : « numéros du Loto du 14 mars 2027 ».")  # fmt: skip
    seed = _text("La graine, maintenant connue", 200, required=False, help_text="Recopiez la valeur exactement.")
