"""Observatory: time to weight 100,000 responses and compute every indicator and breakdown (target: under 2 s),
and the weight of the public observatory pages (target: under 40 KB gzip each).

Generates 100,000 demonstration-like answers in memory (observatory/demo.py, fixed seed; not timed), builds the
columns (timed apart: in production it happens once per state of the responses), then times the raking
(weightipy), the territory's indicators, every breakdown (commune, age, sex, QPV ×2) and the age-standardised
rates of every indicator by commune; then the whole reading a page computes after a write to a response
(`analysis.compute`: columns, raking, every figure; the database read of the answers is not included), which
every process then reads from the shared cache until the next write. Page weights: each public page rendered
in-process against the dev database (var/ancrage.sqlite3, demonstration responses created if missing), HTML
gzipped, and the site's one stylesheet.

    python bench/bench_observatory.py [--size 100000]
"""

import argparse
import gzip
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ancrage.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
os.environ.setdefault("ANCRAGE_STATIC_MANIFEST", "false")

import django

django.setup()

from django.contrib.staticfiles import finders  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from observatory import demo  # noqa: E402
from observatory.domain import analysis, breakdowns, frame, indicators, margins, weighting  # noqa: E402


def compute_timing(size: int) -> None:
    home = list(margins.home_communes())
    communes = [(c.code_insee, c.population, bool(c.codes_qpv)) for c in home]
    names = {c.code_insee: c.nom for c in home}
    qpv = {c.code_insee for c in home if c.codes_qpv}
    today = timezone.localdate()
    rows = demo.generate(communes, today, size=size)
    the_margins = margins.load_margins()
    t0 = time.perf_counter()
    data = frame.from_answers(rows, today.year, qpv)
    t1 = time.perf_counter()
    result = weighting.rake(data, the_margins)
    t2 = time.perf_counter()
    indicators.territory(data, result.weights)
    breakdowns.all_breakdowns(data, result.weights, names)
    pairs = sorted(names.items(), key=lambda p: p[1])
    for indicator in indicators.INDICATORS:
        breakdowns.age_standardised(indicator, data, result.weights, pairs, the_margins.age_standard)
    t3 = time.perf_counter()
    analysis.compute(rows, True, the_margins, ([(c.code_insee, c.nom) for c in home], qpv))
    t4 = time.perf_counter()
    print(f"Responses: {size:,}; indicators: {len(indicators.INDICATORS)}; communes: {len(names)}")
    print(f"  columns from answers (once per state of the data): {t1 - t0:.2f} s")
    print(
        f"  raking (weightipy, {result.iterations} iterations, max gap {result.max_gap_points:.2f} pt, "
        f"deff {result.deff:.2f}, n_eff {result.n_eff:,.0f}): {t2 - t1:.2f} s"
    )
    print(f"  every indicator, breakdown and age-standardised rate: {t3 - t2:.2f} s")
    print(f"  weighting + indicators + breakdowns: {t3 - t1:.2f} s (target < 2 s)")
    print(f"  the reading a page computes after a write (columns included, kept in the shared cache): {t4 - t3:.2f} s")


def page_weights() -> None:
    call_command("observatory_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    client = Client()
    css = Path(finders.find("web/site.css")).read_bytes()
    print(f"Stylesheet web/site.css (shared, cached): {len(css):,} B raw, {len(gzip.compress(css)):,} B gzip")
    pages = ["/observatoire/", "/observatoire/indicateurs/illectronisme/", "/observatoire/offre/",
             "/observatoire/signaux/", "/observatoire/methodologie/", "/observatoire/rapport/?commune=91377",
             "/enquete/"]  # fmt: skip
    for url in pages:
        response = client.get(url)
        body = response.content
        print(
            f"  {url}: HTTP {response.status_code}, {len(body):,} B raw, {len(gzip.compress(body)):,} B gzip "
            f"(+ stylesheet: {len(gzip.compress(body)) + len(gzip.compress(css)):,} B; target < 40 KB)"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=100_000)
    args = parser.parse_args()
    compute_timing(args.size)
    page_weights()
