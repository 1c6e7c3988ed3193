"""The observatory's indicators: each a weighted share of a base population, with its national reference.

Illectronisme follows INSEE's 2021 rule (Insee Première n° 1953, encadré 2): a person aged 15 or more is in
illectronisme when they have not used internet in the last three months, or when they used it but lack basic
skills in at least four of the five domains (information, communication, problem solving, software, privacy
protection). Users lacking skills in one, two or three domains have « weak digital capacities » (28 % of users
in 2021). A domain counts as a skill when the person did at least one of its activities in the last three months.
"""

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from observatory.domain import estimates
from observatory.domain.frame import SUPPORT_THEMES, Frame
from observatory.survey.questionnaire import load

REFERENCES = Path(__file__).resolve().parents[1] / "data" / "references.toml"


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str
    base_label: str
    compute: Callable[[Frame], tuple[np.ndarray, np.ndarray]]  # (flag, base)
    local: bool = False  # a definition of this observatory's own, not a national one
    group: str = "usages"
    short_label: str = ""  # the support themes' label without « Souhaite de l’aide : », for their own chart

    def flags(self, frame: Frame) -> tuple[np.ndarray, np.ndarray]:
        """(flag, base), computed once per frame."""
        key = ("indicator", self.key)
        if key not in frame.memo:
            frame.memo[key] = self.compute(frame)
        return frame.memo[key]

    @property
    def slug(self) -> str:
        """The French address of its page (/observatoire/indicateurs/<slug>/); the key stays the code's name."""
        if self.key.startswith("support_"):
            return "aide-souhaitee-" + self.key.removeprefix("support_").replace("_", "-")
        return SLUGS[self.key]

    @property
    def reference(self) -> dict | None:
        return references().get(self.key)

    @property
    def reference_source(self) -> str:
        """The reference's source, as shown (references.toml is French; REFERENCE_SOURCES lists it for gettext)."""
        ref = self.reference
        return gettext(ref["source"]) if ref and ref.get("source") else ""

    @property
    def reference_share(self) -> float | None:
        ref = self.reference
        return ref["value"] / 100 if ref else None


SLUGS = {
    "no_home_internet": "sans-internet-a-domicile",
    "no_use_3_months": "pas-d-internet-depuis-trois-mois",
    "illectronisme": "illectronisme",
    "weak_capacities": "capacites-numeriques-faibles",
    "not_comfortable": "peu-a-l-aise",
    "worried": "inquietude-demarches",
    "autonomous": "demarches-seul",
    "dependent": "demarches-avec-autrui",
    "gave_up": "demarche-abandonnee",
    "far_from_digital": "eloigne-du-numerique",
}


# The sources of references.toml, for makemessages (shown through `Indicator.reference_source`).
REFERENCE_SOURCES = (
    gettext_noop("Baromètre du numérique 2016 (Crédoc pour l’Arcep, le CGE et l’Agence du numérique)"),
    gettext_noop("Insee, enquête TIC-ménages 2019 (Insee Première n° 1780)"),
    gettext_noop("Insee, enquête TIC-ménages 2021 (Insee Première n° 1953)"),
)


@cache
def references() -> dict[str, dict]:
    return tomllib.loads(REFERENCES.read_text(encoding="utf-8"))


def _answered(frame: Frame, column: str) -> np.ndarray:
    return frame.answered(column)


def _users(frame: Frame) -> np.ndarray:
    return frame.isin("derniere_utilisation", ("moins_3_mois",))


def no_home_internet(frame):
    base = frame.isin("internet_domicile", ("oui", "non"))
    return frame.isin("internet_domicile", ("non",)), base


def no_use_3_months(frame):
    return ~_users(frame) & _answered(frame, "derniere_utilisation"), _answered(frame, "derniere_utilisation")


def illectronisme(frame):
    users = _users(frame)
    flag = (~users | (frame["skills_missing"] >= 4)) & _answered(frame, "derniere_utilisation")
    return flag, _answered(frame, "derniere_utilisation")


def weak_capacities(frame):
    users = _users(frame)
    missing = frame["skills_missing"]
    return users & (missing >= 1) & (missing <= 3), users


def not_comfortable(frame):
    return frame.isin("aisance", ("peu", "pas_du_tout")), _answered(frame, "aisance")


def worried(frame):
    return frame.isin("inquietude", ("beaucoup", "un_peu")), _answered(frame, "inquietude")


def _procedures(frame):
    return _answered(frame, "autonomie") & ~frame.isin("autonomie", ("sans_objet",))


def autonomous(frame):
    return frame.isin("autonomie", ("seul",)), _procedures(frame)


def dependent(frame):
    return frame.isin("autonomie", ("avec_aide", "par_un_tiers")), _procedures(frame)


def gave_up(frame):
    return frame.isin("autonomie", ("pas_pu",)), _procedures(frame)


def far_from_digital(frame):
    """Local composite: illectronisme, or no internet at home, or not comfortable and unable to do one's
    procedures alone (helped, done by someone else, or given up)."""
    illectrone, base = illectronisme(frame)
    uneasy = frame.isin("aisance", ("peu", "pas_du_tout"))
    not_alone = frame.isin("autonomie", ("avec_aide", "par_un_tiers", "pas_pu"))
    return illectrone | (frame.isin("internet_domicile", ("non",))) | (uneasy & not_alone), base


def _support(theme: str):
    def compute(frame):
        return frame[f"support_{theme}"], _answered(frame, "support")

    return compute


def _theme_label(theme: str, *, whole: bool) -> str:
    """« Souhaite de l’aide : faire mes démarches… » (whole) or the theme alone, in the current language."""
    option = gettext(load()["accompagnement_souhaite"].label_of(theme))
    option = option[0].lower() + option[1:]
    return gettext("Souhaite de l’aide : %(theme)s") % {"theme": option} if whole else option


_theme_label_lazy = lazy(_theme_label, str)


def _support_indicators() -> list[Indicator]:
    return [
        Indicator(
            f"support_{theme}",
            _theme_label_lazy(theme, whole=True),
            _("personnes ayant répondu à la question sur l’aide souhaitée"),
            _support(theme),
            local=True,
            group="accompagnement",
            short_label=_theme_label_lazy(theme, whole=False),
        )
        for theme in SUPPORT_THEMES
    ]


INDICATORS: list[Indicator] = [
    Indicator(
        "no_home_internet", _("Sans accès à internet à domicile"), _("personnes de 15 ans ou plus"), no_home_internet
    ),
    Indicator(
        "no_use_3_months",
        _("N’a pas utilisé internet depuis trois mois"),
        _("personnes de 15 ans ou plus"),
        no_use_3_months,
    ),
    Indicator("illectronisme", _("En situation d’illectronisme"), _("personnes de 15 ans ou plus"), illectronisme),
    Indicator(
        "weak_capacities",
        _("Capacités numériques faibles"),
        _("usagers d’internet (trois derniers mois)"),
        weak_capacities,
    ),
    Indicator(
        "not_comfortable",
        _("Peu ou pas du tout à l’aise avec le numérique"),
        _("personnes ayant répondu"),
        not_comfortable,
    ),
    Indicator(
        "worried",
        _("Inquiet ou inquiète de faire ses démarches en ligne"),
        _("personnes ayant répondu"),
        worried,
        group="demarches",
    ),
    Indicator(
        "autonomous",
        _("Fait ses démarches en ligne seul ou seule"),
        _("personnes ayant eu une démarche à faire"),
        autonomous,
        group="demarches",
    ),
    Indicator(
        "dependent",
        _("Dépend d’autrui pour ses démarches (aide ou fait à sa place)"),
        _("personnes ayant eu une démarche à faire"),
        dependent,
        group="demarches",
    ),
    Indicator(
        "gave_up",
        _("N’a pas pu faire sa dernière démarche"),
        _("personnes ayant eu une démarche à faire"),
        gave_up,
        group="demarches",
    ),
    Indicator(
        "far_from_digital",
        _("Éloigné du numérique (définition locale)"),
        _("personnes de 15 ans ou plus"),
        far_from_digital,
        local=True,
    ),
    *_support_indicators(),
]
BY_KEY = {indicator.key: indicator for indicator in INDICATORS}
BY_SLUG = {indicator.slug: indicator for indicator in INDICATORS}


def territory(frame: Frame, weights: np.ndarray) -> list[tuple[Indicator, estimates.Estimate]]:
    """Every indicator on the whole territory."""
    rows = []
    for indicator in INDICATORS:
        flag, base = indicator.flags(frame)
        rows.append((indicator, estimates.estimate(flag, base, weights, indicator.reference_share)))
    return rows
