"""The answers a result was computed from, phrased for people (shown on the result and printed)."""

from rights.forms import DISABILITY, HOUSING, INCOMES, MAX_CHILDREN, SCHOOL
from rights.situation import BENEFITS


def euros(value: float) -> str:
    """« 1 234,50 € », « 900 € »."""
    whole = f"{value:,.2f}".replace(",", "\u202f").replace(".", ",")
    return (whole[:-3] if whole.endswith(",00") else whole) + "\u00a0€"


def _person(answers: dict, n: int, title: str) -> str:
    parts = [f"{answers[f'a{n}_age']} ans"]
    for key, label in INCOMES:
        if answers.get(f"a{n}_{key}"):
            parts.append(f"{label.lower()} {euros(answers[f'a{n}_{key}'])} par mois")
    handicap = answers.get(f"a{n}_handicap") or "0"
    if handicap != "0":
        parts.append(dict(DISABILITY)[handicap].lower())
    return f"{title} : " + ", ".join(parts)


def inputs(answers: dict) -> list[str]:
    lines = [f"Commune : {answers['commune']}", _person(answers, 1, "Vous")]
    if answers.get("couple") == "oui":
        lines.append(_person(answers, 2, "Votre conjoint ou conjointe"))
    schools = dict(SCHOOL)
    for n in range(1, MAX_CHILDREN + 1):
        if answers.get(f"e{n}_age") is not None:
            school = schools.get(answers.get(f"e{n}_ecole") or "", "")
            lines.append(f"Enfant {n} : {answers[f'e{n}_age']} ans, {school.lower()}")
    housing = dict(HOUSING)[answers.get("logement") or "locataire"]
    if answers.get("logement") == "locataire":
        housing += f", loyer {euros(answers.get('loyer') or 0)} par mois"
    lines.append(f"Logement : {housing}")
    rfr = answers.get("rfr")
    lines.append(f"Revenu fiscal de référence : {euros(rfr) if rfr is not None else 'non indiqué (estimé)'}")
    received = [f"{b.label} {euros(answers[f'percu_{b.key}'])}" for b in BENEFITS if answers.get(f"percu_{b.key}")]
    lines.append("Aides déjà perçues : " + ("; ".join(received) if received else "aucune indiquée"))
    return lines
