"""Reading multi-valued cells of real files, whatever their separator.

Current files use `|`; v0 files `;`; some exports `, `. Long v0 labels contain ", " inside
brackets ("Gratuit sous condition : … (situation familiale, convention …)"): a comma inside an
open bracket does not separate values.
"""

import re
from dataclasses import dataclass, field

from standards import dataincl as di
from standards import mappings as m
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


# --- data·inclusion v0 → v1 --------------------------------------------------------------
def di_thematiques(values) -> tuple[list[str], list[str]]:
    """(v1 thématiques, values that could not be mapped) for v0 or v1 values."""
    out, unknown = [], []
    for value in split_cell(values):
        targets = _di_thematique(value.strip().lower())
        if targets is None:
            unknown.append(value)
        out.extend(t for t in targets or [] if t not in out)
    return out, unknown


def _di_thematique(value: str) -> list[str] | None:
    if value in di.THEMATIQUES:
        return [value]
    if value in m.DI_THEMATIQUES:
        return m.DI_THEMATIQUES[value]
    category, _, sub = value.partition("--")
    category = m.DI_CATEGORIES_RENAMED.get(category, category)
    if not sub:
        return m.DI_THEMATIQUES_BY_CATEGORY.get(category)
    renamed = f"{category}--{sub}"
    return [renamed] if renamed in di.THEMATIQUES else None


def di_type(values) -> str:
    """The v1 `type` of a v1 value or a v0 list of `types`; "" when none applies."""
    found = {v.strip().lower() for v in split_cell(values)}
    # Every v1 value is in the table too (v0 and v1 share most names); a v0 list resolves by priority.
    return next((new for new, olds in m.DI_TYPES if found & olds), "")


def di_frais(values) -> str:
    found = {m.DI_FRAIS.get(v.strip().lower(), "") for v in split_cell(values)} - {""}
    return "payant" if "payant" in found else ("gratuit" if found else "")


def di_publics(values) -> tuple[list[str], list[str]]:
    out, unknown = [], []
    for value in split_cell(values):
        value = value.strip().lower()
        targets = [value] if value in di.PUBLICS else m.DI_PROFILS.get(value)
        if targets is None:
            unknown.append(value)
        out.extend(t for t in targets or [] if t not in out)
    if "tous-publics" in out and len(out) > 1:
        out.remove("tous-publics")
    return out, unknown


def di_reseaux(values) -> list[str]:
    out = []
    for value in split_cell(values):
        value = m.DI_LABELS_TO_RESEAU.get(value.strip().lower(), value.strip().lower())
        if value in di.RESEAUX_PORTEURS and value not in out:
            out.append(value)
    return out
