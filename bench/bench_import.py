"""Import speed and memory (issue 3 acceptance).

Measures, each import in its own process (time, peak resident memory):
1. the national « lieux de médiation numérique » file (../shared/datasets/lieux/cnfs-national-2022.json);
2. a synthetic data·inclusion v1 dump over the real communes and the real vocabularies: structures
   (50,000 by default), then services (150,000 by default);
3. a no-change re-import of the services (target: under a third of the import).

    .venv/bin/python bench/bench_import.py                   # SQLite, /tmp/ancrage-bench-import.sqlite3
    .venv/bin/python bench/bench_import.py --database-url postgres://postgres@127.0.0.1:5432/bench_import
    .venv/bin/python bench/bench_import.py --services 20000  # a smaller run

The bench database is emptied of places, services and import records first (never the dev database:
the URL must name a database whose name contains "bench"). It is migrated and given the territory
referential when empty. Targets on a 2-core machine (issue 7): 150,000 services < 90 s on PostgreSQL
with a peak memory under 250 MB, re-import < 1 min.
"""

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The shared datasets sit next to the project (../shared), or next to the folder of its git worktrees.
NATIONAL = next(
    (
        path
        for base in (ROOT.parent, ROOT.parent.parent)
        if (path := base / "shared/datasets/lieux/cnfs-national-2022.json").exists()
    ),
    ROOT.parent / "shared/datasets/lieux/cnfs-national-2022.json",
)
DEFAULT_URL = "sqlite:////tmp/ancrage-bench-import.sqlite3"

KINDS = [
    "Médiathèque", "Centre social", "France Services", "CCAS", "Mission locale", "Espace public numérique",
    "Maison de quartier", "Association", "Point d'accueil numérique", "Tiers-lieu", "Maison des solidarités",
]  # fmt: skip
NAMES = [
    "Jules Verne", "Louise Michel", "Jean Jaurès", "Simone Veil", "Victor Hugo", "Pablo Neruda", "Marie Curie",
    "Aimé Césaire", "George Sand", "Albert Camus", "Olympe de Gouges", "Nelson Mandela", "Rosa Parks",
    "Colette", "Jacques Prévert", "Elsa Triolet", "Paul Éluard", "Frida Kahlo", "Léo Lagrange", "Condorcet",
]  # fmt: skip
HOURS = [
    "Mo-Fr 09:00-12:00,14:00-17:00", "Tu-Sa 10:00-18:00; PH off", "Mo,We,Fr 09:00-12:30",
    "Mo-Th 08:30-12:00,13:30-17:30; Fr 08:30-12:00", "", "We 14:00-18:00; Sa 10:00-12:00",
]  # fmt: skip


def setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ancrage.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def prepare_database(database_url: str) -> None:
    name = database_url.rsplit("/", 1)[-1]
    if "bench" not in name:
        sys.exit(f"Refus : la base « {name} » n’est pas une base de bench (son nom doit contenir « bench »).")
    setup_django(database_url)
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    from datahub.models import FieldChange, ImportRun, Merge, MergeCandidate, SourceRecord
    from directory.models import Place, Service
    from territory.models import Commune

    if not Commune.objects.exists():
        call_command("load_territory", stdout=open(os.devnull, "w"))  # noqa: SIM115
    for model in (FieldChange, MergeCandidate, Merge, SourceRecord, Service, Place, ImportRun):
        model.objects.all().delete()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM")


def work_dir(database_url: str) -> Path:
    """Where the generated files go: one folder per bench database, so that two benches never share files."""
    return Path("/tmp") / ("ancrage-" + database_url.rsplit("/", 1)[-1].removesuffix(".sqlite3"))


def generate(structures: int, services: int, seed: int, work: Path) -> tuple[Path, Path]:
    """A data·inclusion v1 dump (structures, services) on real communes, with real vocabularies."""
    sys.path.insert(0, str(ROOT))
    from data_inclusion.schema import v1

    rng = random.Random(seed)
    with open(ROOT / "territory" / "data" / "communes.csv", encoding="utf-8") as handle:
        communes = [row for row in csv.DictReader(handle) if row["latitude"] not in ("", "nan")]
    weights = [int(row["population"] or 0) + 400 for row in communes]
    thematiques = [t.value for t in v1.Thematique]
    publics = [p.value for p in v1.Public if p.value != "tous-publics"]
    types = [t.value for t in v1.TypeService]
    mobilisation = [m.value for m in v1.ModeMobilisation]
    today = date.today()
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    for index, commune in enumerate(rng.choices(communes, weights=weights, k=structures)):
        name = f"{rng.choice(KINDS)} {rng.choice(NAMES)} de {commune['nom']}"
        rows.append({
            "source": "bench", "id": f"bench--s{index}", "nom": name[:150],
            "date_maj": (today - timedelta(days=rng.randint(1, 900))).isoformat(),
            "description": f"{name} : accueil, aide aux démarches en ligne et ateliers numériques.",
            "siret": f"{rng.randint(10**13, 10**14 - 1)}", "commune": commune["nom"],
            "code_postal": commune["codes_postaux"].split("|")[0], "code_insee": commune["code_insee"],
            "adresse": f"{rng.randint(1, 120)} rue {rng.choice(NAMES)}",
            "latitude": round(float(commune["latitude"]) + rng.uniform(-0.02, 0.02), 6),
            "longitude": round(float(commune["longitude"]) + rng.uniform(-0.03, 0.03), 6),
            "telephone": f"+331{rng.randint(10**7, 10**8 - 1)}", "courriel": f"contact@structure{index}.fr",
            "site_web": f"https://structure{index}.fr/", "horaires_accueil": rng.choice(HOURS),
        })  # fmt: skip
    structures_path = work / "structures.json"
    structures_path.write_text(json.dumps(rows, ensure_ascii=False))
    items = []
    for index in range(services):
        structure = rows[index % structures]
        items.append({
            "source": "bench", "id": f"bench--v{index}", "structure_id": structure["id"],
            "nom": rng.choice(["Aide aux démarches administratives", "Atelier numérique", "Accès libre à internet",
                               "Permanence France Services", "Accompagnement à l'emploi"]),
            "description": "Un accompagnement individuel ou collectif, sur place, gratuit et sans rendez-vous.",
            "date_maj": structure["date_maj"], "type": rng.choice(types),
            "thematiques": rng.sample(thematiques, rng.randint(1, 3)),
            "frais": rng.choice(["gratuit", "gratuit", "payant"]),
            "publics": ["tous-publics"] if rng.random() < 0.6 else rng.sample(publics, rng.randint(1, 2)),
            "modes_accueil": ["en-presentiel"] if rng.random() < 0.8 else ["en-presentiel", "a-distance"],
            "modes_mobilisation": rng.sample(mobilisation, rng.randint(1, 2)),
            "mobilisable_par": ["usagers", "professionnels"],
            "zone_eligibilite": [structure["code_insee"][:2]],
        })  # fmt: skip
    services_path = work / "services.json"
    services_path.write_text(json.dumps({"items": items, "total": len(items), "page": 1}, ensure_ascii=False))
    return structures_path, services_path


def _peak_rss_mb() -> float:
    """Peak resident memory of this process. `ru_maxrss` survives execve on Linux (it would show the
    parent's peak), the mm's high-water mark `VmHWM` does not."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _server_cpu(connection) -> float | None:
    """CPU seconds of this connection's PostgreSQL backend, when the server runs on this machine."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def run_step(database_url: str, path: str, source_format: str, feed: str) -> None:
    """In a child process: one import; prints its figures as JSON (wall time, CPU time of this process
    and of its PostgreSQL backend, which are less sensitive to a shared machine's load)."""
    setup_django(database_url)
    from django.db import connection

    from datahub.runs import run_import

    connection.ensure_connection()
    server_start = _server_cpu(connection)
    start, cpu_start = time.perf_counter(), time.process_time()
    run = run_import(path, source_format, feed=feed)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    server = _server_cpu(connection)
    peak_mb = _peak_rss_mb()
    print(json.dumps({
        "seconds": round(elapsed, 1), "cpu": round(cpu, 1),
        "server_cpu": None if server is None else round(server - server_start, 1),
        "peak_mb": round(peak_mb), "rows": run.rows, "created": run.created,
        "updated": run.updated, "unchanged": run.unchanged, "merged": run.merged, "rejected": run.rejected,
        "status": run.status,
    }))  # fmt: skip


def measure(database_url: str, label: str, path: Path, source_format: str, feed: str) -> dict:
    command = [sys.executable, __file__, "--database-url", database_url, "--step", str(path), source_format, feed]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"{label} : échec\n{result.stderr[-3000:]}")
    output = result.stdout
    figures = json.loads(output.strip().splitlines()[-1])
    server = "" if figures["server_cpu"] is None else f" + {figures['server_cpu']:>5.1f} s serveur"
    print(
        f"{label:<42} {figures['seconds']:>7.1f} s (CPU {figures['cpu']:>5.1f} s{server}) "
        f"{figures['peak_mb']:>6} Mo   {figures['rows']} lignes : "
        f"{figures['created']} créées, {figures['updated']} mises à jour, {figures['unchanged']} inchangées, "
        f"{figures['merged']} fusionnées, {figures['rejected']} rejetées",
        flush=True,
    )
    return figures


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL))
    parser.add_argument("--structures", type=int, default=50_000)
    parser.add_argument("--services", type=int, default=150_000)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--step", nargs=3, metavar=("PATH", "FORMAT", "FEED"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.step:
        run_step(args.database_url, *args.step)
        return
    engine = args.database_url.split(":", 1)[0]
    print(f"Base : {args.database_url} ({engine}), {os.cpu_count()} cœurs", flush=True)
    prepare_database(args.database_url)
    structures, services = generate(args.structures, args.services, args.seed, work_dir(args.database_url))
    url = args.database_url
    measure(url, f"Lieux, fichier national ({NATIONAL.name})", NATIONAL, "lieux", "cnfs-national")
    measure(url, f"data·inclusion : {args.structures} structures", structures, "di-structures", "bench-structures")
    first = measure(url, f"data·inclusion : {args.services} services", services, "di-services", "bench-services")
    again = measure(url, "même fichier de services, sans changement", services, "di-services", "bench-services")

    def verdict(ok: bool) -> str:
        return "atteinte" if ok else "MANQUÉE"

    print(
        f"Cibles : {args.services} services < 90 s ({verdict(first['seconds'] < 90)}), "
        f"mémoire de pointe < 250 Mo ({verdict(first['peak_mb'] < 250)}), "
        f"réimport < 60 s ({verdict(again['seconds'] < 60)})."
    )


if __name__ == "__main__":
    main()
