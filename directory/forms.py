"""The search form: reads the URL's parameters, says in French what is wrong, builds Criteria."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import HoneypotMixin
from directory import needs
from directory.domain import search
from directory.domain.search import (
    ACCUEIL_DISTANCE,
    ACCUEIL_ITINERANT,
    ACCUEIL_PRESENTIEL,
    OPEN_NOW,
    Criteria,
)
from directory.models import ErrorReport
from standards import dataincl as di
from standards import lieux
from territory.search import arrondissement_postal_code, close_communes, resolve_commune, split_postal_code

RADII_KM = (2, 5, 10, 20, 30, 50)  # the distances a person may choose; the last is the largest (public register)
RADIUS_CHOICES = [(r, f"{r} km") for r in RADII_KM]
ACCUEIL_CHOICES = [
    ("", _("Sur place ou à distance")),
    (ACCUEIL_PRESENTIEL, _("Sur place")),
    (ACCUEIL_DISTANCE, _("À distance (téléphone, visio)")),
    (ACCUEIL_ITINERANT, _("Itinérant (vient près de chez moi)")),
]
OPEN_CHOICES = [
    ("", _("Peu importe")),
    (OPEN_NOW, _("Ouvert maintenant")),
    ("1", _("Ouvert le lundi")),
    ("2", _("Ouvert le mardi")),
    ("3", _("Ouvert le mercredi")),
    ("4", _("Ouvert le jeudi")),
    ("5", _("Ouvert le vendredi")),
    ("6", _("Ouvert le samedi")),
    ("7", _("Ouvert le dimanche")),
]
PUBLIC_CHOICES = [(p, label) for p, label in di.PUBLICS.choices if p != di.TOUS_PUBLICS]
SUPPORT_CHOICES = lieux.PRISE_EN_CHARGE_SPECIFIQUE.choices
PROGRAMME_CHOICES = lieux.DISPOSITIF_PROGRAMMES_NATIONAUX.choices
# The lieux standard's `modalites_accompagnement` values, in the words of the people who choose them.
MODALITY_CHOICES = [
    ("Accompagnement individuel", _("Individuellement : une personne m’aide")),
    ("Dans un atelier collectif", _("En atelier, en groupe")),
    ("En autonomie", _("En libre-service (matériel à disposition)")),
]
NO_PLACE_YET = _("aucun lieu pour l’instant")


class NeedSelect(forms.Select):
    """The needs list; a need that no place answers yet is shown, disabled, with « aucun lieu pour l’instant »."""

    unavailable: frozenset[str] = frozenset()

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if value in self.unavailable:
            option["label"] = f"{label} — {NO_PLACE_YET}"
            option["attrs"]["disabled"] = True
        return option


def checkboxes(label: str, choices) -> forms.MultipleChoiceField:
    """An optional filter of several values, shown as a list of checkboxes."""
    return forms.MultipleChoiceField(label=label, choices=choices, required=False, widget=forms.CheckboxSelectMultiple)


class SearchForm(forms.Form):
    besoin = forms.ChoiceField(
        label=_("De quoi avez-vous besoin ?"),
        choices=[("", _("Tous les besoins")), *needs.CHOICES],
        required=False,
        widget=NeedSelect,
        error_messages={"invalid_choice": _("Le besoin « %(value)s » n’existe pas : choisissez-en un dans la liste.")},
    )
    ou = forms.CharField(
        label=_("Où ?"),
        help_text=_("Une commune ou un code postal, par exemple : Massy ou 91300"),
        max_length=120,
        required=False,
    )
    rayon = forms.TypedChoiceField(
        label=_("Distance maximale"), choices=RADIUS_CHOICES, coerce=int, required=False, empty_value=None, initial=10
    )
    accueil = forms.ChoiceField(label=_("Comment ?"), choices=ACCUEIL_CHOICES, required=False)
    gratuit = forms.BooleanField(label=_("Gratuit uniquement"), required=False)
    rdv = forms.BooleanField(label=_("Rendez-vous en ligne possible"), required=False)
    anciens = forms.BooleanField(label=_("Inclure les fiches anciennes"), required=False)
    ouvert = forms.ChoiceField(label=_("Quand ?"), choices=OPEN_CHOICES, required=False)
    public = checkboxes(_("Public"), PUBLIC_CHOICES)
    accompagnement = checkboxes(_("Accompagnement adapté (handicap, langue…)"), SUPPORT_CHOICES)
    modalite = checkboxes(_("Comment être accompagné"), MODALITY_CHOICES)
    programme = checkboxes(_("Label ou programme national"), PROGRAMME_CHOICES)
    nom = forms.CharField(
        label=_("Nom du lieu ou de la structure"),
        help_text=_("Facultatif. Par exemple : médiathèque, France Services, centre social"),
        max_length=120,
        required=False,
    )
    lat = forms.FloatField(required=False, min_value=-90, max_value=90, widget=forms.HiddenInput)
    lon = forms.FloatField(required=False, min_value=-180, max_value=180, widget=forms.HiddenInput)
    page = forms.IntegerField(required=False, min_value=1, max_value=10000, widget=forms.HiddenInput)

    error_messages = {
        "unknown_place": _("Nous ne trouvons pas « %(ou)s ». Vérifiez l’orthographe ou saisissez un code postal."),
        "no_place": _(
            "Indiquez une commune ou un code postal : même à distance, les aides dépendent du lieu où vous habitez."
        ),
    }

    def __init__(self, data=None, *args, needs_available: set[str] | None = None, **kwargs):
        """`needs_available`: the needs some place answers (`search.needs_with_places()`); the others are
        disabled in the list. None: every need is offered (the API)."""
        if data is not None and not data.get("rayon"):
            data = data.copy()
            data["rayon"] = str(settings.ANCRAGE_DEFAULT_RADIUS_KM)
        super().__init__(data, *args, **kwargs)
        if needs_available is not None:
            self.fields["besoin"].widget.unavailable = frozenset(needs.BY_SLUG) - needs_available

    def clean(self):
        data = super().clean()
        self.commune = None
        self.suggestions = []
        if self.errors:
            return data
        ou = (data.get("ou") or "").strip()
        has_point = data.get("lat") is not None and data.get("lon") is not None
        if ou and not has_point:
            self.commune = resolve_commune(ou)
            if self.commune is None:
                self.add_error("ou", self.error_messages["unknown_place"] % {"ou": ou})
                self.suggestions = close_communes(ou)
        elif not ou and not has_point and not (data.get("nom") or "").strip():
            self.add_error("ou", self.error_messages["no_place"])
        return data

    def criteria(self) -> Criteria:
        """Call only when the form is valid."""
        data = self.cleaned_data
        commune = self.commune
        lat, lon, label = data.get("lat"), data.get("lon"), gettext("votre position")
        if commune is not None:
            # Say the postal code the person typed ("Paris (75015)"), not the commune's first one.
            typed = (data.get("ou") or "").strip()
            postal = arrondissement_postal_code(typed) or split_postal_code(typed)[1]
            postal = postal or (typed if typed.isdigit() and len(typed) == 5 else "")
            label = f"{commune.nom} ({postal})" if postal in commune.postal_codes else commune.label
            lat, lon = commune.latitude, commune.longitude
        return Criteria(
            latitude=lat,
            longitude=lon,
            place_label=label if lat is not None else "",
            code_insee=commune.code_insee if commune else "",
            departement=commune.departement if commune else "",
            epci=commune.epci_id or "" if commune else "",
            need=needs.BY_SLUG.get(data.get("besoin") or ""),
            radius_km=data.get("rayon") or settings.ANCRAGE_DEFAULT_RADIUS_KM,
            accueil=data.get("accueil") or "",
            free_only=bool(data.get("gratuit")),
            publics=data.get("public") or [],
            supports=data.get("accompagnement") or [],
            open_when=data.get("ouvert") or "",
            booking_online=bool(data.get("rdv")),
            include_stale=bool(data.get("anciens")),
            name=(data.get("nom") or "").strip(),
            programmes=data.get("programme") or [],
            modalities=data.get("modalite") or [],
        )


def count_for(params) -> int:
    """How many places the search in these URL parameters lists (0 when they are not valid)."""
    form = SearchForm(params)
    return search.count(form.criteria()) if form.is_valid() else 0


class ErrorReportForm(HoneypotMixin, forms.ModelForm):
    class Meta:
        model = ErrorReport
        fields = ["kind", "message", "email"]
        widgets = {
            "kind": forms.RadioSelect,
            "message": forms.Textarea(attrs={"rows": 5}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),  # RGAA 11.13
        }
        labels = {"kind": _("Qu’est-ce qui est faux ?"), "message": _("Ce qui est faux, et ce qui serait juste")}
        help_texts = {
            "message": _("Par exemple : « Le lieu est fermé le mercredi depuis septembre. »"),
            "email": _("Facultatif. Seulement si vous voulez une réponse ; il ne sera pas publié."),
        }
        error_messages = {
            "kind": {"required": _("Choisissez ce qui est faux.")},
            "message": {"required": _("Décrivez l’erreur en quelques mots.")},
            "email": {"invalid": _("Cette adresse de courriel n’est pas valide (exemple : nom@exemple.fr).")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = ErrorReport.Kind.choices  # no empty « --------- » radio

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if len(message) < 5:
            raise forms.ValidationError(gettext("Décrivez l’erreur en quelques mots (au moins 5 caractères)."))
        return message
