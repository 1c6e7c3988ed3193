"""The accessibility statement's figures, computed from the audit grid kept in docs/rgaa/ (RGAA 4.1).

Rates follow the RGAA method: a criterion is conform for the site when it is conform on at least one audited
page and non-conform on none; the rate is conform / (conform + non-conform) criteria. Criteria not yet tested
(`NT`) are counted apart, and keep the site from being declared « totalement conforme ».
"""

import csv
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext_lazy as _

DIR = Path(settings.BASE_DIR) / "docs" / "rgaa"
THEMES = {
    1: (_("Images"), 9), 2: (_("Cadres"), 2), 3: (_("Couleurs"), 3), 4: (_("Multimédia"), 13),
    5: (_("Tableaux"), 8), 6: (_("Liens"), 2), 7: (_("Scripts"), 5), 8: (_("Éléments obligatoires"), 10),
    9: (_("Structuration de l’information"), 4), 10: (_("Présentation de l’information"), 14),
    11: (_("Formulaires"), 13), 12: (_("Navigation"), 11), 13: (_("Consultation"), 12),
}  # fmt: skip
CRITERIA = [f"{theme}.{i}" for theme, (_name, count) in THEMES.items() for i in range(1, count + 1)]
STATUSES = {"C", "NC", "NA", "NT"}


@dataclass
class Audit:
    pages: list[dict]
    rows: list[dict]
    date: str = ""
    conform: int = 0
    non_conform: int = 0
    not_applicable: int = 0
    not_tested: int = 0
    rate: int = 0
    mean_rate: int = 0
    status: str = _("non conforme")
    failures: list[dict] = field(default_factory=list)
    untested: list[dict] = field(default_factory=list)  # criteria not tested on pages otherwise evaluated
    unaudited: list[dict] = field(default_factory=list)  # sample pages not evaluated at all yet
    evaluated: int = 0


def _read(name: str) -> list[dict]:
    with open(DIR / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def theme_of(criterion: str) -> str:
    return THEMES[int(criterion.split(".")[0])][0]


def _rate(conform: int, non_conform: int) -> int:
    return round(100 * conform / (conform + non_conform)) if conform + non_conform else 100


@lru_cache(maxsize=1)
def load_audit() -> Audit:
    pages, rows = _read("echantillon.csv"), _read("grille.csv")
    by_criterion: dict[str, set[str]] = {c: set() for c in CRITERIA}
    per_page: dict[str, Counter] = {p["page"]: Counter() for p in pages}
    for row in rows:
        by_criterion[row["critere"]].add(row["statut"])
        per_page[row["page"]][row["statut"]] += 1
    audit = Audit(pages=pages, rows=rows, date=max((r["date"] for r in rows if r["date"]), default=""))
    blank = {page for page, counts in per_page.items() if set(counts) == {"NT"}}
    audit.unaudited = [p for p in pages if p["page"] in blank]
    audit.evaluated = len(pages) - len(audit.unaudited)
    for criterion, found in by_criterion.items():
        if "NC" in found:
            audit.non_conform += 1
            pages_nc = [r["page"] for r in rows if r["critere"] == criterion and r["statut"] == "NC"]
            remark = next(r["remarque"] for r in rows if r["critere"] == criterion and r["statut"] == "NC")
            audit.failures.append(
                {"critere": criterion, "theme": theme_of(criterion), "pages": pages_nc, "remarque": remark}
            )
        elif "NT" in found:
            audit.not_tested += 1
            partial = [r for r in rows if r["critere"] == criterion and r["statut"] == "NT" and r["page"] not in blank]
            if partial:
                remark = partial[0]["remarque"]
                audit.untested.append({"critere": criterion, "theme": theme_of(criterion), "remarque": remark})
        elif "C" in found:
            audit.conform += 1
        else:
            audit.not_applicable += 1
    audit.rate = _rate(audit.conform, audit.non_conform)
    evaluated = [c for page, c in per_page.items() if page not in blank]
    audit.mean_rate = round(sum(_rate(c["C"], c["NC"]) for c in evaluated) / max(1, len(evaluated)))
    if audit.rate == 100 and not audit.not_tested:
        audit.status = _("totalement conforme")
    elif audit.rate >= 50:
        audit.status = _("partiellement conforme")
    return audit
