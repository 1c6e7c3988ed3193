"""Pulling the configured feeds (`Feed`: name, format, URL) and importing what they publish.

A dry run by default: each feed is downloaded and checked, and its report recorded, without
writing anything; `wet_run=True` imports. `file://` URLs read local files (tests, mirrors).
"""

import tempfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from datahub.models import Feed, ImportRun
from datahub.runs import IMPORTERS, run_import

TIMEOUT_S = 120
USER_AGENT = "Ancrage (synchronisation des sources de l'inclusion numérique)"


@dataclass
class SyncResult:
    feed: Feed
    run: ImportRun | None
    error: str = ""


def fetch(url: str) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})  # noqa: S310
    # Only http, https and file URLs reach this point (checked by sync_feed).
    with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:  # noqa: S310
        return response.read()


def sync_feed(feed: Feed, *, wet_run: bool = False) -> SyncResult:
    scheme = urlparse(feed.url).scheme
    if scheme not in ("http", "https", "file"):
        return SyncResult(feed, None, f"Adresse non prise en charge : {feed.url} (http, https ou file)")
    if feed.source_format not in IMPORTERS:
        return SyncResult(feed, None, f"Format inconnu : {feed.source_format}")
    try:
        content = fetch(feed.url)
    except OSError as exc:
        return SyncResult(feed, None, f"Téléchargement impossible : {exc}")
    suffix = Path(urlparse(feed.url).path).suffix or ".json"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{feed.name}{suffix}"
        path.write_bytes(content)
        run = run_import(path, feed.source_format, feed=feed.name, dry_run=not wet_run, file_name=feed.url[-300:])
    if wet_run:
        feed.last_run = run
        feed.save(update_fields=["last_run"])
    return SyncResult(feed, run, run.error.splitlines()[0] if run.error else "")


def sync_all(*, wet_run: bool = False, names: list[str] | None = None) -> list[SyncResult]:
    feeds = Feed.objects.filter(active=True)
    if names:
        feeds = feeds.filter(name__in=names)
    return [sync_feed(feed, wet_run=wet_run) for feed in feeds]
