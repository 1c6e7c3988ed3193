"""The situation sheet's form: short fieldsets of radio buttons and checkboxes, plain French, no script."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from orientation import models as m
from territory.search import resolve_commune

NOT_SAID = ("", _("Non renseigné"))
RADIOS = ["internet_home", "has_email", *m.SKILL_DOMAINS, "reading", "mobility", "procedure"]


class SituationForm(forms.ModelForm):
    equipment = forms.MultipleChoiceField(
        label=_("Équipement de la personne"), choices=m.Equipment.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    accounts = forms.MultipleChoiceField(
        label=_("Comptes en ligne auxquels elle sait se connecter"), choices=m.Account.choices, required=False,
        widget=forms.CheckboxSelectMultiple, help_text=_("Elle connaît son identifiant et son mot de passe."),
    )  # fmt: skip
    disabilities = forms.MultipleChoiceField(
        label=_("Handicap ou difficulté"), choices=m.Disability.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    availability = forms.MultipleChoiceField(
        label=_("Quand est-elle disponible ?"), choices=m.SLOTS, required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("Le matin : de 9 h à 12 h ; l’après-midi : de 14 h à 17 h."),
    )  # fmt: skip
    commune_text = forms.CharField(
        label=_("Commune où vit la personne"), max_length=120, required=False,
        help_text=_("Son nom ou son code postal, par exemple Les Ulis ou 91940."),
    )  # fmt: skip

    class Meta:
        model = m.Situation
        fields = [
            "procedure", "deadline", "equipment", "internet_home", "has_email", "accounts", *m.SKILL_DOMAINS,
            "reading", "language", "disabilities", "mobility", "distance_km", "availability",
        ]  # fmt: skip
        labels = {
            "procedure": _("Démarche à faire"),
            "deadline": _("À faire avant le"),
            "internet_home": _("Internet à la maison"),
            "has_email": _("Une adresse e-mail qu’elle consulte"),
            "reading": _("Lecture"),
            "language": _("Langue parlée, si ce n’est pas le français"),
            "mobility": _("Comment peut-elle se déplacer ?"),
            "distance_km": _("Jusqu’à combien de kilomètres ?"),
            **{name: capfirst(label) for name, label in m.SKILL_DOMAINS.items()},
        }
        help_texts = {
            "deadline": _("La date limite, si elle est connue."),
            "language": _("Laissez vide si elle parle français."),
            "distance_km": _("Laissé vide : 2 km à pied, 15 km en transports en commun, 30 km en voiture."),
        }
        widgets = {"deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    FIELDSETS = [
        (_("La démarche"), ["procedure", "deadline", "commune_text"]),
        (_("Équipement et connexion"), ["equipment", "internet_home", "has_email", "accounts"]),
        (_("Ce qu’elle sait faire sur internet"), list(m.SKILL_DOMAINS)),
        (_("Lecture et langue"), ["reading", "language"]),
        (_("Handicap"), ["disabilities"]),
        (_("Déplacements et disponibilités"), ["mobility", "distance_km", "availability"]),
    ]

    def __init__(self, *args, complete: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.complete = complete
        for name in RADIOS:
            field = self.fields[name]
            field.widget = forms.RadioSelect()
            field.choices = [c for c in field.choices if c[0] != ""] + [NOT_SAID]
        self.fields["language"].widget.attrs["autocomplete"] = "off"
        self.fields["distance_km"].widget.attrs.update(min=0, max=200)
        self.fields["distance_km"].max_value = 200
        if self.instance.commune_id and not self.is_bound:
            self.initial["commune_text"] = str(self.instance.commune)

    @property
    def fieldsets(self):
        return [(legend, [self[name] for name in names]) for legend, names in self.FIELDSETS]

    def clean_commune_text(self):
        typed = self.cleaned_data["commune_text"].strip()
        if not typed:
            self.commune = None
            return ""
        self.commune = resolve_commune(typed)
        if self.commune is None:
            raise forms.ValidationError(_("Cette commune est introuvable : tapez son nom ou son code postal (91940)."))
        return typed

    def clean_equipment(self):
        equipment = self.cleaned_data["equipment"]
        if m.Equipment.NONE in equipment and len(equipment) > 1:
            raise forms.ValidationError(
                _("« Aucun équipement » ne va pas avec un autre choix : décochez l’un des deux.")
            )
        return equipment

    def clean(self):
        data = super().clean()
        if self.complete:
            if not data.get("procedure"):
                self.add_error("procedure", _("Choisissez la démarche pour voir les risques et les services."))
            if not data.get("commune_text") and "commune_text" not in self.errors:
                self.add_error("commune_text", _("Indiquez la commune pour trouver des services proches."))
        return data

    def save(self, commit=True):
        self.instance.commune = getattr(self, "commune", None)
        return super().save(commit=commit)
