"""The form of a dated closure, exceptional hours or message, as a structure's member enters it in `/espace/`.

It parses what was typed (dates as the browser's date field sends them, or « 24/12/2026 » typed by hand;
exceptional hours one field per weekday, or in OSM syntax) and checks it with the very rules the admin runs
(`directory.domain.temporary.validate`), so the French errors are the same everywhere; the view then writes
through `temporary.add` / `temporary.change`.
"""

from datetime import date, timedelta

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from contributions import hours
from contributions.forms import AccessibleForm
from directory.domain import temporary
from directory.models import Place, TemporaryInfo

Kind = TemporaryInfo.Kind
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y"]
KINDS = [
    (Kind.CLOSURE, _("Fermeture exceptionnelle : le lieu est fermé ces jours-là")),
    (Kind.HOURS, _("Horaires exceptionnels : le lieu ouvre à d’autres heures ces jours-là")),
    (Kind.MESSAGE, _("Message : une information pour le public, sans changer les horaires")),
]
DAY_FIELDS = [f"jour_{day}" for day in hours.DAYS]
_DAY_HINT = _("Par exemple « 10:00 - 12:00 ». Pendant la période, les jours laissés vides sont fermés.")


def _date_field(label: str, missing: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Par exemple 24/12/2026."),
        error_messages={"required": missing, "invalid": _("Cette date ne se lit pas : écrivez-la comme 24/12/2026.")},
    )


class TemporaryInfoForm(AccessibleForm):
    kind = forms.ChoiceField(
        label=_("Ce que vous annoncez"), choices=KINDS, widget=forms.RadioSelect, initial=Kind.CLOSURE,
        error_messages={"required": _("Choisissez une fermeture, des horaires exceptionnels ou un message.")},
    )  # fmt: skip
    debut = _date_field(_("Premier jour"), _("Indiquez le premier jour."))
    fin = _date_field(_("Dernier jour (inclus)"), _("Indiquez le dernier jour, même s’il est le même que le premier."))
    texte = forms.CharField(
        label=_("Texte pour le public (obligatoire pour un message)"), required=False, max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Par exemple : « Travaux : l’accueil se fait à la mairie. » 500 caractères au plus."),
    )  # fmt: skip

    def __init__(self, *args, place: Place, info: TemporaryInfo | None = None, **kwargs):
        super().__init__(*args, initial=self._initial(info) if info else None, **kwargs)
        self.place, self.info = place, info
        services = place.services.order_by("nom")
        if services.exists():
            self.fields["service"] = forms.ModelChoiceField(
                label=_("Seulement pour un service"), queryset=services, required=False, empty_label=_("Tout le lieu"),
                help_text=_("Laissez « Tout le lieu » si l’information concerne tout le lieu."),
                error_messages={"invalid_choice": _("Ce service n’est pas proposé dans ce lieu.")},
            )  # fmt: skip
            if info:
                self.initial["service"] = info.service_id
        for name, day in zip(DAY_FIELDS, hours.DAYS, strict=True):
            self.fields[name] = forms.CharField(
                label=hours.DAY_LABELS[day],
                required=False,
                max_length=100,
                help_text=_DAY_HINT if day == "lundi" else "",
            )
        self.fields["horaires"] = forms.CharField(
            label=_("Ou bien au format OpenStreetMap (pour les personnes qui le connaissent)"), required=False,
            max_length=500, help_text=_("Par exemple : Mo-Fr 10:00-12:00; Sa 10:00-12:00. Si vous remplissez les "
            "jours ci-dessus, ils remplacent ce champ."),
        )  # fmt: skip

    @staticmethod
    def _initial(info: TemporaryInfo) -> dict:
        initial = {"kind": info.kind, "debut": info.debut, "fin": info.fin, "texte": info.texte}
        plain = hours.week_cells(info.horaires) if info.horaires else None
        if plain and not plain[1]:  # a plain week: one field per day
            initial.update({f"jour_{day}": cells for day, cells in plain[0].items()})
        else:
            initial["horaires"] = info.horaires
        return initial

    @property
    def day_fields(self):
        return [self[name] for name in DAY_FIELDS]

    def _hours(self, data: dict) -> str:
        cells = {day: " ".join((data.get(f"jour_{day}") or "").split()) for day in hours.DAYS}
        if any(cells.values()):
            result, errors = hours.to_osm(cells, holidays_off=False)
            for day, message in errors.items():
                self.add_error(f"jour_{day}", message)
            return result
        return " ".join((data.get("horaires") or "").split())

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        # Hours only mean something for exceptional hours: for a closure or a message they are left aside.
        data["horaires"] = self._hours(data) if kind == Kind.HOURS else ""
        unreadable = any(self.has_error(name) for name in [*DAY_FIELDS, "horaires"])
        if kind == Kind.HOURS and not data["horaires"] and not unreadable:
            self.add_error("jour_lundi", _("Indiquez les horaires exceptionnels : remplissez au moins un jour, "
                                           "par exemple « 10:00 - 12:00 »."))  # fmt: skip
        fin = data.get("fin")
        if fin and fin < temporary.place_today(self.place) and not self.has_error("fin"):
            self.add_error("fin", _("Ce jour est déjà passé : une information temporaire sert pour aujourd’hui ou "
                                    "pour plus tard."))  # fmt: skip
        try:
            temporary.validate(self.unsaved(data))  # the admin's rules, the admin's French
        except ValidationError as error:
            # Every mistake said at once, but a field already wrong says only its first one.
            said = {name for name in self.fields if self.has_error(name)}
            if any(self.has_error(name) for name in DAY_FIELDS):
                said.add("horaires")
            self.add_domain_errors(error, skip=said)
        return data

    def unsaved(self, data: dict | None = None) -> TemporaryInfo:
        """A TemporaryInfo holding what was typed (not saved)."""
        data = self.cleaned_data if data is None else data
        info = TemporaryInfo(place=self.place, pk=self.info.pk if self.info else None)
        for name, value in self.values(data).items():
            setattr(info, name, value)
        return info

    def values(self, data: dict | None = None) -> dict:
        """What `temporary.add` and `temporary.change` take."""
        data = self.cleaned_data if data is None else data
        return {
            "kind": data.get("kind"),
            "debut": data.get("debut"),
            "fin": data.get("fin"),
            "texte": (data.get("texte") or "").strip(),
            "horaires": data.get("horaires") or "",
            "service": data.get("service"),
        }

    def add_domain_errors(self, error: ValidationError, skip=()) -> None:
        """The domain's errors, each on its field (or on the form), with the fields described again."""
        messages = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
        for name, texts in messages.items():
            if name in skip:
                continue
            target = name if name in self.fields else None
            for text in texts:
                self.add_error(target, text)
        self.describe()


def announced_from(info: TemporaryInfo, today: date) -> date | None:
    """The day the public page starts announcing `info`, when that is after `today` (else None)."""
    start = info.debut - timedelta(days=settings.ANCRAGE_TEMPORARY_NOTICE_DAYS)
    return start if start > today else None
