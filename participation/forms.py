"""The forms of requests: the public form, « Moi aussi », contest; the services' forms; commissions' forms."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import HoneypotMixin
from participation.domain import photos
from participation.domain.workflow import allowed
from participation.models import Category, Request, ResponseTemplate
from territory.overseas import distance_km
from territory.search import resolve_commune

MAX_KM_FROM_COMMUNE = 30


class RequestForm(HoneypotMixin, forms.Form):
    category = forms.ModelChoiceField(
        Category.objects.filter(active=True),
        label=_("De quoi s’agit-il ?"),
        empty_label=_("Choisissez"),
        error_messages={"required": _("Choisissez de quoi il s’agit.")},
    )
    commune = forms.CharField(
        label=_("Commune"),
        max_length=120,
        help_text=_("Nom ou code postal, par exemple « Massy » ou « 91300 »."),
        error_messages={"required": _("Indiquez la commune.")},
    )
    address = forms.CharField(
        label=_("Adresse ou lieu"),
        max_length=250,
        required=False,
        help_text=_("Par exemple « Médiathèque, 2 place de France » ou « devant la mairie »."),
    )
    neighbourhood = forms.CharField(
        label=_("Quartier"),
        max_length=150,
        required=False,
        help_text=_("Le nom du quartier (quartier prioritaire si vous le connaissez)."),
    )
    latitude = forms.FloatField(
        label=_("Latitude"),
        required=False,
        min_value=-90,
        max_value=90,
        widget=forms.NumberInput(attrs={"step": "any"}),
    )
    longitude = forms.FloatField(
        label=_("Longitude"),
        required=False,
        min_value=-180,
        max_value=180,
        widget=forms.NumberInput(attrs={"step": "any"}),
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Ce qui ne va pas, depuis quand. N’écrivez pas de nom ni de numéro de téléphone : "
            "la description est publique."
        ),
        error_messages={"required": _("Décrivez le problème en quelques mots.")},
    )
    photo = forms.FileField(
        label=_("Photo"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_(
            "JPEG, PNG ou WebP. Elle est publiée : évitez d’y montrer des personnes. "
            "Sa position et ses autres métadonnées sont effacées."
        ),
    )
    email = forms.EmailField(
        label=_("Votre adresse e-mail"),
        help_text=_("Pour confirmer la demande et vous tenir au courant. Elle n’est jamais publiée."),
        error_messages={
            "required": _("Indiquez votre adresse e-mail : elle sert à confirmer la demande."),
            "invalid": _("Cette adresse e-mail n’est pas valide (exemple : prenom@exemple.fr)."),
        },
    )
    anonymous = forms.BooleanField(label=_("Rester anonyme sur le site"), required=False, initial=True)
    display_name = forms.CharField(
        label=_("Prénom affiché (si vous ne restez pas anonyme)"), max_length=60, required=False
    )

    def clean_commune(self):
        commune = resolve_commune(self.cleaned_data["commune"])
        if commune is None:
            raise ValidationError(_("Commune introuvable : vérifiez le nom ou le code postal."))
        return commune

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        return photos.reencode(upload) if upload else None

    @staticmethod
    def _far(lat, lon, commune) -> bool:
        if lat is None or commune is None or commune.latitude is None:
            return False
        return distance_km(lat, lon, commune.latitude, commune.longitude) > MAX_KM_FROM_COMMUNE

    def clean(self):
        data = super().clean()
        lat, lon, commune = data.get("latitude"), data.get("longitude"), data.get("commune")
        if (lat is None) != (lon is None):
            self.add_error(
                "longitude" if lon is None else "latitude",
                _("Indiquez la latitude et la longitude, ou aucune des deux."),
            )
        elif self._far(lat, lon, commune):
            self.add_error(
                "latitude",
                _("Ce point est loin de %(commune)s : vérifiez la commune ou le point.") % {"commune": commune.nom},
            )
        if not data.get("anonymous") and not (data.get("display_name") or "").strip():
            self.add_error(
                "display_name", _("Indiquez le prénom à afficher, ou cochez « Rester anonyme sur le site ».")
            )
        return data

    def to_request(self) -> Request:
        d = self.cleaned_data
        request = Request(
            category=d["category"],
            commune=d["commune"],
            address=d["address"],
            neighbourhood=d["neighbourhood"],
            latitude=d["latitude"],
            longitude=d["longitude"],
            description=d["description"].strip(),
            email=d["email"].strip().lower(),
            anonymous=d["anonymous"],
            display_name="" if d["anonymous"] else d["display_name"].strip(),
        )
        if d.get("photo"):
            request.photo = d["photo"]
        return request


class SupportForm(HoneypotMixin, forms.Form):
    email = forms.EmailField(
        label=_("Votre adresse e-mail"),
        help_text=_("Pour confirmer et être tenu au courant. Elle n’est jamais publiée."),
        error_messages={
            "required": _("Indiquez votre adresse e-mail."),
            "invalid": _("Cette adresse e-mail n’est pas valide (exemple : prenom@exemple.fr)."),
        },
    )


class ContestForm(forms.Form):
    reason = forms.CharField(
        label=_("Qu’est-ce qui n’est pas réglé ?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Dites en quelques mots ce qui n’est pas réglé.")},
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Nouvel état"))
    template = forms.ModelChoiceField(
        ResponseTemplate.objects.none(),
        label=_("Modèle de réponse"),
        required=False,
        empty_label=_("Aucun"),
        help_text=_("Son texte sert de note publique si vous n’en écrivez pas."),
    )
    note = forms.CharField(
        label=_("Note publique"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    planned_for = forms.DateField(
        label=_("Date d’intervention prévue (pour « Planifiée »)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Date non valide (exemple : 15/01/2027).")},
    )
    close_reason = forms.ChoiceField(
        label=_("Motif (pour « Close »)"), required=False, choices=[("", _("Choisissez")), *Request.CloseReason.choices]
    )

    def __init__(self, *args, request: Request, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(Request.Status.choices)
        self.fields["status"].choices = [(s, labels[s]) for s in Request.Status.values if s in allowed(request)]
        self.fields["template"].queryset = ResponseTemplate.objects.filter(
            Q(service__isnull=True) | Q(service_id=request.category.service_id)
        )

    def clean(self):
        data = super().clean()
        if not (data.get("note") or "").strip() and data.get("template"):
            data["note"] = data["template"].text
        return data


class PriorityForm(forms.Form):
    priority = forms.TypedChoiceField(label=_("Priorité"), coerce=int, choices=Request.Priority.choices)


class InternalNoteForm(forms.Form):
    text = forms.CharField(
        label=_("Note interne (jamais publiée)"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("La note interne est vide.")},
    )


class MergeForm(forms.Form):
    survivor = forms.IntegerField(
        label=_("Numéro de la demande qui reste"),
        min_value=1,
        error_messages={"required": _("Indiquez le numéro de la demande qui reste.")},
    )
    merge_note = forms.CharField(label=_("Message public sur la fusion"), max_length=2000, required=False)


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("État"),
        required=False,
        choices=[
            ("", _("Ouvertes")),
            ("toutes", _("Toutes")),
            *[(s, dict(Request.Status.choices)[s]) for s in Request.PUBLIC],
        ],
    )
    category = forms.ModelChoiceField(
        Category.objects.all(), label=_("Catégorie"), required=False, empty_label=_("Toutes")
    )
    priority = forms.TypedChoiceField(
        label=_("Priorité"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Toutes")), *Request.Priority.choices],
    )
    commune = forms.CharField(label=_("Commune"), required=False, max_length=120)


class RankForm(forms.Form):
    """One number per open request of the commission's area (1 = first); empty means not ranked."""

    def __init__(self, *args, requests, **kwargs):
        super().__init__(*args, **kwargs)
        self.requests = requests
        for r in requests:
            self.fields[f"rang_{r.pk}"] = forms.IntegerField(
                label=_("Rang de la demande n° %(pk)s (%(category)s, %(commune)s)")
                % {"pk": r.pk, "category": r.category.name, "commune": r.commune.nom},
                required=False,
                min_value=1,
                max_value=999,
                initial=r.rank,
                error_messages={"invalid": _("Un rang est un nombre entier.")},
            )

    def ranks(self) -> dict[int, int | None]:
        return {r.pk: self.cleaned_data.get(f"rang_{r.pk}") for r in self.requests}


class MinutesForm(forms.Form):
    date = forms.DateField(
        label=_("Date de la réunion"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": _("Indiquez la date."), "invalid": _("Date non valide (exemple : 15/01/2027).")},
    )
    text = forms.CharField(
        label=_("Compte rendu"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Le compte rendu est vide.")},
    )

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise ValidationError(_("La réunion a eu lieu : sa date ne peut pas être future."))
        return date
