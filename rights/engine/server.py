"""The rights engine: a long-lived process that loads OpenFisca-France once and computes situations over HTTP.

    .venv-engine/bin/python -m rights.engine.server --host 127.0.0.1 --port 8116

Runs in its own virtualenv (`rights/engine/requirements.txt`), never in a web worker: the model takes seconds
to load and its pins (numpy, openfisca-core) are not the web app's. Standard library HTTP, on the loopback only.

- `GET /sante`: `{"statut": "ok", "versions": {...}}` once the model is loaded and warm.
- `POST /calculer` with `{"situations": [situation, ...]}` (OpenFisca web API situations): `{"versions": {...},
  "resultats": [result, ...], "mesures": {...}}`, each result the situation with its `None` values computed, or
  `{"error": …}`; `mesures`: the batch's size, wall and CPU milliseconds.

Requests arriving together are computed together: one thread computes, and takes every request waiting in the
queue at once (up to `MAX_BATCH` situations), so concurrent web requests share one vectorised simulation.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import queue
import sys
import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MAX_BATCH = 5000  # situations computed in one go
MAX_BODY = 64 * 1024 * 1024
TIMEOUT_S = 300  # a request waiting longer than this gets a 503

logger = logging.getLogger("rights.engine")


class Job:
    def __init__(self, situations: list[dict]):
        self.situations = situations
        self.results: list[dict] | None = None
        self.measures: dict = {}
        self.done = threading.Event()


class Batcher:
    """One computing thread; each turn takes every waiting job (micro-batching)."""

    def __init__(self, engine):
        self.engine = engine
        self.jobs: queue.Queue[Job] = queue.Queue()
        threading.Thread(target=self._loop, name="openfisca", daemon=True).start()

    def submit(self, situations: list[dict]) -> Job | None:
        job = Job(situations)
        self.jobs.put(job)
        return job if job.done.wait(TIMEOUT_S) else None

    def _loop(self):
        while True:
            batch = [self.jobs.get()]
            size = len(batch[0].situations)
            while size < MAX_BATCH:
                try:
                    job = self.jobs.get_nowait()
                except queue.Empty:
                    break
                batch.append(job)
                size += len(job.situations)
            situations = [s for job in batch for s in job.situations]
            started, cpu = time.perf_counter(), time.process_time()
            try:
                results = self.engine.calculate_many(situations)
            except Exception as error:
                logger.exception("batch failed")
                results = [{"error": f"{type(error).__name__}: {error}"} for _ in situations]
            # The batch's wall time, and this process's CPU time (independent of what else the machine runs).
            measures = {
                "situations": size,
                "ms": round((time.perf_counter() - started) * 1e3, 1),
                "cpu_ms": round((time.process_time() - cpu) * 1e3, 1),
            }
            logger.info("%d situation(s) in %d request(s): %s", size, len(batch), measures)
            start = 0
            for job in batch:
                job.measures = measures
                job.results = results[start : start + len(job.situations)]
                start += len(job.situations)
                job.done.set()


def make_handler(batcher: Batcher, versions: dict):
    class Handler(BaseHTTPRequestHandler):
        server_version = "ancrage-droits"

        def _send(self, status: int, payload: dict):
            body = json.dumps(payload, ensure_ascii=False).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            if self.path == "/sante":
                self._send(200, {"statut": "ok", "versions": versions})
            else:
                self._send(404, {"error": "inconnu"})

        def do_POST(self):
            if self.path != "/calculer":
                return self._send(404, {"error": "inconnu"})
            length = int(self.headers.get("Content-Length") or 0)
            if not 0 < length <= MAX_BODY:
                return self._send(413, {"error": "taille de la requête"})
            try:
                situations = json.loads(self.rfile.read(length))["situations"]
                assert isinstance(situations, list) and all(isinstance(s, dict) for s in situations)
            except (ValueError, KeyError, TypeError, AssertionError):
                return self._send(400, {"error": 'attendu : {"situations": [...]}'})
            job = batcher.submit(situations)
            if job is None:
                return self._send(503, {"error": "délai dépassé"})
            self._send(200, {"versions": versions, "resultats": job.results, "mesures": job.measures})

        def log_message(self, format, *args):
            pass

    return Handler


def warm(engine) -> None:
    """The first simulation fills the model's caches (seconds): done before the port opens."""
    from rights.situation import Adult, Child, Household, situation

    sample = Household(adults=(Adult(age=35, salary=900),), children=(Child(age=12, school="college"),), rent=600)
    today = date.today()
    engine.calculate_many([situation([sample], date(today.year, today.month, 1))])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Moteur de simulation des droits (OpenFisca-France)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8116)
    parser.add_argument("--log-level", default="INFO", help="INFO: one line per batch (its size and times)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=args.log_level.upper(), format="%(asctime)s %(name)s %(message)s", stream=sys.stderr)

    from rights.engine.batch import Engine, versions

    started = time.perf_counter()
    engine = Engine()
    warm(engine)
    server = ThreadingHTTPServer((args.host, args.port), make_handler(Batcher(engine), versions()))
    server.daemon_threads = True
    logger.info("ready on %s:%d in %.1f s (%s)", args.host, args.port, time.perf_counter() - started, versions())
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()


if __name__ == "__main__":
    main()
