"""The rights engine for tests: one process for the whole test session (its first load takes seconds), started
from the engine's own virtualenv on a free loopback port; the settings point the web app at it."""

import atexit
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
PYTHON = Path(os.environ.get("ANCRAGE_ENGINE_PYTHON", ROOT / ".venv-engine" / "bin" / "python"))
START_TIMEOUT_S = 120

_running: dict[str, object] = {}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Le moteur des droits s’est arrêté (code {process.returncode}) : voir ci-dessus.")
        try:
            with urllib.request.urlopen(url + "/sante", timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("Le moteur des droits n’a pas démarré à temps.")


def engine_url() -> str:
    """Start the engine once per test session (shared by tests/rights and tests/browser)."""
    if "url" not in _running:
        assert PYTHON.exists(), "Le moteur des droits manque : « make engine » (make test le fait)"
        port = _free_port()
        process = subprocess.Popen(
            [str(PYTHON), "-m", "rights.engine.server", "--port", str(port)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=sys.stderr,
        )
        atexit.register(process.terminate)
        url = f"http://127.0.0.1:{port}"
        _wait(url, process)
        _running.update(url=url, process=process)
    return _running["url"]


@pytest.fixture(scope="session")
def rights_engine():
    url = engine_url()
    previous = settings.ANCRAGE_RIGHTS_ENGINE_URL
    settings.ANCRAGE_RIGHTS_ENGINE_URL = url
    yield url
    settings.ANCRAGE_RIGHTS_ENGINE_URL = previous
