"""Coordinators' forms: a campaign's places, a confirmation recorded by hand."""

from django import forms
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from datahub.models import SourceRecord
from datahub.provenance import COORDINATION
from directory.models import Place
from freshness.domain.campaigns import Criteria
from freshness.domain.dashboard import source_name
from freshness.models import COORDINATOR_CHANNELS, Confirmation
from standards import lieux
from territory.departements import DEPARTEMENTS, departement_of
from territory.models import Commune, Epci


class CampaignForm(forms.Form):
    name = forms.CharField(
        label=_("Nom de la campagne"), max_length=200, help_text=_("Par exemple : Printemps 2027, Massy")
    )
    communes = forms.MultipleChoiceField(
        label=_("Communes"), required=False, help_text=_("Plusieurs communes : Ctrl (ou Cmd) + clic. Aucune : toutes.")
    )
    epci = forms.ChoiceField(label=_("Intercommunalité (EPCI)"), required=False)
    departement = forms.ChoiceField(label=_("Département"), required=False)
    typologies = forms.MultipleChoiceField(
        label=_("Types de lieu"), required=False, widget=forms.CheckboxSelectMultiple
    )
    source = forms.ChoiceField(label=_("Source des données"), required=False)
    only_due = forms.BooleanField(label=_("Seulement les lieux à vérifier ou en retard"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        published = Place.objects.published()
        codes = set(published.exclude(code_insee="").values_list("code_insee", flat=True).distinct())
        communes = Commune.objects.filter(code_insee__in=codes).order_by("nom", "code_insee")
        self.fields["communes"].choices = [(c.code_insee, f"{c.nom} ({c.code_insee})") for c in communes]
        epcis = Epci.objects.filter(commune__code_insee__in=codes).annotate(n=Count("commune")).order_by("nom")
        self.fields["epci"].choices = [("", _("Toutes")), *((e.code, e.nom) for e in epcis)]
        departements = sorted({departement_of(code) for code in codes} - {""})
        self.fields["departement"].choices = [("", _("Tous")), *((d, f"{d} {DEPARTEMENTS[d]}") for d in departements)]
        used = set()
        for values in published.exclude(typologie="").values_list("typologie", flat=True).distinct():
            used.update(values)
        self.fields["typologies"].choices = [(v, label) for v, label in lieux.TYPOLOGIE.choices if v in used]
        sources = (
            SourceRecord.objects.filter(kind=SourceRecord.Kind.PLACE, place__est_publie=True)
            .exclude(source=COORDINATION)
            .values_list("source", flat=True)
            .distinct()
        )
        self.fields["source"].choices = [("", _("Toutes")), *((s, source_name(s)) for s in sorted(set(sources)))]

    def criteria(self) -> Criteria:
        data = self.cleaned_data
        return Criteria(
            communes=data["communes"],
            epci=data["epci"],
            departement=data["departement"],
            typologies=data["typologies"],
            source=data["source"],
            only_due=data["only_due"],
        )

    def scope(self) -> str:
        """The criteria in words, kept with the campaign (stored: in French, whatever the page's language)."""
        data, parts = self.cleaned_data, []
        labels = {name: dict(self.fields[name].choices) for name in ("communes", "epci", "departement", "typologies")}
        if data["communes"]:
            parts.append("communes : " + ", ".join(labels["communes"][c] for c in data["communes"]))
        if data["epci"]:
            parts.append(f"EPCI : {labels['epci'][data['epci']]}")
        if data["departement"]:
            parts.append(f"département : {labels['departement'][data['departement']]}")
        if data["typologies"]:
            parts.append("types : " + ", ".join(labels["typologies"][t] for t in data["typologies"]))
        if data["source"]:
            parts.append(f"source : {source_name(data['source'])}")
        if data["only_due"]:
            parts.append("seulement les lieux à vérifier ou en retard")
        return " ; ".join(parts) or "tous les lieux publiés"


class ConfirmationForm(forms.ModelForm):
    """A call or a visit a coordinator records on a place's page."""

    class Meta:
        model = Confirmation
        fields = ["channel", "at", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "channel" in self.fields:
            self.fields["channel"].choices = [("", "---------"), *((c.value, c.label) for c in COORDINATOR_CHANNELS)]

    def clean_at(self):
        at = self.cleaned_data["at"]
        if at and at > timezone.now():
            raise forms.ValidationError(_("La date de la vérification ne peut pas être dans le futur."))
        return at
