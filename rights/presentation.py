"""The answers a result was computed from, phrased for people (shown on the result and printed)."""

from django.utils.translation import gettext as _

from rights.forms import DISABILITY, HOUSING, INCOMES, MAX_CHILDREN, SCHOOL
from rights.situation import BENEFITS


def euros(value: float) -> str:
    """« 1 234,50 € », « 900 € »."""
    whole = f"{value:,.2f}".replace(",", "\u202f").replace(".", ",")
    return (whole[:-3] if whole.endswith(",00") else whole) + "\u00a0€"


def _person(answers: dict, n: int, title: str) -> str:
    parts = [_("%(age)s ans") % {"age": answers[f"a{n}_age"]}]
    for key, label in INCOMES:
        if answers.get(f"a{n}_{key}"):
            amount = euros(answers[f"a{n}_{key}"])
            parts.append(_("%(income)s %(amount)s par mois") % {"income": label.lower(), "amount": amount})
    handicap = answers.get(f"a{n}_handicap") or "0"
    if handicap != "0":
        parts.append(dict(DISABILITY)[handicap].lower())
    return _("%(who)s : %(details)s") % {"who": title, "details": ", ".join(parts)}


def inputs(answers: dict) -> list[str]:
    lines = [_("Commune : %(commune)s") % {"commune": answers["commune"]}, _person(answers, 1, _("Vous"))]
    if answers.get("couple") == "oui":
        lines.append(_person(answers, 2, _("Votre conjoint ou conjointe")))
    schools = dict(SCHOOL)
    for n in range(1, MAX_CHILDREN + 1):
        if answers.get(f"e{n}_age") is not None:
            school = str(schools.get(answers.get(f"e{n}_ecole") or "", ""))
            lines.append(
                _("Enfant %(n)s : %(age)s ans, %(school)s")
                % {"n": n, "age": answers[f"e{n}_age"], "school": school.lower()}
            )
    housing = str(dict(HOUSING)[answers.get("logement") or "locataire"])
    if answers.get("logement") == "locataire":
        housing = _("%(housing)s, loyer %(rent)s par mois") % {
            "housing": housing,
            "rent": euros(answers.get("loyer") or 0),
        }
    lines.append(_("Logement : %(housing)s") % {"housing": housing})
    rfr = answers.get("rfr")
    if rfr is not None:
        lines.append(_("Revenu fiscal de référence : %(amount)s") % {"amount": euros(rfr)})
    else:
        lines.append(_("Revenu fiscal de référence : non indiqué (estimé)"))
    received = [f"{_(b.label)} {euros(answers[f'percu_{b.key}'])}" for b in BENEFITS if answers.get(f"percu_{b.key}")]
    if received:
        lines.append(_("Aides déjà perçues : %(benefits)s") % {"benefits": "; ".join(received)})
    else:
        lines.append(_("Aides déjà perçues : aucune indiquée"))
    return lines
