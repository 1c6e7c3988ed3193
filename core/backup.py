"""Backup and restore of the whole database, SQLite or PostgreSQL.

SQLite: SQLite's online backup API (a consistent copy while the site runs). PostgreSQL: `pg_dump` in its custom
format, restored with `pg_restore` (the PostgreSQL client tools must be installed where the command runs).
"""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

from django.db import connections


class BackupError(Exception):
    pass


def _is_sqlite(settings_dict) -> bool:
    return settings_dict["ENGINE"].endswith("sqlite3")


def _pg_env_args(settings_dict) -> tuple[dict, list[str]]:
    env = {**os.environ}
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = settings_dict["PASSWORD"]
    args = []
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            args += [flag, str(settings_dict[key])]
    return env, args


def _run(command: list[str], env: dict) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"« {command[0]} » est introuvable : installez les outils clients de PostgreSQL.")
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode:
        raise BackupError(f"{command[0]} a échoué : {done.stderr.strip()[:500]}")


def backup(target: Path, alias: str = "default") -> Path:
    """Write a copy of the database `alias` to `target`."""
    settings_dict = connections[alias].settings_dict
    target.parent.mkdir(parents=True, exist_ok=True)
    if _is_sqlite(settings_dict):
        with sqlite3.connect(settings_dict["NAME"]) as source, sqlite3.connect(target) as copy:
            source.backup(copy)
        return target
    env, args = _pg_env_args(settings_dict)
    _run(
        [
            "pg_dump",
            *args,
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            "--file",
            str(target),
            settings_dict["NAME"],
        ],
        env,
    )
    return target


def restore(source: Path, database_url: str) -> None:
    """Restore a backup into an empty database: a SQLite file path or a `postgres://` URL."""
    if not source.exists():
        raise BackupError(f"Sauvegarde introuvable : {source}")
    parts = urlsplit(database_url)
    if parts.scheme in ("", "sqlite"):
        path = "/" + parts.path.lstrip("/") if parts.scheme else database_url
        if Path(path).exists() and Path(path).stat().st_size:
            raise BackupError(f"{path} existe déjà : restaurez dans un fichier neuf, puis remplacez l’ancien.")
        with sqlite3.connect(source) as backup_db, sqlite3.connect(path) as fresh:
            backup_db.backup(fresh)
        return
    if parts.scheme not in ("postgres", "postgresql"):
        raise BackupError(f"Adresse de base non prise en charge : {parts.scheme}://")
    _run(
        ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--dbname", database_url, str(source)],
        dict(os.environ),
    )
