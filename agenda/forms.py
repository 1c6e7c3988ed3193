"""The agenda's forms: finding events, registering without an account, an organiser's event."""

import datetime
import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from agenda.domain import events, recurrence
from agenda.models import Event
from core.forms import HoneypotMixin
from directory.models import Place
from directory.needs import NEEDS
from territory.search import resolve_commune


def _km(n: int) -> str:
    return gettext("%(n)s km") % {"n": n}


RADIUS_CHOICES = [(n, lazy(_km, str)(n)) for n in (5, 10, 20, 50)]
WEEKDAYS = [
    (0, _("Lundi")),
    (1, _("Mardi")),
    (2, _("Mercredi")),
    (3, _("Jeudi")),
    (4, _("Vendredi")),
    (5, _("Samedi")),
    (6, _("Dimanche")),
]
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class TelInput(forms.TextInput):
    input_type = "tel"


class FindForm(forms.Form):
    """« Près de chez moi »: every criterion optional, in the URL."""

    ou = forms.CharField(
        label=_("Près de"),
        help_text=_("Une commune ou un code postal, par exemple : Palaiseau ou 91120"),
        max_length=120,
        required=False,
    )
    rayon = forms.TypedChoiceField(
        label=_("Distance maximale"), choices=RADIUS_CHOICES, coerce=int, required=False, empty_value=10, initial=10
    )
    du = forms.DateField(label=_("Du"), required=False, widget=DATE)
    au = forms.DateField(label=_("Au"), required=False, widget=DATE)
    theme = forms.ChoiceField(
        label=_("Thème"), choices=[("", _("Tous les thèmes")), *((n.slug, n.label) for n in NEEDS)], required=False
    )
    public = forms.ChoiceField(
        label=_("Public"), choices=[("", _("Tous les publics")), *Event.Audience.choices], required=False
    )

    def clean_ou(self):
        text = self.cleaned_data["ou"].strip()
        if not text:
            return None
        commune = resolve_commune(text)
        if commune is None:
            raise ValidationError(
                _("Nous ne trouvons pas « %(text)s ». Vérifiez l’orthographe ou saisissez un code postal.")
                % {"text": text}
            )
        return commune

    def clean(self):
        data = super().clean()
        if data.get("du") and data.get("au") and data["au"] < data["du"]:
            self.add_error("au", _("La date de fin doit venir après la date de début."))
        return data


class RegistrationForm(HoneypotMixin, forms.Form):
    name = forms.CharField(label=_("Votre nom ou votre prénom"), max_length=120)
    email = forms.EmailField(
        label=_("Votre adresse e-mail"),
        required=False,
        help_text=_("Pour recevoir la confirmation, le rappel la veille et le lien d’annulation."),
    )
    phone = forms.CharField(
        label=_("Votre téléphone"),
        max_length=30,
        required=False,
        widget=TelInput(attrs={"autocomplete": "tel"}),
        help_text=_("Si vous n’avez pas d’adresse e-mail : l’organisateur pourra vous appeler."),
    )
    seats = forms.TypedChoiceField(label=_("Nombre de places"), coerce=int, initial=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        most = settings.ANCRAGE_REGISTRATION_MAX_SEATS
        self.fields["seats"].choices = [(n, str(n)) for n in range(1, most + 1)]
        self.fields["name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not re.fullmatch(r"\+?[\d .-]{8,20}", phone):
            raise ValidationError(_("Ce numéro n’a pas l’air complet : par exemple 06 12 34 56 78."))
        return phone

    def clean(self):
        data = super().clean()
        if (
            not data.get("email")
            and not data.get("phone")
            and not self.has_error("email")
            and not self.has_error("phone")
        ):
            self.add_error("email", _("Indiquez une adresse e-mail ou un numéro de téléphone, pour être prévenu."))
        return data


class WhenChosen:
    """A field needed only for one « Où » choice (checked in the form's `clean`): shown without « facultatif »,
    its help text says when it is needed, and empty passes the field's own validation."""

    def validate(self, value):
        if value not in self.empty_values:
            super().validate(value)


class WhenChosenChar(WhenChosen, forms.CharField):
    pass


class WhenChosenURL(WhenChosen, forms.URLField):
    pass


class WhenChosenPlace(WhenChosen, forms.ModelChoiceField):
    pass


PLACE_SEARCH_LIMIT = 40


class EventForm(forms.ModelForm):
    use_required_attribute = False  # the fields needed for one « Où » choice only are said in words
    title = forms.CharField(label=_("Titre"), max_length=events.TITLE_MAX)
    online_url = WhenChosenURL(
        label=_("Lien de connexion"), assume_scheme="https", help_text=_("Si l’événement a lieu en ligne.")
    )
    place_search = forms.CharField(
        label=_("Chercher un autre lieu de l’annuaire"),
        required=False,
        max_length=120,
        help_text=_("Son nom ou sa commune, puis « Chercher » : les lieux trouvés s’ajoutent à la liste ci-dessus."),
    )
    commune_text = WhenChosenChar(
        label=_("Commune de l’adresse"), max_length=120, help_text=_("Si l’événement a lieu à une autre adresse.")
    )
    weekdays = forms.TypedMultipleChoiceField(
        label=_("Les jours (répétition chaque semaine)"),
        choices=WEEKDAYS,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    skipped_text = forms.CharField(
        label=_("Dates sans séance"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Une date par ligne ou séparées par des virgules, par exemple : 24/12/2026, 31/12/2026."),
    )

    class Meta:
        model = Event
        fields = [
            "structure",
            "kind",
            "title",
            "description",
            "programme",
            "theme",
            "audience",
            "free",
            "price",
            "accessibility",
            "mode",
            "place",
            "address",
            "online_url",
            "registration",
            "phone",
            "capacity",
            "start_date",
            "start_time",
            "end_time",
            "repeat",
            "interval",
            "until",
            "count",
            "skip_holidays",
        ]
        widgets = {
            "start_date": DATE,
            "until": DATE,
            "start_time": TIME,
            "end_time": TIME,
            "description": forms.Textarea(attrs={"rows": 4}),
            "accessibility": forms.Textarea(attrs={"rows": 2}),
        }
        field_classes = {"place": WhenChosenPlace, "address": WhenChosenChar}
        labels = {
            "place": _("Lieu de l’annuaire"),
            "capacity": _("Nombre de places par date"),
            "interval": _("Toutes les N semaines ou N mois"),
            "count": _("Ou : nombre de dates"),
        }
        help_texts = {
            "place": _("Si l’événement a lieu dans un lieu de l’annuaire : d’abord ceux de votre structure."),
            "address": _("Si l’événement a lieu à une autre adresse."),
            "capacity": _("Laissez vide s’il n’y a pas de limite."),
            "until": _("Une date de fin, ou un nombre de dates ci-dessous."),
            "skip_holidays": _("Les jours fériés (Pâques, Ascension…) sont passés automatiquement."),
        }

    # The « L’événement » section of the form, in this order.
    EVENT_SECTION = (
        "structure", "kind", "title", "description", "programme", "theme", "audience", "free", "price", "accessibility",
    )  # fmt: skip

    def event_section(self) -> list:
        return [self[name] for name in self.EVENT_SECTION]

    def __init__(self, *args, structures=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["structure"].queryset = structures
        self.fields["structure"].empty_label = None
        self.fields["programme"].empty_label = _("Aucun programme")
        self.fields["place"].queryset = Place.objects.published()
        self.fields["place"].widget.choices = self._place_choices(structures)
        for name in ("place", "address", "commune_text", "online_url"):
            self.fields[name].required = True
        self.fields["theme"].choices = [(n.slug, n.label) for n in NEEDS]
        self.fields["repeat"].choices = Event.Repeat.choices
        self.fields["repeat"].widget = forms.RadioSelect(choices=Event.Repeat.choices)
        if self.instance.pk:
            self.fields["weekdays"].initial = self.instance.weekdays
            self.fields["skipped_text"].initial = ", ".join(
                datetime.date.fromisoformat(d).strftime("%d/%m/%Y") for d in self.instance.skipped_dates
            )
            self.fields["commune_text"].initial = self.instance.commune if self.instance.mode == "adresse" else ""

    def _place_choices(self, structures) -> list:
        """The organiser's structures' places first, then the places found by « Chercher un autre lieu », and
        the place already chosen: never the whole directory."""
        published = Place.objects.published().order_by("commune", "nom")
        mine = list(published.filter(structure__in=structures)) if structures is not None else []
        choices = [("", _("Choisissez un lieu"))]
        if mine:
            choices.append((_("Les lieux de votre structure"), [(p.pk, _place_label(p)) for p in mine]))
        search = (self.data.get("place_search") or "").strip() if self.is_bound else ""
        if search:
            found = published.filter(Q(nom__icontains=search) | Q(commune__icontains=search)).exclude(
                pk__in=[p.pk for p in mine]
            )[:PLACE_SEARCH_LIMIT]
            label = (_("Trouvés pour « %(search)s »") if found else _("Aucun lieu trouvé pour « %(search)s »")) % {
                "search": search
            }
            choices.append((label, [(p.pk, _place_label(p)) for p in found]))
        chosen = self.data.get("place") if self.is_bound else self.instance.place_id
        listed = {str(value) for __, group in choices[1:] for value, __ in group}
        if chosen and str(chosen) not in listed:
            place = published.filter(pk=chosen).first() if str(chosen).isdigit() else None
            if place is not None:
                choices.insert(1, (place.pk, _place_label(place)))
        return choices

    def clean_skipped_text(self):
        days = []
        for piece in re.split(r"[\s,;]+", self.cleaned_data["skipped_text"].strip()):
            if not piece:
                continue
            try:
                days.append(datetime.datetime.strptime(piece, "%d/%m/%Y").date().isoformat())
            except ValueError:
                raise ValidationError(
                    _("« %(piece)s » n’est pas une date : écrivez-la comme 24/12/2026.") % {"piece": piece}
                ) from None
        return sorted(set(days))

    def clean(self):
        data = super().clean()
        mode = data.get("mode")
        if mode == Event.Mode.PLACE and not data.get("place"):
            self.add_error("place", _("Choisissez le lieu de l’annuaire, ou une autre façon de dire où."))
        if mode == Event.Mode.ADDRESS:
            if not data.get("address"):
                self.add_error("address", _("Indiquez l’adresse."))
            commune = resolve_commune(data.get("commune_text", ""))
            if commune is None:
                self.add_error("commune_text", _("Indiquez la commune de l’adresse, par exemple Palaiseau ou 91120."))
            else:
                data["code_insee"] = commune.code_insee
        if mode == Event.Mode.ONLINE and not data.get("online_url"):
            self.add_error("online_url", _("Indiquez le lien pour se connecter."))
        if data.get("registration") == Event.Registration.PHONE and not data.get("phone"):
            self.add_error("phone", _("Indiquez le numéro à appeler pour s’inscrire."))
        self._clean_repeat(data)
        if not self.errors:
            try:
                events.validate(self.values(), self.instance if self.instance.pk else None)
            except ValidationError as invalid:
                for field, messages in invalid.message_dict.items():
                    self.add_error(field if field in self.fields else None, messages)
        return data

    def _clean_repeat(self, data):
        if not data.get("repeat"):
            data["until"] = data["count"] = None
            return
        if not data.get("until") and not data.get("count"):
            self.add_error("until", _("Une répétition doit finir : indiquez une date de fin ou un nombre de dates."))
        start = data.get("start_date")
        if start and data.get("until"):
            if data["until"] < start:
                self.add_error("until", _("La date de fin doit venir après la première date."))
            elif (data["until"] - start).days > recurrence.MAX_MONTHS * 31:
                self.add_error("until", _("Une répétition dure au plus %(n)s mois.") % {"n": recurrence.MAX_MONTHS})
        if data.get("repeat") == Event.Repeat.WEEKLY and not data.get("weekdays") and start:
            data["weekdays"] = [start.weekday()]

    def values(self) -> dict:
        """The event's fields for `domain.events.create`/`change`."""
        data = self.cleaned_data
        values = {name: data.get(name) for name in self.Meta.fields}
        values["weekdays"] = data.get("weekdays") or []
        values["skipped_dates"] = data.get("skipped_text") or []
        values["interval"] = values["interval"] or 1
        values["repeat"] = values["repeat"] or ""
        values["code_insee"] = data.get("code_insee", "")
        return values


def _place_label(place) -> str:
    return f"{place.nom} – {place.commune}"


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Décision"), widget=forms.RadioSelect, choices=[("publier", _("Publier")), ("refuser", _("Refuser"))]
    )
    reason = forms.CharField(
        label=_("Message à l’organisateur"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Obligatoire pour un refus : dites pourquoi."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "refuser" and not data.get("reason", "").strip():
            self.add_error("reason", _("Dites à l’organisateur pourquoi l’événement n’est pas publié."))
        return data
