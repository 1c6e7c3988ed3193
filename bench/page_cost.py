"""What a page costs the app server, measured in-process: CPU milliseconds and database queries per request.

    .venv/bin/python bench/page_cost.py [--database-url URL] [--requests 200] [PATH ...]

The load-independent companion of `load.py` (wrk's figures depend on what else runs on the machine): each
page is requested through the real WSGI application (`ancrage.wsgi`, every middleware, as gunicorn calls it)
`--requests` times after a warm-up; the CPU time of this process (`time.process_time`, not wall time) per
request and the queries of one request are printed. The database's own CPU is not counted: its queries are
listed by count. A results page is remembered for the minute (`directory.views.remembered_page`): its cost
is printed twice, served from the shared cache and computed (a query string of its own each time). Defaults to
the pages of `load.py`'s mix, against its database (`ancrage_load`, prepared by `load.py`).
"""

import argparse
import io
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = [
    "/",
    "/recherche/?besoin=demarches&ou=91300",
    "/recherche/?ou=Palaiseau",
    "/recherche/?besoin=equipement&ou=91120&rayon=20",
    "/recherche/?besoin=demarches&ou=75011&gratuit=1",
    "/recherche/?ou=Orsay&ouvert=maintenant",
    "/api/v1/recherche?ou=Massy&besoin=demarches",
    "/api/v1/lieux?page=2",
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="*", default=PAGES)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/ancrage_load")
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    os.environ.update(
        DATABASE_URL=args.database_url,
        DEBUG="false",
        ANCRAGE_API_RATE_LIMIT="0",
        ANCRAGE_THROTTLE_ENABLED="false",
        LOG_LEVEL="WARNING",
        ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SETTINGS_MODULE="ancrage.settings",
    )
    os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 60)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ancrage.wsgi import application

    def get(path: str) -> tuple[str, bytes]:
        url, _, query = path.partition("?")
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": url,
            "QUERY_STRING": query,
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "80",
            "HTTP_HOST": "127.0.0.1",
            "REMOTE_ADDR": "127.0.0.1",
            "HTTP_ACCEPT_ENCODING": "gzip",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": sys.stderr,
        }
        status = []
        response = application(environ, lambda s, headers, exc_info=None: status.append(s))
        body = b"".join(response)
        response.close()  # request_finished, as gunicorn does: connections are checked, kept or closed
        return status[0], body

    def measure(path: str, unique: bool) -> tuple[float, int]:
        """CPU ms per request and queries of one request; `unique`: a parameter of its own for every request,
        so that a results page is computed each time (never the page remembered for the minute)."""
        sep = "&" if "?" in path else "?"
        with CaptureQueriesContext(connection) as queries:
            get(f"{path}{sep}essai=0" if unique else path)
        count = len(queries.captured_queries)
        start = time.process_time()
        for n in range(args.requests):
            get(f"{path}{sep}essai={n + 1}" if unique else path)
        return (time.process_time() - start) / args.requests * 1000, count

    print(f"{'page':<50} {'statut':>6} {'CPU ms/requête':>15} {'requêtes SQL':>13} {'octets (gzip)':>14}")
    for path in args.paths:
        for _ in range(5):
            status, body = get(path)
        cpu, count = measure(path, unique=False)
        print(f"{path:<50} {status.split()[0]:>6} {cpu:>15.2f} {count:>13} {len(body):>14}")
        if path.startswith("/recherche/"):
            cpu, count = measure(path, unique=True)
            print(f"{'  (calculée : première de la minute)':<50} {'':>6} {cpu:>15.2f} {count:>13}")


if __name__ == "__main__":
    main()
