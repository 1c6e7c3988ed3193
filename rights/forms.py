"""The household questionnaire: one page of fieldsets, fixed slots (two adults, six children) so that it works
without JavaScript. Only what the rules need; `household()` turns the answers into a `situation.Household`."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import HoneypotMixin
from rights.situation import BENEFITS, Adult, Child, Household
from territory.models import Commune
from territory.search import resolve_commune

MAX_CHILDREN = 6
DISABILITY = [
    ("0", _("Aucun handicap reconnu")),
    ("30", _("Taux d’incapacité de moins de 50 %")),
    ("50", _("Taux de 50 à 79 %")),
    ("80", _("Taux de 80 % ou plus")),
]
SCHOOL = [
    ("", _("Pas à l’école")),
    ("maternelle", _("Maternelle")),
    ("primaire", _("École élémentaire (primaire)")),
    ("college", _("Collège")),
    ("lycee", _("Lycée")),
]
HOUSING = [
    ("locataire", _("Locataire")),
    ("proprietaire", _("Propriétaire (ou en train d’acheter)")),
    ("heberge", _("Hébergé gratuitement (famille, amis…)")),
]
INCOMES = (
    ("salaire", _("Salaire net")),
    ("chomage", _("Allocation chômage (France Travail)")),
    ("retraite", _("Retraite ou pension")),
)


def _money(label: str, help_text: str = "") -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=False,
        min_value=0,
        max_value=1_000_000,
        decimal_places=2,
        help_text=help_text,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off", "class": "money"}),
        error_messages={"invalid": _("Indiquez un montant en euros, par exemple 850 ou 850,50.")},
    )


def _age(label: str, required: bool) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=required,
        min_value=0,
        max_value=120,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "class": "age"}),
        error_messages={"invalid": _("Indiquez un âge en années, par exemple 42."), "required": _("Indiquez l’âge.")},
    )


class HouseholdForm(HoneypotMixin, forms.Form):
    commune = forms.CharField(
        label=_("Commune où vous habitez"),
        max_length=100,
        help_text=_("Le nom ou le code postal, par exemple « Massy » ou « 91300 »."),
        error_messages={"required": _("Indiquez votre commune.")},
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
    )
    couple = forms.ChoiceField(
        label=_("Vivez-vous en couple ?"),
        choices=[("non", _("Non, seul ou seule")), ("oui", _("Oui (mariage, Pacs ou union libre)"))],
        widget=forms.RadioSelect,
        initial="non",
    )
    logement = forms.ChoiceField(
        label=_("Votre logement"), choices=HOUSING, widget=forms.RadioSelect, initial="locataire"
    )
    loyer = _money(_("Loyer par mois, sans les charges"), _("Pour les locataires."))
    rfr = _money(
        _("Revenu fiscal de référence"),
        _(
            "Sur votre dernier avis d’impôt (revenus de l’année N-2). "
            "Laissé vide : estimé à partir des revenus ci-dessus."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for n in (1, 2):
            self.fields[f"a{n}_age"] = _age(_("Âge"), required=n == 1)  # the second adult's: when in a couple
            for key, label in INCOMES:
                self.fields[f"a{n}_{key}"] = _money(
                    gettext("%(income)s, par mois en moyenne sur 12 mois") % {"income": label}
                )
            self.fields[f"a{n}_handicap"] = forms.ChoiceField(label=_("Handicap"), choices=DISABILITY, initial="0")
        for n in range(1, MAX_CHILDREN + 1):
            self.fields[f"e{n}_age"] = _age(_("Âge"), required=False)
            self.fields[f"e{n}_ecole"] = forms.ChoiceField(label=_("Scolarité"), choices=SCHOOL, required=False)
        for b in BENEFITS:
            if b.yearly or b.annual_amount_in_month:
                label = gettext("%(benefit)s (par an)") % {"benefit": gettext(b.label)}
            else:
                label = gettext("%(benefit)s (par mois)") % {"benefit": gettext(b.label)}
            self.fields[f"percu_{b.key}"] = _money(label)

    # -- the page's groups -----------------------------------------------------------------------------------
    def _adult_fields(self, n: int) -> list:
        return [self[f"a{n}_age"], *(self[f"a{n}_{key}"] for key, _ in INCOMES), self[f"a{n}_handicap"]]

    @property
    def adult1(self) -> list:
        return self._adult_fields(1)

    @property
    def adult2(self) -> list:
        return self._adult_fields(2)

    def children_rows(self) -> list[tuple[int, object, object]]:
        return [(n, self[f"e{n}_age"], self[f"e{n}_ecole"]) for n in range(1, MAX_CHILDREN + 1)]

    @property
    def more_children(self) -> bool:
        """Children 4 to 6 are shown at once when one of them is filled in (or wrong)."""
        names = [f"e{n}_{k}" for n in range(4, MAX_CHILDREN + 1) for k in ("age", "ecole")]
        source = self.data if self.is_bound else self.initial
        return any(source.get(name) not in (None, "") for name in names) or any(n in self.errors for n in names)

    def received_fields(self) -> list:
        return [self[f"percu_{b.key}"] for b in BENEFITS]

    # -- checks ----------------------------------------------------------------------------------------------
    def clean_commune(self):
        commune = resolve_commune(self.cleaned_data["commune"])
        if commune is None:
            raise ValidationError(_("Commune introuvable : vérifiez l’orthographe, ou indiquez le code postal."))
        self.commune_found = commune
        return commune.nom

    def clean(self):
        data = super().clean()
        if data.get("couple") == "oui" and data.get("a2_age") is None:
            self.add_error("a2_age", _("Indiquez l’âge de votre conjoint ou conjointe."))
        if data.get("logement") == "locataire" and not data.get("loyer"):
            self.add_error("loyer", _("Indiquez le loyer (sans les charges)."))
        for n in range(1, MAX_CHILDREN + 1):
            age = data.get(f"e{n}_age")
            if data.get(f"e{n}_ecole") and age is None:
                self.add_error(f"e{n}_age", gettext("Indiquez l’âge de l’enfant %(n)s.") % {"n": n})
            elif age is not None and age > 25:
                self.add_error(f"e{n}_age", _("Un enfant à charge a 25 ans au plus."))
        if data.get("a1_age") is not None and data["a1_age"] < 16:
            self.add_error("a1_age", _("La personne qui remplit a 16 ans ou plus."))
        return data

    # -- the household ---------------------------------------------------------------------------------------
    def answers(self) -> dict:
        """The cleaned answers as JSON values (kept in the session, never in the database)."""
        out = {
            k: (float(v) if isinstance(v, Decimal) else v) for k, v in self.cleaned_data.items() if k != "site_web_2"
        }
        out["code_insee"] = self.commune_found.code_insee
        return out


def initial(answers: dict | None, code_insee: str = "") -> dict | None:
    """The kept answers as the form shows them again (« 700 », not « 700.0 »); else, the commune a link names by
    its INSEE code (`/droits/?commune=91377`, from an orientation sheet) as « Massy (91300) »."""
    if not answers:
        commune = Commune.objects.filter(code_insee=code_insee[:5]).first() if code_insee else None
        return {"commune": commune.label} if commune else None
    return {k: int(v) if isinstance(v, float) and v.is_integer() else v for k, v in answers.items()}


def _adult(answers: dict, n: int) -> Adult:
    return Adult(
        age=answers[f"a{n}_age"],
        salary=answers.get(f"a{n}_salaire") or 0.0,
        unemployment=answers.get(f"a{n}_chomage") or 0.0,
        pension=answers.get(f"a{n}_retraite") or 0.0,
        disability_rate=int(answers.get(f"a{n}_handicap") or 0),
    )


def household(answers: dict) -> Household:
    """The household the engine computes, from the answers kept in the session."""
    adults = [_adult(answers, 1)] + ([_adult(answers, 2)] if answers.get("couple") == "oui" else [])
    children = [
        Child(age=answers[f"e{n}_age"], school=answers.get(f"e{n}_ecole") or "")
        for n in range(1, MAX_CHILDREN + 1)
        if answers.get(f"e{n}_age") is not None
    ]
    received = {b.key: answers[f"percu_{b.key}"] for b in BENEFITS if answers.get(f"percu_{b.key}")}
    return Household(
        adults=tuple(adults),
        children=tuple(children),
        housing=answers.get("logement") or "locataire",
        rent=answers.get("loyer") or 0.0,
        depcom=answers["code_insee"],
        rfr=answers.get("rfr"),
        received=received,
    )
