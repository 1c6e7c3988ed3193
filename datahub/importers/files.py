"""Reading rows out of JSON, CSV and XLSX files, each with the line a user can find it at."""

import csv
import io
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import ijson
from django.utils.translation import gettext


class UnreadableFile(ValueError):
    """The file as a whole cannot be read (bad encoding, not JSON, no header…)."""


def _text(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def read_rows(path: Path | str, content: bytes | None = None) -> Iterator[tuple[int, dict]]:
    """(line, row) pairs. JSON: position in the list (1-based); CSV and XLSX: line in the file.

    JSON is read as a stream (memory bounded whatever the file size); CSV and XLSX in memory.
    """
    path = Path(path)
    with io.BytesIO(content) if content is not None else open(path, "rb") as handle:
        head = handle.read(4096)
        suffix = path.suffix.lower()
        if suffix == ".xlsx" or head[:2] == b"PK":
            yield from _xlsx_rows(head + handle.read())
            return
        if _is_binary(head):
            raise UnreadableFile(
                gettext(
                    "%(name)s n’est pas un fichier texte : attendu un CSV (texte, séparé par des virgules ou des "
                    "points-virgules), un JSON ou un classeur .xlsx. Enregistrez-le depuis votre tableur au format CSV."
                )
                % {"name": path.name}
            )
        if suffix == ".json" or head.removeprefix(_BOM).lstrip()[:1] in (b"[", b"{"):
            handle.seek(0)
            yield from _json_stream(handle)
        elif suffix in (".csv", ".txt", ".tsv"):
            yield from _csv_rows(_text(head + handle.read()))
        else:
            raise UnreadableFile(
                gettext("Format de fichier non reconnu : %(name)s (attendu : .json, .csv ou .xlsx)")
                % {"name": path.name}
            )


_BOM = b"\xef\xbb\xbf"
# data·inclusion API pages ({"items": […], "total": …, "page": …}) and wrapped exports.
_LIST_KEYS = ("items", "data", "results", "lieux", "structures", "services")


def _records_prefix(handle) -> str:
    """Where the records are: "item" for a top-level list, "items.item" for {"items": […]}…"""
    events = ijson.parse(handle, use_float=True)
    _, event, _ = next(events)
    if event == "start_array":
        return "item"
    if event != "start_map":
        raise UnreadableFile(gettext("JSON sans liste d’enregistrements (attendu : une liste, ou « items »)"))
    for prefix, event, value in events:
        if event == "map_key" and prefix == "" and value in _LIST_KEYS and next(events)[1] == "start_array":
            return f"{value}.item"
    raise UnreadableFile(gettext("JSON sans liste d’enregistrements (attendu : une liste, ou « items »)"))


def _json_stream(handle) -> Iterator[tuple[int, dict]]:
    if handle.read(3) != _BOM:
        handle.seek(0)
    start = handle.tell()
    index = 0
    try:
        prefix = _records_prefix(handle)
        handle.seek(start)
        for index, row in enumerate(ijson.items(handle, prefix, use_float=True), start=1):
            yield index, row if isinstance(row, dict) else {"__invalid__": row}
    except (ijson.JSONError, UnicodeDecodeError, StopIteration) as exc:
        if index:
            message = gettext(
                "JSON illisible après l’enregistrement n° %(index)s : fichier tronqué ou mal formé "
                "(vérifiez qu’il est complet et encodé en UTF-8)"
            ) % {"index": index}
        else:
            message = gettext(
                "JSON illisible : fichier tronqué ou mal formé (vérifiez qu’il est complet et encodé en UTF-8)"
            )
        raise UnreadableFile(message) from exc


def _is_binary(head: bytes) -> bool:
    """A PDF, an image, an old .xls, a zip…: NUL bytes or many control characters."""
    if b"\x00" in head or head.startswith(b"%PDF"):
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 13))
    return bool(head) and controls / len(head) > 0.01


def count_rows(path: Path | str, content: bytes | None = None) -> int | None:
    """How many rows `read_rows` will give, for a progress bar: CSV and XLSX (read once more, in memory); None for
    JSON (a stream, counted only by reading it all) and for a file that cannot be read (the import says why)."""
    path = Path(path)
    if content is None:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    else:
        head = content[:4096]
    if path.suffix.lower() == ".json" or head.removeprefix(_BOM).lstrip()[:1] in (b"[", b"{"):
        return None
    try:
        return sum(1 for _ in read_rows(path, content))
    except UnreadableFile:
        return None


def read_header(path: Path | str, content: bytes | None = None) -> list[str]:
    """The column names of a CSV or XLSX file (the keys of the first JSON record)."""
    for _, row in read_rows(path, content):
        return list(row)
    raise UnreadableFile(gettext("Fichier vide : aucune ligne à importer"))


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
        raise UnreadableFile(gettext("CSV vide ou sans ligne d’en-tête"))
    reader.fieldnames = [name.strip() for name in reader.fieldnames]
    try:
        for row in reader:
            yield skipped + reader.line_num, {k: (v.strip() if isinstance(v, str) else v) for k, v in row.items() if k}
    except csv.Error as exc:
        raise UnreadableFile(
            gettext(
                "CSV illisible à la ligne %(line)s (guillemet non refermé ou cellule démesurée) : "
                "corrigez cette ligne dans votre tableur et enregistrez de nouveau au format CSV"
            )
            % {"line": skipped + reader.line_num}
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
            gettext(
                "Classeur XLSX illisible (fichier abîmé, protégé par un mot de passe ou d’un autre format) : "
                "ouvrez-le dans votre tableur et enregistrez-le de nouveau au format .xlsx ou .csv"
            )
        ) from exc
    try:
        rows = enumerate(workbook.worksheets[0].iter_rows(values_only=True), start=1)
        # Empty leading rows (a title left blank, a spacer) come before the header.
        line, header = next(((n, r) for n, r in rows if any(_cell(v) for v in r)), (0, None))
        if not header:
            raise UnreadableFile(gettext("Classeur vide ou sans ligne d’en-tête"))
        names = [_cell(name) for name in header]
        for line, values in rows:
            row = {name: _cell(value) for name, value in zip(names, values, strict=False) if name}
            if any(row.values()):
                yield line, row
    finally:
        workbook.close()
