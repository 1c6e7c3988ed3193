"""Import a council's votes from CSV: one row per member and deliberation; all or nothing, a report per row.

Columns (header names, any order; `;` or `,`): date_seance, lieu, numero, objet, matiere_code, matiere_nom,
resultat, elu, vote, pouvoir_a (the member who holds the proxy; empty when voting in person or absent).
"""

import csv
import functools
import io
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

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


@functools.cache
def _results() -> dict[str, str]:
    """Results as the file may write them: the code, or the French label (whatever the page's language)."""
    with translation.override("fr"):
        labels = {fold(str(label)): value for value, label in Deliberation.Result.choices}
    return labels | {v: v for v in Deliberation.Result.values}


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
    raise ValueError(_("date « %(text)s » illisible (AAAA-MM-JJ ou JJ/MM/AAAA)") % {"text": text})


def _rows(content: str):
    dialect = csv.Sniffer().sniff(content.split("\n", 1)[0], delimiters=";,")
    reader = csv.DictReader(io.StringIO(content), dialect=dialect)
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ValidationError(_("Colonnes manquantes : %(columns)s.") % {"columns": ", ".join(missing)})
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
                raise ValueError(_("élu « %(name)s » inconnu dans ce conseil") % {"name": values["elu"]})
            choice = fold(values["vote"])
            if choice not in Vote.Choice.values:
                raise ValueError(
                    _("vote « %(vote)s » inconnu (pour, contre, abstention, absent)") % {"vote": values["vote"]}
                )
            proxy = None
            if values["pouvoir_a"]:
                holder = members.get(fold(values["pouvoir_a"]))
                if holder is None:
                    raise ValueError(_("« pouvoir_a » : élu « %(name)s » inconnu") % {"name": values["pouvoir_a"]})
                proxy = holder.pk
            result = _results().get(fold(values["resultat"]))
            if result is None or not values["numero"] or not values["objet"]:
                raise ValueError(_("numéro, objet et résultat (adoptée, rejetée, retirée) sont obligatoires"))
        except ValueError as error:
            report.rejected.append((line, str(error)))
            continue
        key = (day, values["numero"])
        head = (values["lieu"], values["objet"], values["matiere_code"], values["matiere_nom"], result)
        if heads.setdefault(key, head) != head:
            report.rejected.append(
                (
                    line,
                    _("délibération %(number)s : objet ou résultat différent des lignes d’avant")
                    % {"number": values["numero"]},
                )
            )
            continue
        if member.pk in sheets.setdefault(key, {}):
            report.rejected.append(
                (
                    line,
                    _("%(name)s a déjà un vote pour la délibération %(number)s")
                    % {"name": member.name, "number": values["numero"]},
                )
            )
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
        report.rejected.append(
            (
                0,
                _("délibération %(number)s du %(day)s : %(errors)s")
                % {"number": number, "day": f"{day:%d/%m/%Y}", "errors": " ".join(error.messages)},
            )
        )
        report.deliberations = report.votes = 0
    return report
