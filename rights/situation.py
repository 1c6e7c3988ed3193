"""A household's answers → an OpenFisca-France situation (the JSON of OpenFisca's web API).

Plain Python, no Django and no OpenFisca: the web app builds situations with it, the engine process
(`rights/engine/server.py`) only computes them, and the tests read it in both environments.

Periods, as the model needs them (the way the national simulator sets them too):
- stable facts (birth date, housing, commune, disability) are set on every month of the last year and on
  the month simulated, so that the rules that look back (RSA and prime d'activité read the three months before,
  housing aid and the CSS twelve) find them;
- net incomes are given as a monthly average over the last twelve months, set on each of those months and on
  the month simulated (the person's income is assumed stable);
- the N-2 year (the tax notice received last year) carries the reference tax income (RFR) the person gives, or
  an estimate from the last twelve months' incomes (said on the result page), and those incomes;
- monthly benefits already received are set on the twelve months before (0 when not declared: not received),
  so that the other benefits count them as resources; on the month simulated every benefit is computed, and a
  declared one is shown as « déjà perçu », never as a new right. Every household thus gives the same inputs,
  and many of them make one vectorised simulation (`rights/engine/batch.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# The person gives net amounts; some rules read gross or taxable ones. Approximations (a private-sector
# employee; small pensions exempt from CSG, so gross = net = taxable for pensions and unemployment benefit).
NET_PER_GROSS_SALARY = 0.78  # net ≈ 78 % of the gross salary (employee contributions, CSG, CRDS)
TAXABLE_PER_NET_SALARY = 1.037  # taxable ≈ net + the CSG not deductible and the CRDS (2.9 % of 98.25 % of gross)
RFR_SHARE_OF_TAXABLE = 0.9  # the RFR estimated without the notice: taxable incomes less the 10 % deduction
SCHOOLS = ("maternelle", "primaire", "college", "lycee")
HOUSING = {"locataire": "locataire_vide", "proprietaire": "proprietaire", "heberge": "loge_gratuitement"}


@dataclass(frozen=True)
class Adult:
    age: int
    salary: float = 0.0  # net a month, average over the last 12 months
    unemployment: float = 0.0
    pension: float = 0.0
    disability_rate: int = 0  # percent, 0 when none


@dataclass(frozen=True)
class Child:
    age: int
    school: str = ""  # one of SCHOOLS, or "" (not at school, or higher education)


@dataclass(frozen=True)
class Household:
    adults: tuple[Adult, ...]
    children: tuple[Child, ...] = ()
    housing: str = "locataire"  # a key of HOUSING
    rent: float = 0.0  # a month, charges excluded
    depcom: str = ""  # the commune's INSEE code
    rfr: float | None = None  # reference tax income on the last notice (revenus N-2); None: not known
    received: dict[str, float] = field(default_factory=dict)  # benefit key → amount a month (a year for yearly)

    @property
    def single_parent(self) -> bool:
        return len(self.adults) == 1 and bool(self.children)


@dataclass(frozen=True)
class Benefit:
    """A benefit the pre-check estimates: the model's variable, its entity and its period."""

    key: str
    label: str
    variable: str
    entity: str  # "familles", "menages" or "individus" (summed over the adults)
    yearly: bool = False  # the model gives a yearly amount (ARS, chèque énergie) or a month's
    annual_amount_in_month: bool = False  # a month variable whose value is a year's amount (school grants)


BENEFITS = (
    Benefit("rsa", "Revenu de solidarité active (RSA)", "rsa", "familles"),
    Benefit("ppa", "Prime d’activité", "ppa", "familles"),
    Benefit("aide_logement", "Aide au logement (APL, ALF ou ALS)", "aide_logement", "familles"),
    Benefit("af", "Allocations familiales", "af", "familles"),
    Benefit("asf", "Allocation de soutien familial (ASF)", "asf", "familles"),
    Benefit("css", "Complémentaire santé solidaire", "css_participation_forfaitaire", "familles"),
    Benefit("aah", "Allocation aux adultes handicapés (AAH)", "aah", "individus"),
    Benefit("aspa", "Allocation de solidarité aux personnes âgées (ASPA, minimum vieillesse)", "aspa", "familles"),
    Benefit("ars", "Allocation de rentrée scolaire (ARS)", "ars", "familles", yearly=True),
    Benefit("bourse_college", "Bourse de collège", "bourse_college", "familles", annual_amount_in_month=True),
    Benefit("bourse_lycee", "Bourse de lycée", "bourse_lycee", "familles", annual_amount_in_month=True),
    Benefit("cheque_energie", "Chèque énergie", "cheque_energie", "menages", yearly=True),
)
BY_KEY = {b.key: b for b in BENEFITS}
# The free CSS has no amount: the model says it with this boolean (the CSS with a participation has one).
CSS_FREE = "cmu_c"
# Monthly benefits set on the twelve months before (the amount declared, else 0: not received), so that the
# others count them as resources; on the month simulated they are always computed.
PAST_INPUTS = ("rsa", "ppa", "aide_logement", "af", "asf", "aspa", "aah")


def estimated_rfr(h: Household) -> float:
    """Without the tax notice: the taxable incomes of the last twelve months, less the 10 % deduction (frais
    professionnels, pensions), assumed to be those of the N-2 year."""
    taxable = sum(a.salary * TAXABLE_PER_NET_SALARY + a.unemployment + a.pension for a in h.adults) * 12
    return round(taxable * RFR_SHARE_OF_TAXABLE, 2)


def month_str(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def shift(month: date, months: int) -> date:
    index = month.year * 12 + month.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def history(month: date) -> list[str]:
    """The month simulated and the twelve before it."""
    return [month_str(shift(month, -n)) for n in range(12, -1, -1)]


def birth_date(age: int, month: date) -> str:
    """Someone `age` years old on the first day of `month` (born in its middle of the year before the birthday)."""
    return date(month.year - age - 1, 7, 1).isoformat() if month.month < 7 else date(month.year - age, 1, 1).isoformat()


def _on(months: list[str], value) -> dict:
    return dict.fromkeys(months, value)


def _adult(adult: Adult, months: list[str], n2: str) -> dict:
    salary_taxable = round(adult.salary * TAXABLE_PER_NET_SALARY, 2)
    person = {
        "date_naissance": {"ETERNITY": birth_date(adult.age, date.fromisoformat(months[-1] + "-01"))},
        "salaire_net": _on(months, adult.salary),
        "salaire_de_base": _on(months, round(adult.salary / NET_PER_GROSS_SALARY, 2)),
        "chomage_net": _on(months, adult.unemployment),
        "retraite_nette": _on(months, adult.pension),
        "retraite_brute": _on(months, adult.pension),
        "taux_incapacite": _on(months, adult.disability_rate / 100),
        "handicap": _on(months, adult.disability_rate >= 50),
        # Taxable incomes: monthly for the rules that read a rolling year (housing aid), and the N-2 year,
        # the incomes of the last twelve months assumed stable.
        "salaire_imposable": {**_on(months, salary_taxable), n2: round(salary_taxable * 12, 2)},
        "chomage_imposable": {**_on(months, adult.unemployment), n2: round(adult.unemployment * 12, 2)},
        "retraite_imposable": {**_on(months, adult.pension), n2: round(adult.pension * 12, 2)},
    }
    if adult.salary:
        person["activite"] = _on(months, "actif")
    elif adult.unemployment:
        person["activite"] = _on(months, "chomeur")
    elif adult.pension:
        person["activite"] = _on(months, "retraite")
    return person


def situation(households: list[Household], month: date, prefix: str = "") -> dict:
    """One situation holding every household (its entities prefixed `{prefix}{n}_`) for `month`.

    Requested variables are set to None on `month` (or its year): what OpenFisca's web API computes.
    """
    months = history(month)
    current, past = months[-1], months[:-1]
    year = str(month.year)
    n2 = str(month.year - 2)
    s = {"individus": {}, "familles": {}, "foyers_fiscaux": {}, "menages": {}}
    for n, h in enumerate(households):
        p = f"{prefix}{n}_"
        adults = [f"{p}a{i}" for i in range(len(h.adults))]
        children = [f"{p}e{i}" for i in range(len(h.children))]
        for pid, adult in zip(adults, h.adults, strict=True):
            s["individus"][pid] = _adult(adult, months, n2)
            # Given for everyone (a couple's kind of union changes none of these benefits): the same inputs
            # for every household, so that they share one simulation.
            s["individus"][pid]["statut_marital"] = _on(months, "marie" if len(adults) == 2 else "celibataire")
        for pid, child in zip(children, h.children, strict=True):
            s["individus"][pid] = {
                "date_naissance": {"ETERNITY": birth_date(child.age, month)},
                "scolarite": _on(months, child.school or "inconnue"),
            }
        family = {"parents": adults, "enfants": children}
        for benefit in BENEFITS:
            if benefit.entity == "familles":
                family[benefit.variable] = {year if benefit.yearly else current: None}
        for variable in PAST_INPUTS:
            if variable != "aah" and variable in h.received:
                family[variable] = {**_on(past, h.received[variable]), **family[variable]}
        family[CSS_FREE] = {current: None}
        s["familles"][f"{p}f"] = family
        foyer = {"declarants": adults, "personnes_a_charge": children}
        # Always given (the same inputs for every household): the notice's, else an estimate.
        foyer["rfr"] = {n2: h.rfr if h.rfr is not None else estimated_rfr(h)}
        s["foyers_fiscaux"][f"{p}ff"] = foyer
        menage = {
            "personne_de_reference": adults[:1],
            "conjoint": adults[1:],
            "enfants": children,
            "statut_occupation_logement": _on(months, HOUSING[h.housing]),
            "loyer": _on(months, h.rent if h.housing == "locataire" else 0),
        }
        if h.depcom:
            menage["depcom"] = _on(months, h.depcom)
        menage["cheque_energie"] = {year: None}
        s["menages"][f"{p}m"] = menage
        for i, pid in enumerate(adults):
            # A declared AAH is carried by the first adult (the model's AAH is per person).
            declared = _on(past, h.received["aah"]) if i == 0 and "aah" in h.received else {}
            s["individus"][pid]["aah"] = {current: None, **declared}
    return s


def amounts(result: dict, households: list[Household], month: date, prefix: str = "") -> list[dict[str, float]]:
    """Each household's computed values, by benefit key (a month's amount; a year's for yearly ones and
    school grants), plus `cmu_c` (1.0 when the free CSS)."""
    current = month_str(month)
    year = str(month.year)
    out = []
    for n, h in enumerate(households):
        p = f"{prefix}{n}_"
        values: dict[str, float] = {}
        for benefit in BENEFITS:
            period = year if benefit.yearly else current
            if benefit.entity == "individus":
                ids = [f"{p}a{i}" for i in range(len(h.adults))]
                values[benefit.key] = sum(float(result["individus"][i][benefit.variable][period]) for i in ids)
                continue
            entity_id = f"{p}f" if benefit.entity == "familles" else f"{p}m"
            values[benefit.key] = float(result[benefit.entity][entity_id][benefit.variable][period])
        values[CSS_FREE] = float(bool(result["familles"][f"{p}f"][CSS_FREE][current]))
        out.append(values)
    return out
