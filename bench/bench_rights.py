"""The rights pre-check's cost: one household warm (the result page waits for it), and 1,000 households in
one batch (the amortised cost per household).

    .venv/bin/python bench/bench_rights.py [--households 1000] [--repeat 5]

Starts its own engine (`.venv-engine`, `make engine`) on a free loopback port, waits for it, then sends the
requests the web app sends. Prints wall times (they depend on what else runs on the machine: the load average
is printed too) and the engine's own CPU time per batch (`process_time`, independent of the load). Targets:
a result in under 1.5 s, under 5 ms a household in a batch.
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MONTH = date(2026, 12, 1)
COMMUNES = ["91377", "91228", "91174", "91477", "91692"]  # Massy, Évry-Courcouronnes, Corbeil, Palaiseau, Ulis


def households(n: int):
    """Varied, reproducible households: ages, incomes, children, housing; one in ten declares a benefit."""
    from rights.situation import SCHOOLS, Adult, Child, Household

    rng = random.Random(13)  # reproducible test data
    out = []
    for i in range(n):
        adults = [Adult(age=rng.randint(20, 80), salary=rng.choice([0, 0, 700, 1200, 1443, 2000, 3000]))]
        if rng.random() < 0.4:
            adults.append(Adult(age=rng.randint(20, 80), pension=rng.choice([0, 0, 600, 1100])))
        children = [Child(age=a, school=rng.choice(SCHOOLS)) for a in rng.sample(range(2, 18), rng.randint(0, 3))]
        housing = rng.choice(["locataire", "locataire", "proprietaire", "heberge"])
        received = {"aide_logement": 200.0} if i % 10 == 0 else {}
        out.append(
            Household(
                adults=tuple(adults),
                children=tuple(children),
                housing=housing,
                rent=rng.choice([400, 600, 800, 1000]),
                depcom=rng.choice(COMMUNES),
                rfr=rng.choice([None, 0, 9000, 15_000, 30_000]),
                received=received,
            )
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ancrage.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.conf import settings

    from rights import client
    from rights.engine import process
    from rights.situation import Adult, Child, Household

    started = time.perf_counter()
    settings.ANCRAGE_RIGHTS_ENGINE_URL, engine = process.start()
    settings.ANCRAGE_RIGHTS_ENGINE_TIMEOUT = 600
    print(f"engine ready (model loaded and warmed) in {time.perf_counter() - started:.1f} s")

    one = Household(adults=(Adult(age=35, salary=900),), children=(Child(age=12, school="college"),), rent=700,
                    depcom="91377", rfr=9000)  # fmt: skip
    client.compute([one], MONTH)  # the web request's path, once more after the engine's own warm-up
    walls, cpus = [], []
    for _ in range(args.repeat):
        t = time.perf_counter()
        computed = client.compute([one], MONTH)
        walls.append(time.perf_counter() - t)
        cpus.append(computed.measures["cpu_ms"])
    print(
        f"one household, warm ({args.repeat} runs): median {statistics.median(walls) * 1e3:.0f} ms wall, "
        f"engine CPU {statistics.median(cpus):.0f} ms (target: a result page under 1500 ms)"
    )

    batch = households(args.households)
    t = time.perf_counter()
    computed = client.compute(batch, MONTH)
    wall = time.perf_counter() - t
    n = len(batch)
    print(
        f"{n} households in one batch: {wall:.2f} s wall, {wall / n * 1e3:.2f} ms a household; engine CPU "
        f"{computed.measures['cpu_ms'] / n:.2f} ms a household (target: under 5 ms)"
    )
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    engine.terminate()


if __name__ == "__main__":
    main()
