"""Database routing: job progress goes through its own connection (the "progress" database alias).

A job's own work may be one long transaction (an import); what it reports about its progress must be read by other
processes meanwhile, so it is written through a second connection, in autocommit. On PostgreSQL that connection
reaches the same database; on SQLite it reaches a file of its own (a transaction locks its whole file for writing),
which holds only the progress table.
"""

from django.conf import settings

PROGRESS_DB = "progress"
_PROGRESS_MODEL = "core.jobprogress"


def separate_progress_database() -> bool:
    """SQLite: the progress table has a file of its own (settings.DATABASES). Decided by the engine, not by comparing
    names: tests rename each database in turn while they create them."""
    return settings.DATABASES[PROGRESS_DB]["ENGINE"].endswith("sqlite3")


class ProgressRouter:
    def _is_progress(self, model) -> bool:
        # The database cache routes a stand-in "model" whose options have no label.
        return getattr(model._meta, "label_lower", None) == _PROGRESS_MODEL

    def db_for_read(self, model, **hints):
        return PROGRESS_DB if self._is_progress(model) else None

    def db_for_write(self, model, **hints):
        return PROGRESS_DB if self._is_progress(model) else None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        if not separate_progress_database():
            return None  # one database: every table is migrated as usual, whichever alias names it
        if f"{app_label}.{model_name}" == _PROGRESS_MODEL:
            return db == PROGRESS_DB
        return db != PROGRESS_DB
