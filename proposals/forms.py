"""The steps of a proposal. The place and its services reuse the structure space's forms (`PlaceForm`,
`ServiceForm`: the same fields, the same French checks); each step shows and validates its own sections."""

from django import forms
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy as _

from contributions.forms import AccessibleForm, PlaceForm, ServiceForm
from core.forms import HoneypotMixin
from directory.models import Place
from standards.identifiers import clean_identifier, validate_siret


class WhoForm(AccessibleForm):
    sections = [(_("Qui propose"), ["structure", "siret", "email", "role", "wants_admin"])]

    structure = forms.CharField(
        label=_("Nom de votre structure"), max_length=250,
        help_text=_("L’association, la commune, le CCAS ou l’entreprise qui accueille le public."),
        error_messages={"required": _("Écrivez le nom de votre structure.")},
    )  # fmt: skip
    siret = forms.CharField(
        label=_("Numéro SIRET de la structure"), required=False, max_length=20,
        help_text=_("14 chiffres, sur l’avis de situation INSEE ou annuaire-entreprises.data.gouv.fr."),
    )  # fmt: skip
    email = forms.EmailField(
        label=_("Votre adresse e-mail"), max_length=254,
        help_text=_("Nous vous écrivons pour confirmer la proposition, puis pour vous dire notre décision."),
        error_messages={"required": _("Écrivez votre adresse e-mail : nous en avons besoin pour confirmer."),
                        "invalid": _("Cette adresse ne se lit pas : écrivez-la comme nom@exemple.fr.")},
    )  # fmt: skip
    role = forms.CharField(
        label=_("Votre rôle dans la structure"), max_length=100,
        help_text=_("Par exemple : bénévole, salariée, responsable, élu."),
        error_messages={"required": _("Dites en quelques mots votre rôle dans la structure.")},
    )  # fmt: skip
    wants_admin = forms.BooleanField(
        label=_("Je souhaite gérer la fiche de ma structure"), required=False,
        help_text=_("Après validation, vous recevrez un accès pour tenir la fiche à jour vous-même."),
    )  # fmt: skip

    def clean_siret(self):
        value = clean_identifier(self.cleaned_data["siret"])
        validate_siret(value)
        return value

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class SendForm(HoneypotMixin, forms.Form):
    """The last step: only the honeypot, the rest was checked step by step."""


def data_of(stored: dict | None) -> MultiValueDict | None:
    """The posted fields kept in the draft, as a form reads them (None: the step was never filled)."""
    return MultiValueDict(stored) if stored is not None else None


def posted(request, form) -> dict:
    """What the visitor typed in this form's fields, to keep in the draft as it was typed."""
    return {
        form.add_prefix(name): request.POST.getlist(form.add_prefix(name))
        for name in form.fields
        if form.add_prefix(name) in request.POST
    }


def only(form, names: list[str]) -> bool:
    """Validate `form` keeping only the errors of `names` (the step's fields); True when the step is right."""
    form.full_clean()
    for name in list(form.errors):
        if name not in names and name != "__all__":
            del form.errors[name]
    return not form.errors


class PlaceStep:
    """A step of the place: some sections of `PlaceForm` (bound to everything typed so far)."""

    def __init__(self, titles: list[str]):
        self.titles = titles

    def names(self, form) -> list[str]:
        return [name for title, names in form.sections if title in self.titles for name in names]

    def form(self, data) -> PlaceForm:
        form = PlaceForm(data, place=Place())
        form.sections = [(title, names) for title, names in PlaceForm.sections if title in self.titles]
        return form


PLACE_STEP = PlaceStep([_("Nom et présentation"), _("Adresse"), _("Contact")])
RECEPTION_STEP = PlaceStep([_("Horaires"), _("Accueil"), _("Publics et accessibilité")])


def service_form(data, index: int, place: Place) -> ServiceForm:
    return ServiceForm(data, place=place, prefix=f"s{index}")


def check_who(data) -> WhoForm:
    form = WhoForm(data)
    form.full_clean()
    return form
