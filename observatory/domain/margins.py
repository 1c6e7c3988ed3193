"""The known margins the survey is raked on: population by commune (territory referential) and by age band × sex
(a small INSEE file, `observatory/data/`, or the territory's own through ANCRAGE_OBSERVATORY_AGE_SEX_FILE)."""

import csv
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from territory.models import Commune

DEFAULT_AGE_SEX_FILE = Path(__file__).resolve().parents[1] / "data" / "population-15-ans-age-sexe-essonne-rp2022.csv"


@dataclass(frozen=True)
class Margins:
    commune: dict[str, float]  # INSEE code → population
    age_sex: dict[str, float]  # "15-24|femme" → population
    age_sex_origin: str

    @property
    def age_standard(self) -> dict[str, float]:
        """The standard population for age standardisation: the margins' age structure, both sexes (shares)."""
        totals: dict[str, float] = {}
        for key, value in self.age_sex.items():
            band = key.split("|")[0]
            totals[band] = totals.get(band, 0.0) + value
        whole = sum(totals.values())
        return {band: value / whole for band, value in totals.items()}


def read_age_sex(path: Path | str) -> dict[str, float]:
    with open(path, encoding="utf-8") as handle:
        return {f"{row['tranche']}|{row['sexe']}": float(row["population"]) for row in csv.DictReader(handle)}


def home_communes():
    return Commune.objects.filter(epci_id=settings.ANCRAGE_HOME_EPCI).order_by("nom")


def load_margins() -> Margins:
    path = settings.ANCRAGE_OBSERVATORY_AGE_SEX_FILE or DEFAULT_AGE_SEX_FILE
    communes = {c.code_insee: float(c.population) for c in home_communes() if c.population}
    return Margins(communes, read_age_sex(path), Path(path).name)
