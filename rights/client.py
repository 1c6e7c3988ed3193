"""The web app's side of the rights engine: HTTP/JSON to the engine process, with a timeout.

OpenFisca is never imported here (nor anywhere in the web app): `rights/engine/server.py` runs it in its own
process and virtualenv. `EngineUnavailable` is what a view turns into the French « simulateur indisponible » page.
"""

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import date

from django.conf import settings

from rights.situation import Household, amounts, situation


class EngineUnavailable(Exception):
    """The engine did not answer, or not in time, or could not compute."""


@dataclass(frozen=True)
class Computed:
    amounts: list[dict[str, float]]  # per household, by benefit key
    versions: dict[str, str]  # openfisca_france, openfisca_core
    measures: dict  # the engine's batch: situations, ms, cpu_ms


def _post(path: str, payload: dict, timeout: float) -> dict:
    request = urllib.request.Request(  # noqa: S310 — our own engine's URL, from the settings
        settings.ANCRAGE_RIGHTS_ENGINE_URL.rstrip("/") + path,
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 — our own engine's URL
            return json.loads(response.read())
    except (OSError, ValueError) as error:  # URLError, timeouts, refused connections, bad JSON
        raise EngineUnavailable(str(error)) from error


def health(timeout: float = 2) -> dict | None:
    """The engine's versions when it answers, else None."""
    try:
        with urllib.request.urlopen(settings.ANCRAGE_RIGHTS_ENGINE_URL.rstrip("/") + "/sante", timeout=timeout) as r:  # noqa: S310
            return json.loads(r.read()).get("versions")
    except (OSError, ValueError):
        return None


def compute(households: list[Household], month: date, timeout: float | None = None) -> Computed:
    """Every household in one situation, one request: the engine computes them in one simulation.

    Households are sent as one situation each, so that the engine groups those with the same inputs (see
    `rights/engine/batch.py`) whatever their order."""
    situations = [situation([h], month) for h in households]
    answer = _post("/calculer", {"situations": situations}, timeout or settings.ANCRAGE_RIGHTS_ENGINE_TIMEOUT)
    results = answer.get("resultats") or []
    if len(results) != len(households) or any("error" in r for r in results):
        raise EngineUnavailable(next((r["error"] for r in results if "error" in r), "réponse incomplète"))
    computed = [amounts(r, [h], month)[0] for r, h in zip(results, households, strict=True)]
    return Computed(amounts=computed, versions=answer.get("versions", {}), measures=answer.get("mesures", {}))
