"""Query parameters of the API: checked by forms, with French messages, never trusted as they come."""

from dataclasses import dataclass
from math import ceil

from django import forms
from django.db.models import QuerySet
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from standards import dataincl as di
from territory.departements import DEPARTEMENTS, in_departement

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_PAGE = 100_000

CODE_INSEE = r"^([013-9]\d|2[AB1-9])\d{3}$"
CODE_POSTAL = r"^\d{5}$"
# Free text: at least one visible character, no NUL (what Django's CharField refuses).
TEXT = r"^[^\x00]*[^\s\x00][^\x00]*$"
BOOLEANS = ("true", "false")

EMPTY = "Ce paramètre est vide : donnez-lui une valeur, ou retirez-le."
NOT_BOOLEAN = "Indiquez « true » (oui) ou « false » (non)."


def _page_size_message() -> str:
    return gettext("La taille de page doit être un nombre entier entre 1 et %(max)s.") % {"max": MAX_PAGE_SIZE}


class PageForm(forms.Form):
    page = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PAGE,
        error_messages={"invalid": _("Le numéro de page doit être un nombre entier (1, 2, 3…).")},
    )
    taille = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PAGE_SIZE,
        error_messages={"invalid": lazy(_page_size_message, str)()},
    )

    @property
    def page_number(self) -> int:
        return self.cleaned_data.get("page") or 1

    @property
    def page_size(self) -> int:
        return self.cleaned_data.get("taille") or DEFAULT_PAGE_SIZE


class AreaForm(PageForm):
    code_insee = forms.RegexField(
        regex=CODE_INSEE,
        required=False,
        error_messages={"invalid": _("Le code INSEE d’une commune a 5 caractères, par exemple 91377.")},
    )
    code_postal = forms.RegexField(
        regex=CODE_POSTAL,
        required=False,
        error_messages={"invalid": _("Un code postal a 5 chiffres, par exemple 91300.")},
    )
    departement = forms.ChoiceField(
        choices=[("", ""), *DEPARTEMENTS.items()],
        required=False,
        error_messages={"invalid_choice": _("Département inconnu « %(value)s » : indiquez son code, par exemple 91.")},
    )

    def filter(self, queryset: QuerySet, prefix: str = "") -> QuerySet:
        data = self.cleaned_data
        if data.get("code_insee"):
            queryset = queryset.filter(**{f"{prefix}code_insee": data["code_insee"]})
        if data.get("code_postal"):
            queryset = queryset.filter(**{f"{prefix}code_postal": data["code_postal"]})
        if data.get("departement"):
            queryset = queryset.filter(in_departement(data["departement"], prefix))
        return queryset


class ServiceListForm(AreaForm):
    thematique = forms.ChoiceField(
        choices=[("", ""), *di.THEMATIQUES.choices],
        required=False,
        error_messages={
            "invalid_choice": _("Thématique inconnue « %(value)s » (voir la liste dans la documentation).")
        },
    )

    def filter(self, queryset: QuerySet, prefix: str = "place__") -> QuerySet:
        queryset = super().filter(queryset, prefix)
        if self.cleaned_data.get("thematique"):
            queryset = queryset.filter(thematiques__has=self.cleaned_data["thematique"])
        return queryset


def form_errors(form: forms.Form) -> dict[str, list[str]]:
    return {field: [str(m) for m in messages] for field, messages in form.errors.items()}


def strict_errors(query, form_class: type[forms.Form]) -> dict[str, list[str]]:
    """What the API refuses although a form would take it: a parameter given empty (`code_postal=`: the
    document's patterns exclude it; a form would read it as absent) and a boolean other than true/false
    (the site's checkboxes send « on », a form takes any text as yes)."""
    found = {}
    for name, field in form_class.base_fields.items():
        values = query.getlist(name)
        if any(not v.strip() for v in values):
            found[name] = [EMPTY]
        elif isinstance(field, forms.BooleanField) and any(v not in BOOLEANS for v in values):
            found[name] = [NOT_BOOLEAN]
    return found


@dataclass
class Window:
    """One page of a list, with the links to its neighbours."""

    count: int
    number: int
    size: int

    @property
    def num_pages(self) -> int:
        return max(1, ceil(self.count / self.size))

    @property
    def exists(self) -> bool:
        return self.number <= self.num_pages

    @property
    def bounds(self) -> tuple[int, int]:
        start = (self.number - 1) * self.size
        return start, start + self.size


def page_links(request, window: Window) -> dict:
    def link(number: int) -> str:
        query = request.GET.copy()
        query["page"] = str(number)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return {
        "count": window.count,
        "next": link(window.number + 1) if window.number < window.num_pages else None,
        "previous": link(window.number - 1) if window.number > 1 else None,
    }


def missing_page(window: Window) -> dict:
    return {"page": [f"La page {window.number} n’existe pas : il y a {window.num_pages} page(s) de résultats."]}
