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
BENCH_SOURCE = "bench"


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


# --- The data set -------------------------------------------------------------------------------

NAME_PATTERNS = [
    ("Espace public numérique de {c}", ["MUNI"]),
    ("Médiathèque {c}", ["BIB"]),
    ("Bibliothèque municipale de {c}", ["BIB"]),
    ("France Services {c}", ["MUNI"]),
    ("Centre social {c}", ["CS"]),
    ("Centre socio-culturel de {c}", ["CSC"]),
    ("CCAS de {c}", ["CCAS"]),
    ("Mairie de {c}", ["MUNI"]),
    ("Association numérique pour tous — {c}", ["ASSO"]),
    ("Emmaüs Connect {c}", ["ASSO"]),
    ("Point numérique CAF {c}", ["CAF"]),
    ("Mission locale de {c}", ["ML"]),
    ("Maison de quartier — {c}", ["MQ"]),
    ("Tiers-lieu numérique de {c}", []),
    ("La Poste — accompagnement numérique {c}", []),
]
STREETS = [
    "rue de la République", "place de la Mairie", "avenue Jean Jaurès", "rue Victor Hugo", "rue Pasteur",
    "boulevard Gambetta", "rue du Général de Gaulle", "place de l’Église", "rue des Écoles", "allée des Tilleuls",
]  # fmt: skip
DAY_GROUPS = ["Mo-Fr", "Mo-Fr", "Mo-Fr", "Tu-Sa", "Mo-Th", "Mo,Tu,Th,Fr", "Tu,Th", "We", "Mo-Sa", "We,Sa", "Tu-Fr"]
SINGLE_DAYS = ["Mo", "Tu", "We", "Th", "Fr", "Sa"]
MORNINGS = ["08:30-12:00", "08:30-12:30", "09:00-12:00", "09:00-12:30", "09:30-12:30", "10:00-12:00", "09:00-13:00"]
AFTERNOONS = ["13:30-17:00", "13:30-17:30", "14:00-17:00", "14:00-17:30", "14:00-18:00", "13:00-17:00", "14:00-19:00"]


def opening_hours(rng: random.Random) -> str:
    """An OSM opening_hours string as found in the national files; a quarter of places have none."""
    roll = rng.random()
    if roll < 0.25:
        return ""
    if roll < 0.35:  # a weekly permanence or two
        days = rng.sample(SINGLE_DAYS, rng.choice([1, 1, 2]))
        return "; ".join(f"{d} {rng.choice(AFTERNOONS + MORNINGS)}" for d in days)
    rule = f"{rng.choice(DAY_GROUPS)} {rng.choice(MORNINGS)},{rng.choice(AFTERNOONS)}"
    extra = rng.random()
    if extra < 0.2:
        rule += f"; Sa {rng.choice(MORNINGS)}"
    elif extra < 0.3:
        rule = rule.replace("Mo-Fr", "Mo-Th") + f"; Fr {rng.choice(MORNINGS)}"
    elif extra < 0.35:
        rule += "; We 14:00-17:00 week 1-53/2"
    if rng.random() < 0.6:
        rule += "; PH off"
    return rule


def pick(rng: random.Random, values, low: float = 0.0, k_max: int = 2) -> list[str]:
    """Some values of a vocabulary (none with probability `low`)."""
    if rng.random() < low:
        return []
    return rng.sample(list(values), rng.randint(1, min(k_max, len(values))))


SERVICE_WEIGHTS = {  # how often each « services » value appears in the national cartography
    "Aide aux démarches administratives": 30,
    "Maîtrise des outils numériques du quotidien": 28,
    "Accès internet et matériel informatique": 18,
    "Compréhension du monde numérique": 8,
    "Utilisation sécurisée du numérique": 7,
    "Insertion professionnelle via le numérique": 8,
    "Parentalité et éducation avec le numérique": 4,
    "Loisirs et créations numériques": 5,
    "Acquisition de matériel informatique à prix solidaire": 2,
}


def place_and_services(rng: random.Random, commune, today: date):
    """One place (unsaved) and the field dicts of its 2–4 services."""
    from datahub.importers.lieux import service_fields
    from directory.domain.hours import open_weekdays
    from directory.domain.quality import completeness
    from directory.models import Place
    from standards import dataincl as di
    from standards import lieux

    # Dense areas spread wider: jitter from ~0.5 km (village) up to ~6 km (big city).
    spread_km = min(6.0, 0.5 + 0.004 * commune.population**0.5 * 10)
    lat = commune.latitude + rng.gauss(0, spread_km / 3) / 111.2
    lon = commune.longitude + rng.gauss(0, spread_km / 3) / (111.2 * max(0.2, abs(_cos(commune.latitude))))
    pattern, typologie = rng.choice(NAME_PATTERNS)
    horaires = opening_hours(rng)
    accompagnement = pick(rng, lieux.MODALITES_ACCOMPAGNEMENT.values, low=0.3, k_max=3)
    acces = pick(rng, lieux.MODALITES_ACCES.values[:4], low=0.3, k_max=3)
    fields = {
        "nom": pattern.format(c=commune.nom)[:250],
        "typologie": typologie,
        "adresse": f"{rng.randint(1, 120)} {rng.choice(STREETS)}",
        "code_postal": commune.code_postal_principal,
        "commune": commune.nom,
        "code_insee": commune.code_insee,
        "latitude": round(lat, 6),
        "longitude": round(lon, 6),
        "itinerance": ["Itinérant"] if rng.random() < 0.05 else (["Fixe"] if rng.random() < 0.3 else []),
        "telephone": f"0{rng.randint(1, 5)}{rng.randint(10_000_000, 99_999_999)}" if rng.random() < 0.8 else "",
        "courriels": [f"contact{rng.randint(1, 999)}@exemple.fr"] if rng.random() < 0.6 else [],
        "site_web": ["https://www.exemple.fr/"] if rng.random() < 0.4 else [],
        "prise_rdv": "https://rdv.exemple.fr/lieu" if rng.random() < 0.2 else "",
        "horaires": horaires,
        "presentation_resume": "Accompagnement aux usages du numérique, ateliers et accès libre."
        if rng.random() < 0.7
        else "",
        "publics_specifiquement_adresses": pick(rng, lieux.PUBLICS_SPECIFIQUEMENT_ADRESSES.values, low=0.75),
        "prise_en_charge_specifique": pick(rng, lieux.PRISE_EN_CHARGE_SPECIFIQUE.values, low=0.8),
        "frais_a_charge": rng.choices([["Gratuit"], ["Gratuit sous condition"], ["Payant"], []], [70, 8, 7, 15])[0],
        "modalites_acces": acces,
        "modalites_accompagnement": accompagnement,
        "dispositif_programmes_nationaux": pick(rng, lieux.DISPOSITIF_PROGRAMMES_NATIONAUX.values, low=0.5),
        "formations_labels": pick(rng, lieux.FORMATIONS_LABELS.values, low=0.9, k_max=1),
        "fiche_acces_libre": "https://acceslibre.beta.gouv.fr/app/lieu/" if rng.random() < 0.15 else "",
        "source": BENCH_SOURCE,
        "date_maj": today - timedelta(days=rng.randint(0, 900)),
    }
    place = Place(**fields, est_publie=rng.random() > 0.02)
    place.jours_ouverture = open_weekdays(horaires)
    place.score_completude = completeness(place, has_services=True)

    values, left = [], dict(SERVICE_WEIGHTS)
    for _ in range(rng.choice([2, 3, 3, 4])):  # weighted sampling without replacement
        value = rng.choices(list(left), list(left.values()))[0]
        values.append(value)
        del left[value]
    services = [service_fields(value, fields) for value in values]
    if rng.random() < 0.1:
        # A service known only by its data·inclusion thématiques (DORA-like), without « services ».
        thematiques = rng.choice([[di.DEMARCHES, di.ACCES_DROITS], [di.EMPLOI], [di.MF], [di.PARENTALITE], [di.CX]])
        services.append(
            {
                **service_fields(values[0], fields),
                "nom": "Accompagnement personnalisé",
                "mediation": [],
                "thematiques": thematiques,
                "zone_eligibilite": rng.choice([["france"], [commune.departement], [commune.code_insee]]),
                "modes_accueil": rng.choice([[di.EN_PRESENTIEL], [di.A_DISTANCE], [di.EN_PRESENTIEL, di.A_DISTANCE]]),
                "source": "dora",
            }
        )
    return place, services


def _cos(latitude: float) -> float:
    import math

    return math.cos(math.radians(latitude))


def communes_by_weight():
    from territory.models import Commune

    communes = list(
        Commune.objects.filter(latitude__isnull=False, longitude__isnull=False).only(
            "code_insee", "nom", "departement", "population", "code_postal_principal", "latitude", "longitude"
        )
    )
    # Places follow population, with a floor so that rural France has its mairies and France Services.
    weights = [c.population + 400 for c in communes]
    return communes, weights


def build(n_places: int, seed: int) -> None:
    from django.db import connection, transaction

    from directory.domain.derived import refresh_places
    from directory.models import Place, Service

    rng = random.Random(seed)
    communes, weights = communes_by_weight()
    today = date.today()
    batch = 5000
    started = time.perf_counter()
    built_places = built_services = 0
    while built_places < n_places:
        size = min(batch, n_places - built_places)
        chosen = rng.choices(communes, weights, k=size)
        pairs = [place_and_services(rng, commune, today) for commune in chosen]
        with transaction.atomic():
            places = Place.objects.bulk_create([p for p, _ in pairs], batch_size=1000)
            services = [
                Service(place_id=place.pk, **fields)
                for place, (_, service_dicts) in zip(places, pairs, strict=True)
                for fields in service_dicts
            ]
            Service.objects.bulk_create(services, batch_size=2000)
            refresh_places([place.pk for place in places])  # search keys and completeness, as imports do
        built_places += size
        built_services += len(services)
        elapsed = time.perf_counter() - started
        print(f"  {built_places:>7,} places, {built_services:>7,} services  ({elapsed:.1f} s)", flush=True)
    with connection.cursor() as cursor:  # fresh planner statistics (PostgreSQL and SQLite alike)
        cursor.execute("ANALYZE")
    total = time.perf_counter() - started
    print(
        f"Built {built_places:,} places and {built_services:,} services in {total:.1f} s "
        f"({built_services / total:,.0f} services/s), ANALYZE included"
    )


def drop_bench_data() -> None:
    from django.db import connection

    from directory.models import ErrorReport, Place, Service

    with connection.cursor() as cursor:
        for model in (ErrorReport, Service, Place):
            table = connection.ops.quote_name(model._meta.db_table)
            if connection.vendor == "postgresql":
                cursor.execute(f"TRUNCATE {table} CASCADE")
            else:
                cursor.execute(f"DELETE FROM {table}")


def prepare_database(args) -> None:
    from django.core.management import call_command
    from django.db import connection

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
