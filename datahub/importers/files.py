"""Reading rows out of JSON, CSV and XLSX files, each with the line a user can find it at."""

import csv
import io
import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path


class UnreadableFile(ValueError):
    """The file as a whole cannot be read (bad encoding, not JSON, no header…)."""


def _text(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def read_rows(path: Path | str, content: bytes | None = None) -> Iterator[tuple[int, dict]]:
    """(line, row) pairs. JSON: position in the list (1-based); CSV and XLSX: line in the file."""
    path = Path(path)
    raw = content if content is not None else path.read_bytes()
    suffix = path.suffix.lower()
    if suffix == ".xlsx" or raw[:2] == b"PK":
        yield from _xlsx_rows(raw)
        return
    text = _text(raw)
    if suffix == ".json" or text.lstrip()[:1] in "[{":
        yield from _json_rows(text)
    elif suffix in (".csv", ".txt", ".tsv"):
        yield from _csv_rows(text)
    else:
        raise UnreadableFile(f"Format de fichier non reconnu : {path.name} (attendu : .json, .csv ou .xlsx)")


def read_header(path: Path | str, content: bytes | None = None) -> list[str]:
    """The column names of a CSV or XLSX file (the keys of the first JSON record)."""
    for _, row in read_rows(path, content):
        return list(row)
    raise UnreadableFile("Fichier vide : aucune ligne à importer")


def _json_rows(text: str) -> Iterator[tuple[int, dict]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UnreadableFile(f"JSON illisible (ligne {exc.lineno}, colonne {exc.colno}) : {exc.msg}") from exc
    if isinstance(data, dict):
        # data·inclusion API pages ({"items": […], "total": …, "page": …}) and wrapped exports.
        for key in ("items", "data", "results", "lieux", "structures", "services"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
        else:
            raise UnreadableFile("JSON sans liste d’enregistrements (attendu : une liste, ou « items »)")
    if not isinstance(data, list):
        raise UnreadableFile("JSON sans liste d’enregistrements")
    for index, row in enumerate(data, start=1):
        yield index, row if isinstance(row, dict) else {"__invalid__": row}


def _csv_rows(text: str) -> Iterator[tuple[int, dict]]:
    # Empty leading lines (blank, or only separators as a spreadsheet saves them) come before the header.
    lines = text.split("\n")
    skipped = next((i for i, line in enumerate(lines) if line.strip(' \t\r,;"')), len(lines))
    text = "\n".join(lines[skipped:])
    first_line = text.split("\n", 1)[0]
    counts = {sep: first_line.count(sep) for sep in (",", ";", "\t")}
    delimiter = max(counts, key=counts.get)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    if not reader.fieldnames:
        raise UnreadableFile("CSV vide ou sans ligne d’en-tête")
    reader.fieldnames = [name.strip() for name in reader.fieldnames]
    for row in reader:
        yield skipped + reader.line_num, {k: (v.strip() if isinstance(v, str) else v) for k, v in row.items() if k}


def _cell(value):
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


def _xlsx_rows(raw: bytes) -> Iterator[tuple[int, dict]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:
        raise UnreadableFile(f"Classeur XLSX illisible : {exc}") from exc
    try:
        rows = enumerate(workbook.worksheets[0].iter_rows(values_only=True), start=1)
        # Empty leading rows (a title left blank, a spacer) come before the header.
        line, header = next(((n, r) for n, r in rows if any(_cell(v) for v in r)), (0, None))
        if not header:
            raise UnreadableFile("Classeur vide ou sans ligne d’en-tête")
        names = [_cell(name) for name in header]
        for line, values in rows:
            row = {name: _cell(value) for name, value in zip(names, values, strict=False) if name}
            if any(row.values()):
                yield line, row
    finally:
        workbook.close()
