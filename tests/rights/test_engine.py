"""The engine process over HTTP: its health, its errors, and batches that give each household its own result."""

import json
import urllib.error
import urllib.request
from datetime import date

import pytest

from rights import client
from rights.situation import Adult, Household, situation

MONTH = date(2026, 12, 1)
ALONE = Household(adults=(Adult(age=30, salary=700),), rent=450, depcom="91377", rfr=8000)
OTHER = Household(adults=(Adult(age=52, unemployment=1200), Adult(age=50)), rent=900, depcom="91228", rfr=20_000)


def post(url: str, body: bytes) -> tuple[int, dict]:
    request = urllib.request.Request(url + "/calculer", data=body, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_health_gives_the_model_versions(rights_engine):
    assert client.health() == {"openfisca_france": "176.1.8", "openfisca_core": "44.7.1"}


def test_a_malformed_request_is_refused(rights_engine):
    assert post(rights_engine, b"{}")[0] == 400
    assert post(rights_engine, b"not json")[0] == 400


def test_a_bad_situation_fails_alone(rights_engine):
    broken = situation([ALONE], MONTH)
    broken["individus"]["0_a0"]["variable_inconnue"] = {"2026-12": 1}
    status, answer = post(rights_engine, json.dumps({"situations": [broken, situation([ALONE], MONTH)]}).encode())
    assert status == 200
    assert "Variable inconnue" in answer["resultats"][0]["error"]
    assert answer["resultats"][1]["familles"]["0_f"]["rsa"]["2026-12"] is not None


def test_a_household_gets_the_same_result_alone_and_in_a_batch(rights_engine, settings):
    settings.ANCRAGE_RIGHTS_ENGINE_TIMEOUT = 300
    alone = client.compute([ALONE], MONTH).amounts[0]
    declared = Household(adults=(Adult(age=40),), rent=500, depcom="91377", received={"rsa": 500.0})
    batch = client.compute([OTHER, ALONE, declared, ALONE], MONTH).amounts
    assert batch[1] == pytest.approx(alone) and batch[3] == pytest.approx(alone)
    assert batch[0] != batch[1]


def test_the_engine_down_raises(settings):
    settings.ANCRAGE_RIGHTS_ENGINE_URL = "http://127.0.0.1:9"
    with pytest.raises(client.EngineUnavailable):
        client.compute([ALONE], MONTH, timeout=1)
    assert client.health(timeout=1) is None
