"""The forms of the structure space and of the review page: server-rendered, French errors, grouped in
fieldsets, each field labelled and described (`aria-describedby` to its hint and its error)."""

from django import forms
from django.core.validators import EmailValidator, URLValidator
from django.db import models
from django.forms.models import fields_for_model
from django.utils.translation import gettext_lazy as _

from contributions import hours
from contributions.fields import PLACE_FIELDS, SERVICE_FIELDS, group, label
from datahub import normalize
from directory.models import Place, Service
from directory.presentation import phone_display
from territory.models import Commune
from territory.text import fold_commune

_HOURS_HINT = _("Par exemple « 09:00 - 12:00 / 14:00 - 17:00 ». Laissez vide si c’est fermé ce jour-là.")


class AccessibleForm(forms.Form):
    """Every field points to its hint and, once checked, to its error; `sections` groups them in fieldsets."""

    sections: list[tuple[str, list[str]]] = []

    def full_clean(self):
        super().full_clean()
        self.describe()

    def describe(self) -> None:
        """Point each field to its hint and its error (again after errors added once the form was cleaned)."""
        for name, field in self.fields.items():
            bound = self[name]
            ids = [f"{bound.auto_id}_helptext"] if field.help_text else []
            if name in self.errors:
                ids.append(f"{bound.auto_id}_error")
                field.widget.attrs["aria-invalid"] = "true"
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)

    def grouped(self):
        return [(title, [self[name] for name in names if name in self.fields]) for title, names in self.sections]


class HoursFields(AccessibleForm):
    """One field per weekday, converted to OSM hours; the OSM syntax stays available for complex hours."""

    hours_field = "horaires"

    def add_hours_fields(self, current: str) -> None:
        plain = hours.week_cells(current)
        self.plain_hours = plain is not None
        cells, holidays_off = plain or (dict.fromkeys(hours.DAYS, ""), False)
        self.hours_initial = {"cells": cells, "holidays_off": holidays_off, "osm": current or ""}
        self.hours_words = hours.in_words(current)
        for day in hours.DAYS:
            self.fields[f"jour_{day}"] = forms.CharField(
                label=hours.DAY_LABELS[day], required=False, max_length=100, initial=cells[day],
                help_text=_HOURS_HINT if day == "lundi" else "",
            )  # fmt: skip
        self.fields["feries_fermes"] = forms.BooleanField(
            label=_("Fermé les jours fériés"), required=False, initial=holidays_off
        )
        self.fields["horaires_osm"] = forms.CharField(
            label=_("Horaires au format OpenStreetMap (pour les personnes qui le connaissent)"), required=False,
            max_length=500, initial=current,
            help_text=_("Utile pour des horaires qui changent selon les semaines ou les saisons. "
            "Si vous remplissez les jours ci-dessus, ils remplacent ce champ."),
        )  # fmt: skip

    def clean_hours(self) -> str:
        data, initial = self.cleaned_data, self.hours_initial
        cells = {day: " ".join((data.get(f"jour_{day}") or "").split()) for day in hours.DAYS}
        holidays_off = bool(data.get("feries_fermes"))
        cells_changed = cells != initial["cells"] or holidays_off != initial["holidays_off"]
        osm = " ".join((data.get("horaires_osm") or "").split())
        if cells_changed and (self.plain_hours or any(cells.values())):
            result, errors = hours.to_osm(cells, holidays_off)
            for day, message in errors.items():
                self.add_error(f"jour_{day}", message)
            return result
        if osm != " ".join(initial["osm"].split()):
            if osm and not hours.hours.is_valid(osm):
                self.add_error(
                    "horaires_osm",
                    _("Ces horaires ne sont pas au format OpenStreetMap. Remplissez plutôt les jours de la semaine."),
                )
            return osm
        return initial["osm"]


def _formfield(db_field, **kwargs):
    if isinstance(db_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return db_field.formfield(**kwargs)


def _fields(model, names):
    return fields_for_model(model, fields=names, formfield_callback=_formfield)


def _initial(obj, names):
    return {name: getattr(obj, name) for name in names}


def _check_emails(values: list[str]) -> list[str]:
    for value in values:
        try:
            EmailValidator()(value)
        except forms.ValidationError:
            message = _("L’adresse « %(value)s » ne se lit pas : écrivez-la comme nom@exemple.fr.") % {"value": value}
            raise forms.ValidationError(message) from None
    return [v.lower() for v in values]


def _check_url(value: str) -> str:
    if not value:
        return ""
    value = value if "://" in value else f"https://{value}"
    try:
        URLValidator(schemes=["http", "https"])(value)
    except forms.ValidationError:
        message = _("L’adresse « %(value)s » ne se lit pas : écrivez-la comme https://exemple.fr.") % {"value": value}
        raise forms.ValidationError(message) from None
    return value


def _check_phone(value: str, departement: str) -> str:
    if not value.strip():
        return ""
    number = normalize.phone(value, departement)
    if not number:
        raise forms.ValidationError(_("Ce numéro ne se lit pas : écrivez ses 10 chiffres, par exemple 01 69 00 00 00."))
    return number


def _commune(name: str, postal: str) -> Commune | None:
    """The commune of that postal code whose name is the one typed (accents, case and hyphens aside)."""
    folded = fold_commune(name)
    candidates = Commune.objects.filter(codes_postaux__contains=f"|{postal}|")
    return next((c for c in candidates if c.nom_recherche == folded), None) if folded else None


class PlaceForm(HoursFields):
    sections = [
        (_("Nom et présentation"), ["nom", "presentation_resume", "presentation_detail"]),
        (_("Adresse"), ["adresse", "complement_adresse", "code_postal", "commune"]),
        (_("Contact"), ["telephone", "courriels", "site_web", "prise_rdv"]),
        (_("Horaires"),
         [*(f"jour_{day}" for day in hours.DAYS), "feries_fermes", "horaires_precisions", "horaires_osm"]),
        (_("Accueil"), ["modalites_acces", "modalites_accompagnement", "frais_a_charge", "itinerance"]),
        (_("Publics et accessibilité"), ["publics_specifiquement_adresses", "prise_en_charge_specifique",
                                      "fiche_acces_libre"]),
    ]  # fmt: skip

    def __init__(self, *args, place: Place, **kwargs):
        names = [name for name in PLACE_FIELDS if name != "horaires"]
        super().__init__(*args, initial=_initial(place, names), **kwargs)
        self.place = place
        self.fields.update(_fields(Place, names))
        self.fields["nom"].required = True
        self.fields["presentation_detail"].widget.attrs["rows"] = 5
        self.fields["code_postal"].required = self.fields["commune"].required = True
        self.fields["courriels"].help_text = self.fields["site_web"].help_text = _("Une adresse par ligne.")
        self.fields["telephone"].help_text = _("Par exemple 01 69 00 00 00.")
        self.initial["telephone"] = phone_display(place.telephone) if place.telephone else ""
        self.fields["prise_en_charge_specifique"].label = _("Accompagnement adapté (handicaps, langues)")
        self.fields["fiche_acces_libre"].help_text = _("Le lien de la fiche du lieu sur acceslibre.beta.gouv.fr.")
        self.add_hours_fields(place.horaires)

    def clean_telephone(self):
        return _check_phone(self.cleaned_data["telephone"], self.place.departement)

    def clean_courriels(self):
        return _check_emails(self.cleaned_data["courriels"])

    def clean_site_web(self):
        return [_check_url(v) for v in self.cleaned_data["site_web"]]

    def clean_prise_rdv(self):
        return _check_url(self.cleaned_data["prise_rdv"])

    def clean_fiche_acces_libre(self):
        return _check_url(self.cleaned_data["fiche_acces_libre"])

    def clean(self):
        data = super().clean()
        data["horaires"] = self.clean_hours()
        postal, name = (data.get("code_postal") or "").strip(), (data.get("commune") or "").strip()
        if postal and name:
            commune = _commune(name, postal)
            if commune is None:
                self.add_error("commune", _("Nous ne trouvons pas la commune « %(name)s » avec le code postal "
                                            "« %(postal)s ». Vérifiez l’orthographe et le code postal.")
                               % {"name": name, "postal": postal})  # fmt: skip
            else:
                data["commune"], data["code_insee"] = commune.nom, commune.code_insee
                if commune.code_insee != self.place.code_insee:
                    # Another commune: its centre, until a coordinator places the address precisely.
                    data["latitude"], data["longitude"] = commune.latitude, commune.longitude
                    data["position_approximative"] = True
        return data

    def values(self) -> dict:
        keys = [*PLACE_FIELDS, "code_insee", "latitude", "longitude", "position_approximative"]
        return {name: self.cleaned_data[name] for name in keys if name in self.cleaned_data}


class ServiceForm(HoursFields):
    hours_field = "horaires_accueil"
    sections = [
        (_("Le service"), ["nom", "description", "mediation"]),
        (_("Pour qui, à quel prix"),
         ["publics", "publics_precisions", "frais", "frais_precisions", "conditions_acces"]),
        (_("Comment en bénéficier"), ["modes_accueil", "modes_mobilisation", "telephone", "courriel"]),
        (_("Horaires du service (vides : ceux du lieu)"),
         [*(f"jour_{day}" for day in hours.DAYS), "feries_fermes", "horaires_osm"]),
    ]  # fmt: skip

    def __init__(self, *args, service: Service | None = None, place: Place, **kwargs):
        names = [name for name in SERVICE_FIELDS if name != "horaires_accueil"]
        super().__init__(*args, initial=_initial(service, names) if service else {}, **kwargs)
        self.place = place
        self.fields.update(_fields(Service, names))
        self.fields["nom"].required = True
        self.fields["description"].widget.attrs["rows"] = 4
        self.fields["mediation"].label = _("Ce que le service propose")
        self.fields["mediation"].help_text = ""
        if service and service.telephone:
            self.initial["telephone"] = phone_display(service.telephone)
        self.add_hours_fields(service.horaires_accueil if service else "")

    def clean_telephone(self):
        return _check_phone(self.cleaned_data["telephone"], self.place.departement)

    def clean(self):
        data = super().clean()
        data["horaires_accueil"] = self.clean_hours()
        return data

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in SERVICE_FIELDS if name in self.cleaned_data}


class ReviewForm(AccessibleForm):
    """One choice per field (or per linked group): keep it, or revert it; a reason when anything is reverted."""

    reason = forms.CharField(
        label=_("Message à l’auteur ou l’autrice"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000, help_text=_("Obligatoire si vous annulez quelque chose : dites pourquoi, simplement."),
    )  # fmt: skip
    CHOICES = [("accepter", _("Garder")), ("annuler", _("Annuler"))]

    def __init__(self, *args, contribution, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.contribution = contribution
        self.whole = contribution.action != contribution.Action.EDIT
        self.groups = ["tout"] if self.whole else list(dict.fromkeys(group(row.field) for row in rows))
        for key in self.groups:
            self.fields[f"d_{key}"] = forms.ChoiceField(
                label=_("Décision : garder ce changement ?") if self.whole else _(
                    "Décision : garder « %(name)s » ?") % {
                    "name": label(rows[0].model, key) if key != "commune" else _("Adresse")},
                choices=self.CHOICES, widget=forms.RadioSelect, initial="accepter",
                error_messages={"required": _("Choisissez « Garder » ou « Annuler ».")},
            )  # fmt: skip
        self.fields["reason"] = self.fields.pop("reason")

    def decisions(self) -> dict[str, bool]:
        return {key: self.cleaned_data[f"d_{key}"] == "accepter" for key in self.groups}

    def clean(self):
        data = super().clean()
        if not self.errors and not all(self.decisions().values()) and not (data.get("reason") or "").strip():
            self.add_error(
                "reason", _("Dites à l’auteur ou l’autrice pourquoi vous annulez : ce message lui est envoyé.")
            )
        return data
