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


@pytest.fixture(autouse=True)
def _local_files_allowed(settings):
    settings.ANCRAGE_ALLOW_FILE_FEEDS = True


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


def test_file_urls_are_refused_unless_allowed(settings, capsys):
    settings.ANCRAGE_ALLOW_FILE_FEEDS = False
    Feed.objects.create(name="local", source_format="lieux", url=LIEUX_V1_CSV.as_uri())
    Feed.objects.create(name="passwd", source_format="lieux", url="file:///etc/passwd")
    with pytest.raises(CommandError, match="2 flux en échec"):
        call_command("sync_sources", "--wet-run")
    assert "file:// ne sont pas autorisés" in capsys.readouterr().err
    assert not ImportRun.objects.exists() and not Place.objects.exists()


def _shortened(tmp_path, keep: int):
    lines = LIEUX_V1_CSV.read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path / "lieux-v1.csv"
    path.write_text("".join(lines[: keep + 1]), encoding="utf-8")
    return path


def test_a_feed_that_would_flag_many_records_absent_asks_for_confirmation(tmp_path, capsys):
    feed = Feed.objects.create(name="lieux-v1", source_format="lieux", url=LIEUX_V1_CSV.as_uri())
    call_command("sync_sources", "--wet-run")
    capsys.readouterr()
    feed.url = _shortened(tmp_path, keep=3).as_uri()  # a truncated download: 5 of 8 records missing
    feed.save()
    call_command("sync_sources")
    assert (
        "25 enregistrements seraient signalés absents de la source" in capsys.readouterr().out
    )  # 5 places, 20 services (one per kind of support)
    with pytest.raises(CommandError, match="1 flux en échec"):
        call_command("sync_sources", "--wet-run")
    err = capsys.readouterr().err
    assert "25 enregistrements sur 40 (62 %) seraient signalés absents de la source, plus que le seuil de 30 %" in err
    assert "--confirm-absent" in err
    from datahub.models import SourceRecord

    assert not SourceRecord.objects.filter(absent_since__isnull=False).exists()  # nothing applied
    refused = ImportRun.objects.filter(dry_run=False).latest("pk")
    assert refused.status == ImportRun.Status.FAILED and refused.absent == 25
    call_command("sync_sources", "--wet-run", "--confirm-absent")
    assert "rejetées, 25 enregistrements signalés absents de la source" in capsys.readouterr().out
    assert SourceRecord.objects.filter(absent_since__isnull=False, kind="lieu").count() == 5


def test_a_few_absent_records_apply_without_confirmation(tmp_path, capsys, settings):
    settings.ANCRAGE_SYNC_MAX_ABSENT_PERCENT = 20
    feed = Feed.objects.create(name="lieux-v1", source_format="lieux", url=LIEUX_V1_CSV.as_uri())
    call_command("sync_sources", "--wet-run")
    feed.url = _shortened(tmp_path, keep=7).as_uri()
    feed.save()
    call_command("sync_sources", "--wet-run")
    assert "5 enregistrements signalés absents de la source" in capsys.readouterr().out  # one place and its services
