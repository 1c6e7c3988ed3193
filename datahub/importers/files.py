"""Reading rows out of JSON and CSV files, each with the line a user can find it at."""

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path


class UnreadableFile(ValueError):
    """The file as a whole cannot be read (bad encoding, not JSON, no header…)."""


def read_rows(path: Path | str, content: bytes | None = None) -> Iterator[tuple[int, dict]]:
    """(line, row) pairs. JSON: position in the list (1-based); CSV: line in the file."""
    path = Path(path)
    raw = content if content is not None else path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    suffix = path.suffix.lower()
    if suffix == ".json" or text.lstrip()[:1] in "[{":
        yield from _json_rows(text)
    elif suffix == ".csv" or suffix == ".txt":
        yield from _csv_rows(text)
    else:
        raise UnreadableFile(f"Format de fichier non reconnu : {path.name} (attendu : .json ou .csv)")


def _json_rows(text: str) -> Iterator[tuple[int, dict]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UnreadableFile(f"JSON illisible (ligne {exc.lineno}, colonne {exc.colno}) : {exc.msg}") from exc
    if isinstance(data, dict):
        # data·inclusion API pages ({"items": […]}) and wrapped exports ({"data": […]}).
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
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    if not reader.fieldnames:
        raise UnreadableFile("CSV vide ou sans ligne d’en-tête")
    reader.fieldnames = [name.strip() for name in reader.fieldnames]
    for row in reader:
        yield reader.line_num, {k: (v.strip() if isinstance(v, str) else v) for k, v in row.items() if k}
