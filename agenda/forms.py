"""The agenda's forms: finding events, registering without an account, an organiser's event."""

import datetime
import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q

from agenda.domain import events, recurrence
from agenda.models import Event
from core.forms import HoneypotMixin
from directory.models import Place
from directory.needs import NEEDS
from territory.search import resolve_commune

RADIUS_CHOICES = [(5, "5 km"), (10, "10 km"), (20, "20 km"), (50, "50 km")]
WEEKDAYS = [(0, "Lundi"), (1, "Mardi"), (2, "Mercredi"), (3, "Jeudi"), (4, "Vendredi"), (5, "Samedi"), (6, "Dimanche")]
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class TelInput(forms.TextInput):
    input_type = "tel"


class FindForm(forms.Form):
    """« Près de chez moi »: every criterion optional, in the URL."""

    ou = forms.CharField(
        label="Près de",
        help_text="Une commune ou un code postal, par exemple : Palaiseau ou 91120",
        max_length=120,
        required=False,
    )
    rayon = forms.TypedChoiceField(
        label="Distance maximale", choices=RADIUS_CHOICES, coerce=int, required=False, empty_value=10, initial=10
    )
    du = forms.DateField(label="Du", required=False, widget=DATE)
    au = forms.DateField(label="Au", required=False, widget=DATE)
    theme = forms.ChoiceField(
        label="Thème", choices=[("", "Tous les thèmes"), *((n.slug, n.label) for n in NEEDS)], required=False
    )
    public = forms.ChoiceField(
        label="Public", choices=[("", "Tous les publics"), *Event.Audience.choices], required=False
    )

    def clean_ou(self):
        text = self.cleaned_data["ou"].strip()
        if not text:
            return None
        commune = resolve_commune(text)
        if commune is None:
            raise ValidationError(
                f"Nous ne trouvons pas « {text} ». Vérifiez l’orthographe ou saisissez un code postal."
            )
        return commune

    def clean(self):
        data = super().clean()
        if data.get("du") and data.get("au") and data["au"] < data["du"]:
            self.add_error("au", "La date de fin doit venir après la date de début.")
        return data


class RegistrationForm(HoneypotMixin, forms.Form):
    name = forms.CharField(label="Votre nom ou votre prénom", max_length=120)
    email = forms.EmailField(
        label="Votre adresse e-mail",
        required=False,
        help_text="Pour recevoir la confirmation, le rappel la veille et le lien d’annulation.",
    )
    phone = forms.CharField(
        label="Votre téléphone",
        max_length=30,
        required=False,
        widget=TelInput(attrs={"autocomplete": "tel"}),
        help_text="Si vous n’avez pas d’adresse e-mail : l’organisateur pourra vous appeler.",
    )
    seats = forms.TypedChoiceField(label="Nombre de places", coerce=int, initial=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        most = settings.ANCRAGE_REGISTRATION_MAX_SEATS
        self.fields["seats"].choices = [(n, str(n)) for n in range(1, most + 1)]
        self.fields["name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not re.fullmatch(r"\+?[\d .-]{8,20}", phone):
            raise ValidationError("Ce numéro n’a pas l’air complet : par exemple 06 12 34 56 78.")
        return phone

    def clean(self):
        data = super().clean()
        if (
            not data.get("email")
            and not data.get("phone")
            and not self.has_error("email")
            and not self.has_error("phone")
        ):
            self.add_error("email", "Indiquez une adresse e-mail ou un numéro de téléphone, pour être prévenu.")
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
    title = forms.CharField(label="Titre", max_length=events.TITLE_MAX)
    online_url = WhenChosenURL(
        label="Lien de connexion", assume_scheme="https", help_text="Si l’événement a lieu en ligne."
    )
    place_search = forms.CharField(
        label="Chercher un autre lieu de l’annuaire",
        required=False,
        max_length=120,
        help_text="Son nom ou sa commune, puis « Chercher » : les lieux trouvés s’ajoutent à la liste ci-dessus.",
    )
    commune_text = WhenChosenChar(
        label="Commune de l’adresse", max_length=120, help_text="Si l’événement a lieu à une autre adresse."
    )
    weekdays = forms.TypedMultipleChoiceField(
        label="Les jours (répétition chaque semaine)",
        choices=WEEKDAYS,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    skipped_text = forms.CharField(
        label="Dates sans séance",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Une date par ligne ou séparées par des virgules, par exemple : 24/12/2026, 31/12/2026.",
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
            "place": "Lieu de l’annuaire",
            "capacity": "Nombre de places par date",
            "interval": "Toutes les N semaines ou N mois",
            "count": "Ou : nombre de dates",
        }
        help_texts = {
            "place": "Si l’événement a lieu dans un lieu de l’annuaire : d’abord ceux de votre structure.",
            "address": "Si l’événement a lieu à une autre adresse.",
            "capacity": "Laissez vide s’il n’y a pas de limite.",
            "until": "Une date de fin, ou un nombre de dates ci-dessous.",
            "skip_holidays": "Les jours fériés (Pâques, Ascension…) sont passés automatiquement.",
        }

    def __init__(self, *args, structures=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["structure"].queryset = structures
        self.fields["structure"].empty_label = None
        self.fields["programme"].empty_label = "Aucun programme"
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
        choices = [("", "Choisissez un lieu")]
        if mine:
            choices.append(("Les lieux de votre structure", [(p.pk, _place_label(p)) for p in mine]))
        search = (self.data.get("place_search") or "").strip() if self.is_bound else ""
        if search:
            found = published.filter(Q(nom__icontains=search) | Q(commune__icontains=search)).exclude(
                pk__in=[p.pk for p in mine]
            )[:PLACE_SEARCH_LIMIT]
            label = f"Trouvés pour « {search} »" if found else f"Aucun lieu trouvé pour « {search} »"
            choices.append((label, [(p.pk, _place_label(p)) for p in found]))
        chosen = self.data.get("place") if self.is_bound else self.instance.place_id
        listed = {str(value) for _, group in choices[1:] for value, _ in group}
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
                raise ValidationError(f"« {piece} » n’est pas une date : écrivez-la comme 24/12/2026.") from None
        return sorted(set(days))

    def clean(self):
        data = super().clean()
        mode = data.get("mode")
        if mode == Event.Mode.PLACE and not data.get("place"):
            self.add_error("place", "Choisissez le lieu de l’annuaire, ou une autre façon de dire où.")
        if mode == Event.Mode.ADDRESS:
            if not data.get("address"):
                self.add_error("address", "Indiquez l’adresse.")
            commune = resolve_commune(data.get("commune_text", ""))
            if commune is None:
                self.add_error("commune_text", "Indiquez la commune de l’adresse, par exemple Palaiseau ou 91120.")
            else:
                data["code_insee"] = commune.code_insee
        if mode == Event.Mode.ONLINE and not data.get("online_url"):
            self.add_error("online_url", "Indiquez le lien pour se connecter.")
        if data.get("registration") == Event.Registration.PHONE and not data.get("phone"):
            self.add_error("phone", "Indiquez le numéro à appeler pour s’inscrire.")
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
            self.add_error("until", "Une répétition doit finir : indiquez une date de fin ou un nombre de dates.")
        start = data.get("start_date")
        if start and data.get("until"):
            if data["until"] < start:
                self.add_error("until", "La date de fin doit venir après la première date.")
            elif (data["until"] - start).days > recurrence.MAX_MONTHS * 31:
                self.add_error("until", f"Une répétition dure au plus {recurrence.MAX_MONTHS} mois.")
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
        label="Décision", widget=forms.RadioSelect, choices=[("publier", "Publier"), ("refuser", "Refuser")]
    )
    reason = forms.CharField(
        label="Message à l’organisateur",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Obligatoire pour un refus : dites pourquoi.",
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "refuser" and not data.get("reason", "").strip():
            self.add_error("reason", "Dites à l’organisateur pourquoi l’événement n’est pas publié.")
        return data
