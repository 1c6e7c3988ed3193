"""sync_sources pulls configured feeds; dry run by default; nothing is fetched from the network."""

import functools
import http.server
import threading

import pytest
from django.core.management import CommandError, call_command

from datahub.models import Feed, ImportRun
from directory.models import Place
from tests.datahub.conftest import FIXTURES, LIEUX_V1_CSV

pytestmark = pytest.mark.django_db


def test_dry_run_by_default_then_wet_run(capsys):
    feed = Feed.objects.create(name="lieux-v1", source_format="lieux", url=LIEUX_V1_CSV.as_uri())
    call_command("sync_sources")
    assert "[essai à blanc] lieux-v1 : 8 lignes, 8 créées" in capsys.readouterr().out
    assert Place.objects.count() == 0
    assert ImportRun.objects.get().dry_run is True
    call_command("sync_sources", "--wet-run")
    assert Place.objects.count() == 8
    feed.refresh_from_db()
    assert feed.last_run.feed == "lieux-v1" and not feed.last_run.dry_run
    call_command("sync_sources", "--wet-run")
    assert "8 inchangées" in capsys.readouterr().out


def test_http_feed_from_a_local_server():
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(FIXTURES))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        Feed.objects.create(
            name="dora-structures", source_format="di-structures",
            url=f"http://127.0.0.1:{port}/di-structures-v1.json",
        )  # fmt: skip
        call_command("sync_sources", "--wet-run", "--feed", "dora-structures")
    finally:
        server.shutdown()
        server.server_close()
    assert Place.objects.filter(source="dora").count() == 12


def test_unreachable_feed_is_reported(capsys):
    Feed.objects.create(name="absent", source_format="lieux", url=(FIXTURES / "absent.json").as_uri())
    Feed.objects.create(name="ftp", source_format="lieux", url="ftp://example.org/lieux.json")
    with pytest.raises(CommandError, match="2 flux en échec"):
        call_command("sync_sources")
    err = capsys.readouterr().err
    assert "absent : échec — Téléchargement impossible" in err
    assert "ftp : échec — Adresse non prise en charge" in err
