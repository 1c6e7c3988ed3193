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
    if _is_binary(raw[:4096]):
        raise UnreadableFile(
            f"{path.name} n’est pas un fichier texte : attendu un CSV (texte, séparé par des virgules ou des "
            "points-virgules), un JSON ou un classeur .xlsx. Enregistrez-le depuis votre tableur au format CSV."
        )
    text = _text(raw)
    if suffix == ".json" or text.lstrip()[:1] in "[{":
        yield from _json_rows(text)
    elif suffix in (".csv", ".txt", ".tsv"):
        yield from _csv_rows(text)
    else:
        raise UnreadableFile(f"Format de fichier non reconnu : {path.name} (attendu : .json, .csv ou .xlsx)")


def _is_binary(head: bytes) -> bool:
    """A PDF, an image, an old .xls, a zip…: NUL bytes or many control characters."""
    if b"\x00" in head or head.startswith(b"%PDF"):
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 13))
    return bool(head) and controls / len(head) > 0.01


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
    first_line = text.split("\n", 1)[0]
    counts = {sep: first_line.count(sep) for sep in (",", ";", "\t")}
    delimiter = max(counts, key=counts.get)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    if not reader.fieldnames:
        raise UnreadableFile("CSV vide ou sans ligne d’en-tête")
    reader.fieldnames = [name.strip() for name in reader.fieldnames]
    try:
        for row in reader:
            yield reader.line_num, {k: (v.strip() if isinstance(v, str) else v) for k, v in row.items() if k}
    except csv.Error as exc:
        raise UnreadableFile(
            f"CSV illisible à la ligne {reader.line_num} (guillemet non refermé ou cellule démesurée) : "
            "corrigez cette ligne dans votre tableur et enregistrez de nouveau au format CSV"
        ) from exc


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
        raise UnreadableFile(
            "Classeur XLSX illisible (fichier abîmé, protégé par un mot de passe ou d’un autre format) : "
            "ouvrez-le dans votre tableur et enregistrez-le de nouveau au format .xlsx ou .csv"
        ) from exc
    try:
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        header = next(rows, None)
        if not header:
            raise UnreadableFile("Classeur vide ou sans ligne d’en-tête")
        names = [_cell(name) for name in header]
        for line, values in enumerate(rows, start=2):
            row = {name: _cell(value) for name, value in zip(names, values, strict=False) if name}
            if any(row.values()):
                yield line, row
    finally:
        workbook.close()
