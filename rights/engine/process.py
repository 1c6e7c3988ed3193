"""Starting the engine as a child process and waiting until it answers: for the tests and the bench (in
production systemd starts it: deploy/systemd/ancrage-droits.service). Standard library only."""

import atexit
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = ROOT / ".venv-engine" / "bin" / "python"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(python: Path = PYTHON, port: int | None = None, timeout_s: float = 120) -> tuple[str, subprocess.Popen]:
    """(URL, process) of an engine answering on the loopback; it is stopped when this process exits."""
    if not Path(python).exists():
        raise RuntimeError("Le moteur des droits manque : lancez « make engine » (make setup et make test le font).")
    port = port or free_port()
    process = subprocess.Popen(  # noqa: S603 — our own engine, from our own virtualenv
        [str(python), "-m", "rights.engine.server", "--port", str(port), "--log-level", "WARNING"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=sys.stderr,
    )
    atexit.register(process.terminate)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Le moteur des droits s’est arrêté (code {process.returncode}).")
        try:
            with urllib.request.urlopen(url + "/sante", timeout=1):  # noqa: S310 — the loopback URL above
                return url, process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError("Le moteur des droits n’a pas démarré à temps.")
