"""The register as open data: one JSON object per algorithm, or one CSV row per parameter and per rule.

Served by `opendata` (its catalogue lists both files): `/donnees-ouvertes/algorithmes.json` and `.csv`.
"""

from algorithms import register
from algorithms.register import Entry

COLUMNS = ["algorithme", "nom_algorithme", "version", "date_version", "empreinte", "type", "code", "nom", "valeur",
           "texte"]  # fmt: skip
PARAMETER, RULE = "parametre", "regle"


def _version(entry: Entry) -> tuple[int | None, str]:
    current = entry.current
    return (current.number, current.date.isoformat()) if current else (None, "")


def record(entry: Entry, base_url: str = "") -> dict:
    """Everything the detail page says, as JSON-ready values."""
    d, (number, day) = entry.declaration, _version(entry)
    return {
        "algorithme": d.slug,
        "nom": d.name,
        "page": f"{base_url.rstrip('/')}/algorithmes/{d.slug}/",
        "finalite": d.purpose,
        "part_dans_le_resultat": d.part_in_outcome,
        "donnees": [{"donnee": what, "source": source} for what, source in d.data],
        "parametres": [{"nom": p.name, "valeur": p.value, "role": p.meaning} for p in d.parameters],
        "operations": list(d.operations),
        "regles": [{"code": r.code, "texte": r.text} for r in d.rules],
        "version_regles": d.rules_version,
        "role_humain": d.human_role,
        "code": d.module,
        "version": number,
        "date_version": day,
        "empreinte": entry.fingerprint,
        "version_publiee": entry.published,
        "historique": [
            {"version": v.number, "date": v.date.isoformat(), "empreinte": v.fingerprint, "changement": v.summary}
            for v in entry.history
        ],
        "contact": d.contact or f"{base_url.rstrip('/')}/contact/",
    }


def records(base_url: str = "") -> list[dict]:
    return [record(entry, base_url) for entry in register.entries()]


def rows() -> list[list]:
    """One row per parameter (`valeur`, `texte` = what it does) and per rule (`texte`), with its algorithm's
    version."""
    out = []
    for entry in register.entries():
        d, (number, day) = entry.declaration, _version(entry)
        head = [d.slug, d.name, number if number is not None else "", day, entry.fingerprint]
        out += [[*head, PARAMETER, "", p.name, p.value, p.meaning] for p in d.parameters]
        out += [[*head, RULE, r.code, "", "", r.text] for r in d.rules]
    return out
