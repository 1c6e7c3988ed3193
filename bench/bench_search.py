"""Search latency at national scale (issue 2 acceptance).

Builds a synthetic but realistic national data set — by default 55,000 places and about 165,000
services over the real French communes, denser where people live — in a separate database, then
runs a fixed, varied set of searches through the real code path (SearchForm → criteria → search)
and prints the latency median, 95th percentile and maximum, overall and per query family.

    .venv/bin/python bench/bench_search.py                  # SQLite, /tmp/ancrage-bench.sqlite3
    .venv/bin/python bench/bench_search.py --db postgres    # postgres://postgres@127.0.0.1:5432/ancrage_bench
    .venv/bin/python bench/bench_search.py --rebuild        # drop and rebuild the data set
    .venv/bin/python bench/bench_search.py --explain 3      # SQL timings and plans of the 3 slowest searches

The data set is reused when it is already there (same size or more).
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASES = {
    "sqlite": "sqlite:////tmp/ancrage-bench.sqlite3",
    "postgres": "postgres://postgres@127.0.0.1:5432/ancrage_bench",
}


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", choices=sorted(DATABASES), default="sqlite", help="database engine (default sqlite)")
    parser.add_argument("--database-url", help="override the database URL (default: a bench database per engine)")
    parser.add_argument("--rebuild", action="store_true", help="drop the bench data set and build it again")
    parser.add_argument("--places", type=int, default=55_000, help="number of places (default 55,000)")
    parser.add_argument("--queries", type=int, default=240, help="number of timed searches (default 240, min 200)")
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs per search; its latency is the median of them (default 3)"
    )
    parser.add_argument("--seed", type=int, default=2, help="random seed for data and queries")
    parser.add_argument("--explain", type=int, default=0, metavar="N", help="profile the N slowest searches")
    parser.add_argument(
        "--real-now",
        action="store_true",
        help="use the real clock for « ouvert maintenant » (default: Tuesday 10:30 this week, reproducible)",
    )
    return parser.parse_args(argv)


def setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ancrage.settings")
    os.environ.setdefault("DEBUG", "false")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def ensure_postgres_database(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    check = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-tAc", f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],
        capture_output=True,
        text=True,
        check=True,
    )
    if check.stdout.strip() != "1":
        print(f"Creating PostgreSQL database {name}")
        subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-c", f'CREATE DATABASE "{name}"'], check=True)


def prepare_database(args) -> None:
    from django.core.management import call_command
    from django.db import connection
    from search_dataset import build, drop_bench_data

    from directory.models import Place, Service
    from territory.models import Commune

    t0 = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    if not Commune.objects.exists():
        print("Loading the territory referential…", flush=True)
        call_command("load_territory")
    name = connection.settings_dict["NAME"]
    print(f"Database ready ({connection.vendor}, {name}) in {time.perf_counter() - t0:.1f} s")
    if args.rebuild:
        print("Dropping the existing data set (--rebuild)")
        drop_bench_data()
    places = Place.objects.count()
    if places >= args.places:
        print(f"Reusing the data set: {places:,} places, {Service.objects.count():,} services (--rebuild to redo)")
        return
    if places:
        drop_bench_data()
    print(f"Building {args.places:,} places over {Commune.objects.count():,} communes…", flush=True)
    build(args.places, args.seed)


# --- The queries --------------------------------------------------------------------------------

FAMILIES = [
    "commune name",
    "postal code",
    "no need",
    "radius 2 km",
    "radius 50 km",
    "accueil presentiel",
    "accueil distance",
    "accueil itinerant",
    "gratuit",
    "rdv en ligne",
    "ouvert maintenant",
    "ouvert jour",
    "public",
    "accompagnement",
    "page 2-3",
    "combined",
]


def query_set(n: int, seed: int) -> list[tuple[str, dict]]:
    """`n` searches as (family, URL parameters), spread over big cities and small communes."""
    from directory import needs
    from directory.forms import PUBLIC_CHOICES, SUPPORT_CHOICES
    from territory.models import Commune

    rng = random.Random(seed * 7919)
    communes = list(
        Commune.objects.filter(latitude__isnull=False).values_list("nom", "code_postal_principal", "population")
    )
    big = sorted(communes, key=lambda c: -c[2])[:300]
    need_slugs = [n.slug for n in needs.NEEDS]
    queries = []
    for i in range(n):
        family = FAMILIES[i % len(FAMILIES)]
        commune = rng.choice(big) if rng.random() < 0.5 else rng.choice(communes)
        params = {"ou": commune[0], "besoin": need_slugs[i % len(need_slugs)], "rayon": rng.choice([5, 10, 10, 20])}
        if i % 5 == 0:
            params["besoin"] = ""
        match family:
            case "postal code":
                params["ou"] = commune[1]
            case "no need":
                params["besoin"] = ""
            case "radius 2 km":
                params["rayon"] = 2
            case "radius 50 km":
                params["rayon"] = 50
            case "accueil presentiel":
                params["accueil"] = "presentiel"
            case "accueil distance":
                params["accueil"] = "distance"
            case "accueil itinerant":
                params["accueil"] = "itinerant"
                params["rayon"] = rng.choice([20, 30, 50])
            case "gratuit":
                params["gratuit"] = "on"
            case "rdv en ligne":
                params["rdv"] = "on"
            case "ouvert maintenant":
                params["ouvert"] = "maintenant"
                params["rayon"] = rng.choice([10, 20, 30, 50])
            case "ouvert jour":
                params["ouvert"] = str(rng.randint(1, 7))
            case "public":
                params["public"] = [rng.choice(PUBLIC_CHOICES)[0]]
            case "accompagnement":
                params["accompagnement"] = [rng.choice(SUPPORT_CHOICES)[0]]
                params["rayon"] = rng.choice([10, 20, 30])
            case "page 2-3":
                params["page"] = rng.choice([2, 3])
                params["rayon"] = rng.choice([10, 20, 30])
            case "combined":
                params.update(gratuit="on", accueil="presentiel", ouvert=str(rng.randint(1, 6)))
                params["public"] = [rng.choice(PUBLIC_CHOICES)[0]]
                params["rayon"] = rng.choice([20, 30, 50])
        queries.append((family, {k: str(v) if not isinstance(v, list) else v for k, v in params.items() if v != ""}))
    return queries


def as_querydict(params: dict):
    from django.http import QueryDict

    data = QueryDict(mutable=True)
    for key, value in params.items():
        if isinstance(value, list):
            data.setlist(key, value)
        else:
            data[key] = value
    return data


def run_search(params: dict):
    from directory.domain.search import search
    from directory.forms import SearchForm

    form = SearchForm(as_querydict(params))
    if not form.is_valid():
        raise AssertionError(f"invalid search {params}: {form.errors.as_json()}")
    return search(form.criteria(), page=form.cleaned_data.get("page") or 1)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def print_stats(timings: list[tuple[str, dict, float, int]]) -> None:
    by_family = defaultdict(list)
    for family, _, ms, count in timings:
        by_family[family].append((ms, count))
    header = f"{'family':<20} {'n':>4} {'median':>8} {'p95':>8} {'max':>8} {'mean results':>13}"
    print(header)
    print("-" * len(header))
    for family in [*FAMILIES, "ALL", "ALL but distance"]:
        if family == "ALL":
            rows = [(ms, c) for _, _, ms, c in timings]
            print("-" * len(header))
        elif family == "ALL but distance":
            rows = [(ms, c) for f, _, ms, c in timings if f != "accueil distance"]
        else:
            rows = by_family[family]
        if not rows:
            continue
        ms = [r[0] for r in rows]
        print(
            f"{family:<20} {len(rows):>4} {statistics.median(ms):>8.1f} {percentile(ms, 95):>8.1f} "
            f"{max(ms):>8.1f} {statistics.mean(r[1] for r in rows):>13.1f}"
        )


def explain(slowest: list[tuple[str, dict, float, int]]) -> None:
    """SQL statements of the slowest searches with their time, and the plan of the slowest statement."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for family, params, ms, count in slowest:
        print(f"\n=== {family}: {ms:.1f} ms, {count} results, {params}")
        with CaptureQueriesContext(connection) as captured:
            run_search(params)
        statements = sorted(captured.captured_queries, key=lambda q: -float(q["time"]))
        for q in statements:
            print(f"  {float(q['time']) * 1000:7.1f} ms  {q['sql'][:160]}")
        worst = statements[0]["sql"]
        prefix = "EXPLAIN ANALYZE " if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN "
        print(f"\n  Slowest statement:\n  {worst}\n\n  Plan:")
        with connection.cursor() as cursor:
            cursor.execute(prefix + worst)
            for row in cursor.fetchall():
                print("   ", " | ".join(str(col) for col in row))


def pin_clock() -> None:
    """« Now » is Tuesday 10:30 of this week, so that « ouvert maintenant » is a busy, repeatable case."""
    from datetime import datetime

    from directory.domain import hours

    day = date.today() - timedelta(days=date.today().weekday()) + timedelta(days=1)
    tuesday = datetime(day.year, day.month, day.day, 10, 30)
    hours.local_now = lambda: tuesday


def main(argv=None) -> None:
    args = parse_args(argv)
    url = args.database_url or os.environ.get("BENCH_DATABASE_URL") or DATABASES[args.db]
    if url.startswith("postgres"):
        ensure_postgres_database(url)
    setup_django(url)
    from django.db import connection

    from directory.domain import hours
    from directory.models import Place, Service

    prepare_database(args)
    if not args.real_now:
        pin_clock()
    print(f"Data set: {Place.objects.count():,} places, {Service.objects.count():,} services")

    queries = query_set(max(200, args.queries), args.seed)
    for _, params in queries[:20]:  # warm-up: connection, caches, imports
        run_search(params)
    print(f"\nTiming {len(queries)} searches on {connection.vendor} (« now » is {hours.local_now():%A %H:%M})…")
    load_before = os.getloadavg()[0]
    runs = defaultdict(list)
    for _ in range(max(1, args.repeat)):  # whole passes, so that a burst of load hits one run of each search
        for i, (_, params) in enumerate(queries):
            started = time.perf_counter()
            page = run_search(params)
            runs[i].append(((time.perf_counter() - started) * 1000, page.total))
    timings = [
        (family, params, statistics.median(ms for ms, _ in runs[i]), runs[i][0][1])
        for i, (family, params) in enumerate(queries)
    ]
    print(
        f"Latency of a search = median of its {max(1, args.repeat)} run(s), form validation included; "
        f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after ({os.cpu_count()} CPUs)\n"
    )
    print_stats(timings)
    if args.explain:
        explain(sorted(timings, key=lambda t: -t[2])[: args.explain])


if __name__ == "__main__":
    main()
