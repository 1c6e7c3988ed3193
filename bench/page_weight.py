"""Transfer size of the public pages, before the map is shown and with it (issue 6 target: the results and place
pages under 15 KB gzip each before the map is wanted).

Collects the static files into a scratch directory, starts the app (`manage.py runserver`, DEBUG off, so
static files are served by WhiteNoise as in production and HTML is gzipped by GZipMiddleware) on a free
port against the normal dev database (var/ancrage.sqlite3, filled by `make run`), then fetches

- the results page /recherche/?besoin=demarches&ou=91300,
- the home page /,
- the first place page linked from the results,

each with `Accept-Encoding: gzip`, and every stylesheet and script the page references, and prints raw and
transferred (gzip body) bytes per resource and in total: first what the page loads by itself ("before the
map"), then with what `web/static/web/map.js` fetches once the map scrolls into view (Leaflet's script and
stylesheet, named in the map's `data-leaflet-js` / `data-leaflet-css`). Map tiles and the images Leaflet's
stylesheet may refer to are not counted (tiles come from the tile server; the markers are CSS `divIcon`s).

    .venv/bin/python bench/page_weight.py [--url-only http://127.0.0.1:8000]
"""

import argparse
import gzip
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

ROOT = Path(__file__).resolve().parent.parent
RESULTS_PATH = "/recherche/?besoin=demarches&ou=91300"
TARGET_KB = 15


class Resources(HTMLParser):
    """Stylesheets, scripts and the first place link of a page."""

    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, str]] = []
        self.lazy: list[tuple[str, str]] = []
        self.place_link = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key, kind in (("data-leaflet-js", "js*"), ("data-leaflet-css", "css*")):
            if a.get(key):
                self.lazy.append((kind, a[key]))
        if tag == "link" and "stylesheet" in (a.get("rel") or "").split() and a.get("href"):
            self.found.append(("css", a["href"]))
        elif tag == "script" and a.get("src"):
            self.found.append(("js", a["src"]))
        elif tag == "link" and (a.get("rel") or "") in ("preload", "modulepreload", "icon") and a.get("href"):
            self.found.append((a["rel"], a["href"]))
        elif tag == "a" and not self.place_link and re.match(r"^/lieux/\d+-", a.get("href") or ""):
            self.place_link = a["href"]


def fetch(url: str) -> tuple[int, int, bytes, str]:
    """(transferred bytes, raw bytes, decoded body, content-encoding)."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip", "User-Agent": "ancrage-bench"})
    with urllib.request.urlopen(request, timeout=30) as response:
        body = response.read()
        encoding = response.headers.get("Content-Encoding", "")
    raw = gzip.decompress(body) if encoding == "gzip" else body
    return len(body), len(raw), raw, encoding or "identity"


def _total(rows: list, label: str) -> tuple[int, int]:
    total_sent, total_raw = sum(r[2] for r in rows), sum(r[3] for r in rows)
    print(
        f"  {'total':<5} {f'{len(rows)} requests, {label}':<46} {total_raw:>9,} {total_sent:>9,}"
        f"  = {total_sent / 1024:.1f} KB transferred, {total_raw / 1024:.1f} KB raw"
    )
    return total_sent, total_raw


def measure(base: str, path: str, title: str) -> dict:
    """Print one page's weight before the map is shown and with it."""
    url = urljoin(base, path)
    sent, raw, body, encoding = fetch(url)
    parser = Resources()
    parser.feed(body.decode("utf-8", "replace"))
    rows = [("html", path, sent, raw, encoding)]
    seen = set()

    def add(kind, href):
        absolute = urljoin(url, href)
        if absolute in seen or urlparse(absolute).netloc != urlparse(base).netloc:
            return
        seen.add(absolute)
        r_sent, r_raw, _, r_encoding = fetch(absolute)
        rows.append((kind, urlparse(absolute).path, r_sent, r_raw, r_encoding))

    for kind, href in parser.found:
        add(kind, href)
    before = len(rows)
    for kind, href in parser.lazy:
        add(kind, href)
    print(f"\n{title}: {path}")
    print(f"  {'type':<5} {'resource (* = once the map is on screen)':<46} {'raw':>9} {'gzip':>9}  encoding")
    for kind, name, r_sent, r_raw, r_encoding in rows:
        print(f"  {kind:<5} {name[:46]:<46} {r_raw:>9,} {r_sent:>9,}  {r_encoding}")
    first = _total(rows[:before], "before the map")
    full = _total(rows, "with the map (tiles excluded)")
    return {"before": first, "with": full, "requests": (before, len(rows)), "place_link": parser.place_link}


def _line(name: str, m: dict) -> str:
    (b_sent, b_raw), (w_sent, w_raw) = m["before"], m["with"]
    return (
        f"{name:<13} {b_sent / 1024:5.1f} KB gzip before the map ({b_raw / 1024:.1f} KB raw, "
        f"{m['requests'][0]} requests), {w_sent / 1024:5.1f} KB with it "
        f"({w_raw / 1024:.1f} KB raw, {m['requests'][1]} requests)"
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(static_root: str) -> tuple[subprocess.Popen, str]:
    python = str(ROOT / ".venv" / "bin" / "python")
    if not Path(python).exists():
        python = sys.executable
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.page_weight_settings",
        "BENCH_STATIC_ROOT": static_root,
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }
    env.pop("DATABASE_URL", None)  # the normal dev database, var/ancrage.sqlite3
    subprocess.run([python, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    server = subprocess.Popen(
        [python, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"The server stopped:\n{server.stderr.read()}")
        try:
            urllib.request.urlopen(base, timeout=2).read()
            return server, base
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("The server did not answer within 60 s")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url-only", metavar="BASE", help="measure an already running server instead")
    args = parser.parse_args(argv)
    server = None
    scratch = tempfile.TemporaryDirectory(prefix="ancrage-static-")
    try:
        if args.url_only:
            base = args.url_only.rstrip("/") + "/"
        else:
            server, base = start_server(scratch.name)
        results = measure(base, RESULTS_PATH, "Results page")
        measured = {"results page": results, "home page": measure(base, "/", "Home page")}
        if results["place_link"]:
            measured["place page"] = measure(base, results["place_link"], "Place page")
        else:
            print("\nNo place link on the results page: is the dev database filled (make run)?")
        print("\nSummary (map tiles excluded)")
        for name, m in measured.items():
            print("  " + _line(name + ":", m))
        targeted = [m for name, m in measured.items() if name != "home page"]
        verdict = "OK" if all(m["before"][0] <= TARGET_KB * 1024 for m in targeted) else "MISSED"
        print(f"  target: results and place pages ≤ {TARGET_KB} KB transferred before the map → {verdict}")
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        scratch.cleanup()


if __name__ == "__main__":
    main()
