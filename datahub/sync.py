"""Pulling the configured feeds (`Feed`: name, format, URL) and importing what they publish.

A dry run by default: each feed is downloaded and checked, and its report recorded, without
writing anything; `wet_run=True` imports. A wet run that would flag more than
`ANCRAGE_SYNC_MAX_ABSENT_PERCENT` % of the feed's records as absent from the source (a truncated
download, a changed export) applies nothing and says why, unless `confirm_absent=True`.
`file://` URLs read the server's own files: refused unless `ANCRAGE_ALLOW_FILE_FEEDS` (tests, mirrors).
"""

import tempfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from django.conf import settings
from django.utils.translation import gettext

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


def sync_feed(feed: Feed, *, wet_run: bool = False, confirm_absent: bool = False) -> SyncResult:
    scheme = urlparse(feed.url).scheme
    if scheme == "file" and not settings.ANCRAGE_ALLOW_FILE_FEEDS:
        return SyncResult(
            feed, None, gettext("Adresse refusée : %(url)s (les fichiers locaux file:// ne sont pas autorisés ; "
            "utilisez une adresse http ou https, ou ANCRAGE_ALLOW_FILE_FEEDS=true pour un miroir local)")
            % {"url": feed.url},
        )  # fmt: skip
    if scheme not in ("http", "https", "file"):
        return SyncResult(
            feed, None, gettext("Adresse non prise en charge : %(url)s (http ou https)") % {"url": feed.url}
        )
    if feed.source_format not in IMPORTERS:
        return SyncResult(feed, None, gettext("Format inconnu : %(format)s") % {"format": feed.source_format})
    try:
        content = fetch(feed.url)
    except OSError as exc:
        return SyncResult(feed, None, gettext("Téléchargement impossible : %(error)s") % {"error": exc})
    suffix = Path(urlparse(feed.url).path).suffix or ".json"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{feed.name}{suffix}"
        path.write_bytes(content)
        limit = None if confirm_absent else settings.ANCRAGE_SYNC_MAX_ABSENT_PERCENT
        run = run_import(
            path, feed.source_format, feed=feed.name, dry_run=not wet_run, file_name=feed.url[-300:],
            max_absent_percent=limit,
        )  # fmt: skip
    if wet_run:
        feed.last_run = run
        feed.save(update_fields=["last_run"])
    return SyncResult(feed, run, run.error.splitlines()[0] if run.error else "")


def sync_all(*, wet_run: bool = False, names: list[str] | None = None, confirm_absent: bool = False):
    feeds = Feed.objects.filter(active=True)
    if names:
        feeds = feeds.filter(name__in=names)
    return [sync_feed(feed, wet_run=wet_run, confirm_absent=confirm_absent) for feed in feeds]
