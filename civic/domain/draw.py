"""The citizen jury's stratified random draw: deterministic given the published seed and the anonymised list.

Anyone can re-run it: `python manage.py jury_draw --seed "<graine>" --seats N --volunteers volontaires.csv`
(the CSV published on the jury's page: numero, zone, tranche_age, sexe). Method, version 1:

1. Strata: every combination of the volunteers' commune or neighbourhood, age band and sex (a cell).
2. Quotas, level by level (zone, then age band within the zone, then sex within both): each group gets the
   seats of its parent × (its volunteers / the parent's volunteers), rounded down; the seats left go to the
   largest remainders (Hamilton's method), ties broken by SHA-256(seed | group). Integer arithmetic only.
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

from django.utils.translation import gettext as _

VERSION = "1"  # change it with the method: the public register keeps each version
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


def _apportion(sizes: dict[tuple[str, ...], int], seats: int, seed: str) -> dict[tuple[str, ...], int]:
    """Hamilton's method: floor of the exact share, then the largest remainders; ties by SHA-256(seed | group)."""
    total = sum(sizes.values())
    share = {group: divmod(seats * n, total) for group, n in sizes.items()}
    result = {group: q for group, (q, _) in share.items()}
    left = seats - sum(result.values())
    for group in sorted(share, key=lambda g: (-share[g][1], _cell_key(seed, g)))[:left]:
        result[group] += 1
    return result


def quotas(entries: list[Entry], seats: int, seed: str) -> dict[tuple[str, ...], int]:
    """Seats per cell, apportioned level by level: among the zones first, then within each zone among the age
    bands, then within each zone and age band among the sexes; so each zone's share is exact, and each age band's
    within its zone."""
    result = {(): seats}
    for depth in range(1, len(STRATA) + 1):
        following: dict[tuple[str, ...], int] = {}
        for prefix, prefix_seats in result.items():
            sizes: dict[tuple[str, ...], int] = defaultdict(int)
            for entry in entries:
                if entry.cell[: depth - 1] == prefix:
                    sizes[entry.cell[:depth]] += 1
            if prefix_seats:
                following.update(_apportion(sizes, prefix_seats, seed))
            else:
                following.update(dict.fromkeys(sizes, 0))
        result = following
    return result


def draw(entries: list[Entry], seats: int, seed: str) -> list[int]:
    """The drawn volunteers' numbers, in rank order."""
    if not seed.strip():
        raise ValueError(_("La graine est vide."))
    if not 0 < seats <= len(entries):
        raise ValueError(
            _("Impossible de tirer %(seats)s jurés parmi %(count)s volontaires.")
            % {"seats": seats, "count": len(entries)}
        )
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
