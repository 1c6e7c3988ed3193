"""The citizen jury's stratified random draw: deterministic given the published seed and the anonymised list.

Anyone can re-run it: `python manage.py jury_draw --seed "<graine>" --seats N --volunteers volontaires.csv`
(the CSV published on the jury's page: numero, zone, tranche_age, sexe). Method, version 1:

1. Strata: every combination of the volunteers' commune or neighbourhood, age band and sex (a cell).
2. Quotas: each cell gets seats × (its volunteers / all volunteers), rounded down; the seats left go to the cells
   with the largest remainders (Hamilton's method), ties broken by SHA-256(seed | cell). Integer arithmetic only.
3. In each cell, volunteers are ordered by SHA-256(seed : number) (hexadecimal, ascending); the first ones, up
   to the cell's quota, are drawn.
4. The drawn are ranked by the same key: rank 1 is the smallest.
The seed is a public value announced before the draw (a lottery result to come, a hash of a public document) and
typed once the value is known; the list's SHA-256 is published before the draw, so it cannot be changed after.
"""

import csv
import hashlib
import io
from collections import defaultdict
from dataclasses import dataclass

VERSION = "1"
STRATA = ("zone", "tranche_age", "sexe")  # commune or neighbourhood, age band, sex
COLUMNS = ["numero", *STRATA]
HASH = "SHA-256"


@dataclass(frozen=True)
class Entry:
    number: int
    zone: str
    tranche_age: str
    sexe: str

    @property
    def cell(self) -> tuple[str, ...]:
        return tuple(getattr(self, s) for s in STRATA)


def key(seed: str, number: int) -> str:
    return hashlib.sha256(f"{seed}:{number}".encode()).hexdigest()


def _cell_key(seed: str, cell: tuple[str, ...]) -> str:
    return hashlib.sha256(f"{seed}|{'/'.join(cell)}".encode()).hexdigest()


def quotas(entries: list[Entry], seats: int, seed: str) -> dict[tuple[str, ...], int]:
    sizes: dict[tuple[str, ...], int] = defaultdict(int)
    for entry in entries:
        sizes[entry.cell] += 1
    total = len(entries)
    share = {cell: divmod(seats * n, total) for cell, n in sizes.items()}
    result = {cell: q for cell, (q, _) in share.items()}
    left = seats - sum(result.values())
    order = sorted(share, key=lambda cell: (-share[cell][1], _cell_key(seed, cell)))
    for cell in order[:left]:
        result[cell] += 1
    return result


def draw(entries: list[Entry], seats: int, seed: str) -> list[int]:
    """The drawn volunteers' numbers, in rank order."""
    if not seed.strip():
        raise ValueError("La graine est vide.")
    if not 0 < seats <= len(entries):
        raise ValueError(f"Impossible de tirer {seats} jurés parmi {len(entries)} volontaires.")
    cells: dict[tuple[str, ...], list[Entry]] = defaultdict(list)
    for entry in entries:
        cells[entry.cell].append(entry)
    drawn = []
    for cell, quota in quotas(entries, seats, seed).items():
        drawn += sorted(cells[cell], key=lambda e: key(seed, e.number))[:quota]
    return [e.number for e in sorted(drawn, key=lambda e: key(seed, e.number))]


def to_csv(entries: list[Entry]) -> str:
    """The published anonymised list (sorted by number, `,`, LF): what the digest is computed on."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for e in sorted(entries, key=lambda e: e.number):
        writer.writerow([e.number, e.zone, e.tranche_age, e.sexe])
    return buffer.getvalue()


def from_csv(text: str) -> list[Entry]:
    return [Entry(int(r["numero"]), r["zone"], r["tranche_age"], r["sexe"]) for r in csv.DictReader(io.StringIO(text))]


def digest(entries: list[Entry]) -> str:
    return hashlib.sha256(to_csv(entries).encode()).hexdigest()
