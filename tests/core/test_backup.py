"""A backup restores into a fresh database with the same places, services, imports and history."""

import os
import sqlite3

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

from tests.datahub.conftest import LIEUX_V1_CSV

pytestmark = pytest.mark.django_db(transaction=True)

TABLES = ["directory_place", "directory_service", "datahub_importrun", "datahub_sourcerecord", "datahub_fieldchange"]


def _counts(cursor) -> dict[str, int]:
    counts = {}
    for table in TABLES:
        cursor.execute(f"SELECT COUNT(*) FROM {table}")
        counts[table] = cursor.fetchone()[0]
    return counts


def test_backup_then_restore_into_a_fresh_database(tmp_path):
    call_command("import_data", str(LIEUX_V1_CSV), source_format="lieux", quiet=True, stdout=open(os.devnull, "w"))  # noqa: SIM115
    with connection.cursor() as cursor:
        before = _counts(cursor)
    assert before["directory_place"] > 0 and before["datahub_importrun"] == 1
    dump = tmp_path / "sauvegarde"
    call_command("backup", str(dump), stdout=open(os.devnull, "w"))  # noqa: SIM115
    if connection.vendor == "sqlite":
        fresh = tmp_path / "neuve.sqlite3"
        call_command("restore", str(dump), f"sqlite:///{fresh}", stdout=open(os.devnull, "w"))  # noqa: SIM115
        with sqlite3.connect(fresh) as restored:
            after = _counts(restored.cursor())
    else:
        params = connection.settings_dict
        base = f"postgres://{params['USER']}@{params['HOST'] or '127.0.0.1'}:{params['PORT'] or 5432}"
        name = f"ancrage_restore_{os.getpid()}"
        with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name}")
            admin.execute(f"CREATE DATABASE {name}")
        try:
            call_command("restore", str(dump), f"{base}/{name}", stdout=open(os.devnull, "w"))  # noqa: SIM115
            with psycopg.connect(f"{base}/{name}") as restored:
                after = _counts(restored.cursor())
        finally:
            with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {name}")
    assert after == before


def test_restore_refuses_to_overwrite_a_database(tmp_path):
    from django.core.management import CommandError

    existing = tmp_path / "existante.sqlite3"
    existing.write_bytes(b"x")
    with pytest.raises(CommandError, match="existe déjà"):
        call_command("restore", str(existing), f"sqlite:///{existing}")
