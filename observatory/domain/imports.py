"""Importing responses from a CSV or XLSX file: every row validated by `questionnaire.validate`, a report per row
(each rejected row with its reasons, translated), all or nothing in one transaction, and a dry run."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from datahub.importers.files import UnreadableFile, read_rows
from observatory.domain import responses
from observatory.models import Response
from observatory.survey import questionnaire


@dataclass
class RowReport:
    line: int
    errors: list[str]


@dataclass
class ImportReport:
    rows: int = 0
    accepted: int = 0
    rejected: list[RowReport] = field(default_factory=list)
    saved: int = 0
    dry_run: bool = True
    error: str = ""
    unknown_columns: list[str] = field(default_factory=list)


def _normalise(row: dict) -> dict:
    return {str(k).strip().lower(): ("" if v is None else v) for k, v in row.items()}


def import_file(name: str, content: bytes, *, dry_run: bool = True, user=None) -> ImportReport:
    report = ImportReport(dry_run=dry_run)
    survey = questionnaire.load()
    labels = {q.key: _(q.label) for q in survey.questions}
    built: list[Response] = []
    try:
        for line, row in read_rows(name, content):
            row = _normalise(row)
            if report.rows == 0:
                report.unknown_columns = sorted(k for k in row if k not in labels)
            report.rows += 1
            answers, errors = questionnaire.validate(row, blanks_allowed=True)
            if errors:
                reasons = [
                    _("%(question)s : %(error)s") % {"question": labels[k], "error": m} for k, m in errors.items()
                ]
                report.rejected.append(RowReport(line, reasons))
            else:
                built.append(responses.build(answers, Response.Channel.IMPORT))
    except UnreadableFile as exc:
        report.error = str(exc)
        return report
    report.accepted = len(built)
    if not dry_run and built and not report.rejected:
        with transaction.atomic():
            report.saved = responses.record_many(built, user=user, note=name)
    return report


EXAMPLE = {
    "internet_domicile": "Oui",
    "equipement": "Un smartphone (téléphone avec internet) | Un ordinateur",
    "derniere_utilisation": "Au cours des trois derniers mois",
    "activites_information": "Lire des actualités",
    "activites_communication": "Envoyer ou recevoir des courriels | Utiliser une messagerie (WhatsApp, Messenger…)",
    "activites_resolution": "Aucune de ces choses",
    "activites_logiciels": "",
    "activites_protection": "",
    "aisance": "Peu à l’aise",
    "inquietude_demarches": "Oui, un peu",
    "autonomie_demarches": "Je l’ai faite avec de l’aide",
    "freins": "C’est trop compliqué",
    "accompagnement_souhaite": "Faire mes démarches administratives en ligne",
    "lieux_connus": "La mairie ou son centre d’action sociale (CCAS)",
    "annee_naissance": "1954",
    "sexe": "Une femme",
    "commune": "Massy",
    "qpv": "Je ne sais pas",
    "diplome": "CAP, BEP",
    "situation": "À la retraite",
}


def template_rows() -> tuple[list[str], list[str]]:
    """The template's column titles (the question keys) and an example row, in the questionnaire's order."""
    keys = questionnaire.load().keys
    return keys, [EXAMPLE.get(key, "") for key in keys]


def accepted_values() -> list[dict]:
    """For the import page: each column, its question and what may be written in it."""
    columns = []
    for question in questionnaire.load().questions:
        if question.kind == "year":
            accepted = [
                _("une année sur quatre chiffres, de %(oldest)s à il y a 15 ans")
                % {"oldest": questionnaire.OLDEST_BIRTH_YEAR}
            ]
        elif question.kind == "commune":
            accepted = [_("le nom de la commune ou son code postal")]
        else:
            accepted = [o.label for o in question.options]
        multi = question.kind == "multi"
        label = questionnaire.translated(question.label)
        columns.append({"key": question.key, "label": label, "multi": multi, "accepted": accepted})
    return columns
