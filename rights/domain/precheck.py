"""What the engine's amounts mean for the person: likely entitled, not entitled, or cannot tell; « déjà perçu »
(declared by the person: never shown as a new right) or « non demandé »; how to claim.

An estimate, never a decision: the organisation that pays decides, on the documents.
"""

import json
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from django.utils.dates import MONTHS as MONTH_NAMES
from django.utils.translation import gettext, gettext_noop

from rights import client
from rights.situation import BENEFITS, CSS_FREE, Benefit, Household

PROBABLE, NOT_ENTITLED, UNSURE = "probable", "non", "incertain"
DATA = Path(__file__).resolve().parent.parent / "data" / "demarches.json"
MIN_AMOUNT = 1.0  # below a euro (rounding), no right is announced


def _month(number: int) -> str:
    """« janvier »… in the current language (Django's own month names)."""
    return str(MONTH_NAMES[number])


@cache
def procedures() -> dict[str, dict]:
    """How to claim each benefit: organisation, contact, procedure, documents, conditions not checked."""
    return json.loads(DATA.read_text(encoding="utf-8"))


def shown_procedure(key: str) -> dict:
    """How to claim a benefit as shown to people: each text through gettext (listed in `rights/messages.py`), the
    link as it is."""
    return {
        field: value
        if field == "lien" or not value
        else [gettext(v) for v in value]
        if isinstance(value, list)
        else gettext(value)
        for field, value in procedures().get(key, {}).items()
    }


@dataclass
class Outcome:
    benefit: Benefit
    status: str  # PROBABLE, NOT_ENTITLED or UNSURE
    amount: float  # the estimate: a month's, or a year's (`yearly`)
    declared: float | None = None  # the amount the person said they receive
    notes: list[str] = field(default_factory=list)  # French msgids (a handover stores them): shown translated

    @property
    def label(self) -> str:
        return gettext(self.benefit.label)

    @property
    def yearly(self) -> bool:
        return self.benefit.yearly or self.benefit.annual_amount_in_month

    @property
    def received(self) -> bool:
        return self.declared is not None

    @property
    def new_right(self) -> bool:
        """Likely entitled and not declared: the non-recours this pre-check looks for."""
        return self.status == PROBABLE and not self.received

    @property
    def procedure(self) -> dict:
        return shown_procedure(self.benefit.key)


@dataclass
class Check:
    month: date
    outcomes: list[Outcome]
    versions: dict[str, str]
    values: dict[str, float]  # the engine's amounts, by benefit key (what the session keeps)

    @property
    def new_rights(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.new_right]

    @property
    def unsure(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == UNSURE and not o.received]

    @property
    def received(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.received]

    @property
    def not_entitled(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == NOT_ENTITLED and not o.received]

    @property
    def new_monthly_total(self) -> float:
        return sum(o.amount for o in self.new_rights if not o.yearly)

    @property
    def period(self) -> dict[str, str]:
        """The periods the rules read, in words."""
        first = date(self.month.year - 1, self.month.month, 1)
        last_year = self.month.year if self.month.month > 1 else self.month.year - 1
        return {
            "mois": f"{_month(self.month.month)} {self.month.year}",
            "revenus": gettext("de %(first)s à %(last)s")
            % {
                "first": f"{_month(first.month)} {first.year}",
                "last": f"{_month((self.month.month - 2) % 12 + 1)} {last_year}",
            },
            "n2": str(self.month.year - 2),
            "avis": str(self.month.year - 1),
        }


def _outcome(benefit: Benefit, values: dict[str, float], h: Household) -> Outcome:
    amount = round(values[benefit.key], 2)
    declared = h.received.get(benefit.key)
    notes = []
    status = PROBABLE if amount >= MIN_AMOUNT else NOT_ENTITLED
    if benefit.key == "css":
        if values[CSS_FREE]:
            status, amount = PROBABLE, 0.0
            notes.append(gettext_noop("Gratuite pour votre foyer."))
        elif status == PROBABLE:
            notes.append(gettext_noop("Avec une participation financière, selon l’âge de chaque personne du foyer."))
            amount = 0.0
    if benefit.key == "asf" and status == PROBABLE:
        status = UNSURE
        notes.append(gettext_noop("Dépend de la pension alimentaire que verse, ou non, l’autre parent."))
    if benefit.key == "aah" and status == NOT_ENTITLED and any(50 <= a.disability_rate < 80 for a in h.adults):
        status = UNSURE
        notes.append(
            gettext_noop(
                "Entre 50 et 79 % d’incapacité, la MDPH apprécie l’accès à l’emploi : le simulateur ne le peut pas."
            )
        )
    if benefit.key in ("bourse_college", "bourse_lycee", "cheque_energie") and h.rfr is None:
        notes.append(gettext_noop("Estimé sans le revenu fiscal de référence : vérifiez-le sur l’avis d’impôt."))
    return Outcome(benefit=benefit, status=status, amount=amount, declared=declared, notes=notes)


def interpret(h: Household, month: date, values: dict[str, float], versions: dict[str, str]) -> Check:
    return Check(month, [_outcome(b, values, h) for b in BENEFITS], versions, values)


def run(h: Household, month: date) -> Check:
    """Compute one household (raises `client.EngineUnavailable` when the engine cannot answer)."""
    return run_many([h], month)[0]


def run_many(households: list[Household], month: date) -> list[Check]:
    """Many households in one request and one simulation (the reference households, the bench)."""
    computed = client.compute(households, month)
    return [
        interpret(h, month, values, computed.versions) for h, values in zip(households, computed.amounts, strict=True)
    ]
