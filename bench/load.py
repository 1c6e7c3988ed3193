"""Load and faults: gunicorn on PostgreSQL under a real load generator (wrk), issue 8's acceptance.

    .venv/bin/python bench/load.py [--workers 2 4] [--clients 200] [--duration 60] [--database-url URL] [--port 8090]
        [--only faults]

1. Prepares a PostgreSQL database (`ancrage_load` by default: created, migrated, referential and demo data
   loaded when empty) and collects the static files.
2. For each gunicorn worker count: a 60 s run of 200 concurrent connections over a mix of pages (home 15 %,
   searches 40 %, place pages 30 %, API 15 %), then 30 s on the Massy results page alone. Prints requests/s,
   p50/p95/p99 latency, non-2xx/3xx responses and socket errors.
3. Recovery: a 30 s mixed run during which every database connection of the app is cut twice
   (`pg_terminate_backend`); prints the failed requests.
4. Searches while an import runs: the p95 of a searches-only run, idle then during a full demo import.

The API rate limit is switched off for the run (every request comes from 127.0.0.1). wrk comes from Debian
(`apt-get install wrk`, done when run as root). The load generator shares the machine's cores with the app.
"""

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PORT = 8090  # --port
MASSY = "/recherche/?besoin=demarches&ou=91300"
SEARCHES = [
    MASSY,
    "/recherche/?ou=Palaiseau",
    "/recherche/?besoin=equipement&ou=91120&rayon=20",
    "/recherche/?besoin=demarches&ou=75011&gratuit=1",
    "/recherche/?ou=Orsay&ouvert=maintenant",
]
API = ["/api/v1/recherche?ou=Massy&besoin=demarches", "/api/v1/lieux?page=2", "/api/v1/services?page=1"]

LUA = """
local paths = {%(paths)s}
local weights = {%(weights)s}
local total = 0
for _, w in ipairs(weights) do total = total + w end
math.randomseed(os.time())
request = function()
  local r = math.random() * total
  for i, w in ipairs(weights) do
    r = r - w
    if r <= 0 then return wrk.format("GET", paths[i]) end
  end
  return wrk.format("GET", paths[#paths])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT rps=%%.1f p50=%%.1f p95=%%.1f p99=%%.1f requests=%%d status=%%d sockets=%%d\\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end
"""


def env_for(url: str) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DEBUG": "false",
        "ANCRAGE_API_RATE_LIMIT": "0",
        "ANCRAGE_THROTTLE_ENABLED": "false",
        "SECRET_KEY": "bench-" + "x" * 60,
        "LOG_LEVEL": "WARNING",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }


def manage(url: str, *args: str) -> str:
    return subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env_for(url), check=True, capture_output=True, text=True
    ).stdout


def prepare(url: str) -> list[str]:
    name = url.rsplit("/", 1)[1]
    base = url.rsplit("/", 1)[0]
    subprocess.run(["psql", f"{base}/postgres", "-qc", f"CREATE DATABASE {name}"], capture_output=True)
    manage(url, "migrate", "--noinput", "-v0")
    manage(url, "createcachetable")
    manage(url, "load_territory")
    manage(url, "load_demo")
    manage(url, "collectstatic", "--noinput", "-v0")
    ids = manage(
        url,
        "shell",
        "-c",
        "from directory.models import Place\n"
        "print(' '.join(p.get_absolute_url() for p in Place.objects.published()[:60]))",
    ).split()
    return [word for word in ids if word.startswith("/lieux/")]  # the shell prints other lines too


def ensure_wrk() -> str:
    if not shutil.which("wrk") and os.geteuid() == 0:
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False, capture_output=True)
    path = shutil.which("wrk")
    if not path:
        sys.exit("wrk manque : « apt-get install wrk »")
    return path


def start_gunicorn(url: str, workers: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "ancrage.wsgi",
            "-w",
            str(workers),
            "-b",
            f"127.0.0.1:{PORT}",
            "--access-logfile",
            "/dev/null",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env_for(url),
        start_new_session=True,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/sante/", timeout=2)
            return process
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn n’a pas démarré")


def stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


def wrk(paths_weights: list[tuple[str, float]], clients: int, duration: int) -> dict:
    script = LUA % {
        "paths": ", ".join(f'"{p}"' for p, _ in paths_weights),
        "weights": ", ".join(str(w) for _, w in paths_weights),
    }
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    out = subprocess.run(
        [
            ensure_wrk(),
            "-t2",
            f"-c{clients}",
            f"-d{duration}s",
            "--timeout",
            "10s",
            "-s",
            handle.name,
            f"http://127.0.0.1:{PORT}",
        ],
        capture_output=True,
        text=True,
    ).stdout
    match = re.search(r"RESULT (.*)", out)
    return {k: float(v) for k, v in (kv.split("=") for kv in match[1].split())}


def show(label: str, r: dict) -> None:
    print(
        f"{label:<48} {r['rps']:7.1f} req/s  p50 {r['p50']:6.0f} ms  p95 {r['p95']:6.0f} ms  "
        f"p99 {r['p99']:6.0f} ms  erreurs HTTP {int(r['status'])}  erreurs réseau {int(r['sockets'])}"
    )


def mix(places: list[str]) -> list[tuple[str, float]]:
    weighted = [("/", 15.0)]
    weighted += [(p, 40.0 / len(SEARCHES)) for p in SEARCHES]
    weighted += [(p, 30.0 / len(places)) for p in places]
    weighted += [(p, 15.0 / len(API)) for p in API]
    return weighted


def cut_connections(url: str, times: int, every: float) -> None:
    name = url.rsplit("/", 1)[1]
    base = url.rsplit("/", 1)[0]
    for _ in range(times):
        time.sleep(every)
        subprocess.run(
            [
                "psql",
                f"{base}/postgres",
                "-qtc",
                f"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '{name}' "
                "AND pid <> pg_backend_pid()",
            ],
            capture_output=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, nargs="+", default=[2, 4])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/ancrage_load")
    parser.add_argument("--port", type=int, default=PORT, help="gunicorn's port (127.0.0.1)")
    parser.add_argument("--only", choices=["throughput", "faults"], help="only the throughput runs, or only 3 and 4")
    args = parser.parse_args()
    globals()["PORT"] = args.port
    url = args.database_url
    print("Préparation de la base…", flush=True)
    places = prepare(url)
    ensure_wrk()
    print(f"{args.clients} clients simultanés, machine de {os.cpu_count()} cœurs (wrk sur les mêmes cœurs)")
    for workers in args.workers if args.only != "faults" else []:
        server = start_gunicorn(url, workers)
        try:
            wrk(mix(places), 50, 5)  # warm-up
            show(f"{workers} workers · mélange, {args.duration} s", wrk(mix(places), args.clients, args.duration))
            show(f"{workers} workers · résultats Massy seuls, 30 s", wrk([(MASSY, 1)], args.clients, 30))
        finally:
            stop(server)
    if args.only == "throughput":
        return
    server = start_gunicorn(url, 2)
    try:
        cutter = threading.Thread(target=cut_connections, args=(url, 2, 10))
        cutter.start()
        show("2 workers · connexions coupées 2 fois, 30 s", wrk(mix(places), args.clients, 30))
        cutter.join()
        searches = [(p, 1) for p in SEARCHES]
        show("2 workers · recherches, base au repos, 30 s", wrk(searches, 50, 30))
        demo = ROOT / "datahub" / "demo" / "cnfs-national-2022-idf.json"
        importer = subprocess.Popen(
            [
                PYTHON,
                "manage.py",
                "import_data",
                str(demo),
                "--format",
                "lieux",
                "--feed",
                "bench-import",
                "--source",
                "bench",
                "--quiet",
            ],
            cwd=ROOT,
            env=env_for(url),
            stdout=subprocess.DEVNULL,
        )
        show("2 workers · recherches pendant un import, 30 s", wrk(searches, 50, 30))
        importer.wait()
    finally:
        stop(server)


if __name__ == "__main__":
    main()
