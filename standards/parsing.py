"""Reading multi-valued cells of real files, whatever their separator.

Current files use `|`; v0 files `;`; some exports `, `. Long v0 labels contain ", " inside
brackets ("Gratuit sous condition : … (situation familiale, convention …)"): a comma inside an
open bracket does not separate values.
"""

import re
from dataclasses import dataclass, field

from standards.mappings import key

_STRONG = re.compile(r"\s*[|;]\s*")


@dataclass
class Mapped:
    values: dict[str, list[str]] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)

    def add(self, field_name: str, value: str) -> None:
        bucket = self.values.setdefault(field_name, [])
        if value not in bucket:
            bucket.append(value)

    def get(self, field_name: str) -> list[str]:
        return self.values.get(field_name, [])


def split_cell(cell) -> list[str]:
    """The raw values of a cell (a string or a JSON list)."""
    if cell is None:
        return []
    if isinstance(cell, (list, tuple)):
        return [str(v).strip() for v in cell if str(v).strip()]
    pieces: list[str] = []
    for chunk in _STRONG.split(str(cell)):
        chunk_pieces: list[str] = []
        for part in chunk.split(","):
            part = part.strip()
            if not part:
                continue
            # Inside an open bracket, a comma belongs to the value ("(situation familiale, …)").
            if chunk_pieces and chunk_pieces[-1].count("(") > chunk_pieces[-1].count(")"):
                chunk_pieces[-1] = f"{chunk_pieces[-1]}, {part}"
            else:
                chunk_pieces.append(part)
        pieces.extend(chunk_pieces)
    return pieces


def map_cell(cell, table: dict, out: Mapped | None = None) -> Mapped:
    """Map every value of `cell` through `table` into `out` (current field → values)."""
    out = out or Mapped()
    for raw in split_cell(cell):
        targets = table.get(key(raw))
        if targets is None:
            out.unknown.append(raw)
            continue
        for field_name, value in targets:
            out.add(field_name, value)
    return out
