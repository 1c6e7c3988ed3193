"""What the national data says about the network's presence (extracts in `network/data/`, see its README):
Aidants Connect structures (by SIRET and by commune) and the conseillers numériques' activity (by postal code).
Pages show it labelled « selon les données nationales » with the export's date: it is not the network's own."""

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.utils.translation import gettext_lazy as _

DATA = Path(__file__).resolve().parent / "data"
AIDANTS_CONNECT_DATE = _("12 février 2024")
CONSEILLERS_DATE = _("2023 (export du 17 juillet 2023)")


@dataclass(frozen=True)
class AidantsConnect:
    name: str
    code_insee: str
    siret: str
    active: bool
    aidants: int
    demarches: int


@dataclass(frozen=True)
class CommuneFacts:
    ac_structures: int
    ac_aidants: int
    conseillers_accompagnements: int  # accompaniments recorded by conseillers numériques, the commune's codes
    postal_codes: tuple[str, ...]

    @property
    def any(self) -> bool:
        return bool(self.ac_structures or self.conseillers_accompagnements)


@lru_cache(maxsize=1)
def _aidants_connect() -> tuple[AidantsConnect, ...]:
    with open(DATA / "aidants-connect-idf-2024.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return tuple(
        AidantsConnect(
            r["nom"], r["code_insee"], r["siret"], r["active"] == "True", int(r["aidants"]), int(r["demarches"])
        )
        for r in rows
    )


@lru_cache(maxsize=1)
def _conseillers() -> dict[str, int]:
    with open(DATA / "conseillers-numeriques-idf-2023.csv", encoding="utf-8", newline="") as handle:
        return {r["code_postal"]: int(r["accompagnements"]) for r in csv.DictReader(handle)}


def for_structure(siret: str) -> AidantsConnect | None:
    """The structure’s Aidants Connect record, by its SIRET."""
    if not siret or set(siret) == {"0"}:
        return None
    exact = [r for r in _aidants_connect() if r.siret == siret]
    return exact[0] if exact else None


def for_commune(commune) -> CommuneFacts:
    ac = [r for r in _aidants_connect() if r.code_insee == commune.code_insee and r.active]
    codes = tuple(commune.postal_codes)
    return CommuneFacts(
        ac_structures=len(ac),
        ac_aidants=sum(r.aidants for r in ac),
        conseillers_accompagnements=sum(_conseillers().get(code, 0) for code in codes),
        postal_codes=codes,
    )
