"""Import a council's votes from CSV: one row per member and deliberation; all or nothing, a report per row.

Columns (header names, any order; `;` or `,`): date_seance, lieu, numero, objet, matiere_code, matiere_nom,
resultat, elu, vote, pouvoir_a (the member who holds the proxy; empty when voting in person or absent).
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from civic.domain import councils
from civic.models import Council, Deliberation, Vote
from territory.text import fold

COLUMNS = [
    "date_seance",
    "lieu",
    "numero",
    "objet",
    "matiere_code",
    "matiere_nom",
    "resultat",
    "elu",
    "vote",
    "pouvoir_a",
]
RESULTS = {fold(label): value for value, label in Deliberation.Result.choices} | {
    v: v for v in Deliberation.Result.values
}


@dataclass
class Report:
    rows: int = 0
    deliberations: int = 0
    votes: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)  # (line number, French reason)

    @property
    def ok(self) -> bool:
        return not self.rejected


def _day(text: str) -> date:
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            pass
    raise ValueError(f"date « {text} » illisible (AAAA-MM-JJ ou JJ/MM/AAAA)")


def _rows(content: str):
    dialect = csv.Sniffer().sniff(content.split("\n", 1)[0], delimiters=";,")
    reader = csv.DictReader(io.StringIO(content), dialect=dialect)
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ValidationError(f"Colonnes manquantes : {', '.join(missing)}.")
    return reader


def import_votes(council: Council, user, content: str) -> Report:
    """Check every row, then write everything in one transaction, or nothing when a row is rejected."""
    members = {fold(c.name): c for c in council.councillors.all()}
    report, sheets, heads = Report(), {}, {}
    for line, row in enumerate(_rows(content), start=2):
        report.rows += 1
        values = {k: (row.get(k) or "").strip() for k in COLUMNS}
        try:
            day = _day(values["date_seance"])
            member = members.get(fold(values["elu"]))
            if member is None:
                raise ValueError(f"élu « {values['elu']} » inconnu dans ce conseil")
            choice = fold(values["vote"])
            if choice not in Vote.Choice.values:
                raise ValueError(f"vote « {values['vote']} » inconnu (pour, contre, abstention, absent)")
            proxy = None
            if values["pouvoir_a"]:
                holder = members.get(fold(values["pouvoir_a"]))
                if holder is None:
                    raise ValueError(f"« pouvoir_a » : élu « {values['pouvoir_a']} » inconnu")
                proxy = holder.pk
            result = RESULTS.get(fold(values["resultat"]))
            if result is None or not values["numero"] or not values["objet"]:
                raise ValueError("numéro, objet et résultat (adoptée, rejetée, retirée) sont obligatoires")
        except ValueError as error:
            report.rejected.append((line, str(error)))
            continue
        key = (day, values["numero"])
        head = (values["lieu"], values["objet"], values["matiere_code"], values["matiere_nom"], result)
        if heads.setdefault(key, head) != head:
            report.rejected.append(
                (line, f"délibération {values['numero']} : objet ou résultat différent des lignes d’avant")
            )
            continue
        if member.pk in sheets.setdefault(key, {}):
            report.rejected.append((line, f"{member.name} a déjà un vote pour la délibération {values['numero']}"))
            continue
        sheets[key][member.pk] = (choice, proxy)
    if report.rejected:
        return report
    try:
        with transaction.atomic():
            for (day, number), votes in sheets.items():
                place, title, code, name, result = heads[(day, number)]
                sitting = councils.sitting_for(council, user, date=day, place=place)
                item = councils.save_deliberation(sitting, user, number=number, title=title, subject_code=code,
                                                  subject_name=name, result=result)  # fmt: skip
                councils.record_votes(item, user, votes)
                report.deliberations += 1
                report.votes += len(votes)
    except ValidationError as error:
        report.rejected.append((0, f"délibération {number} du {day:%d/%m/%Y} : " + " ".join(error.messages)))
        report.deliberations = report.votes = 0
    return report
