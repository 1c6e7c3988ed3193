"""Inserting many rows at once, fast: `COPY` on PostgreSQL, one prepared `INSERT` run for every row on SQLite.

`insert(model, rows)` takes plain dicts keyed by attribute name (`place_id`, not `place`), without building
model instances: a missing value gets the field's default, `auto_now` and `auto_now_add` fields get the
current time, like `bulk_create`. Each row's primary key is reserved first (from the table's sequence on
PostgreSQL; on SQLite, after the highest id ever given, under the write lock the transaction holds), so
the caller knows the ids without `RETURNING`. No signal is sent, as with `bulk_create`.

Why not `bulk_create`: on PostgreSQL it binds every column as an array literal quoted in Python (`UNNEST`),
and builds a model instance per row; for hundreds of thousands of rows that is most of an import's time.
"""

import json
from collections.abc import Callable, Iterable

from django.db import connections, models, router, transaction
from django.utils import timezone

# Field classes whose value goes to the database as it is (a str, a number, a bool, None).
_PLAIN = (
    models.CharField,
    models.TextField,
    models.IntegerField,
    models.FloatField,
    models.BooleanField,
)


def _converter(field, connection) -> Callable | None:
    """How a Python value of `field` becomes its database value; None: as it is."""
    if field.is_relation:
        return None  # the raw id of the related row
    if isinstance(field, models.JSONField):
        return lambda value: None if value is None else json.dumps(value, cls=field.encoder)
    if type(field).get_db_prep_save is models.Field.get_db_prep_save and type(field).get_prep_value in {
        cls.get_prep_value for cls in _PLAIN
    }:
        return None
    return lambda value: field.get_db_prep_save(value, connection)


def reserve_ids(model, count: int, *, using: str | None = None) -> list[int]:
    """`count` new primary keys for `model`, never given before. Call it inside a transaction (SQLite)."""
    if count <= 0:
        return []
    connection = connections[using or router.db_for_write(model)]
    table, column = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [connection.ops.quote_name(table), column, count],
            )
            return [row[0] for row in cursor.fetchall()]
        if not connection.in_atomic_block:
            raise RuntimeError("reserve_ids: inside a transaction only (the write lock keeps the ids ours)")
        quoted = connection.ops.quote_name(table)
        cursor.execute(f"SELECT max({connection.ops.quote_name(column)}) FROM {quoted}")  # noqa: S608
        highest = cursor.fetchone()[0] or 0
        # AUTOINCREMENT tables never give an id twice, even after the row with the highest id was deleted.
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_sequence'")
        if cursor.fetchone():
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
            row = cursor.fetchone()
            highest = max(highest, row[0] if row else 0)
    return list(range(highest + 1, highest + 1 + count))


def insert(model, rows: Iterable[dict], *, using: str | None = None) -> list[int]:
    """Insert `rows` (dicts of attribute names → Python values) into `model`'s table; returns their ids,
    in order. A row that gives its own primary key keeps it."""
    rows = list(rows)
    if not rows:
        return []
    using = using or router.db_for_write(model)
    connection = connections[using]
    meta = model._meta
    fields = list(meta.concrete_fields)
    names = {f.attname for f in fields}
    for row in rows:
        if not row.keys() <= names:
            raise TypeError(f"{model.__name__}: unknown fields {sorted(row.keys() - names)}")
    now = timezone.now()
    with transaction.atomic(using=using, savepoint=False):
        pk_name = meta.pk.attname
        ids = iter(reserve_ids(model, sum(1 for row in rows if row.get(pk_name) is None), using=using))
        pks = [row.get(pk_name) or next(ids) for row in rows]
        columns = []
        for f in fields:  # column by column: one comprehension per field
            convert = _converter(f, connection)
            if f.primary_key:
                column = pks
            elif getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                column = [now] * len(rows)
            else:
                default = f.get_default()  # "" for a text field without one, like a model instance
                column = [row.get(f.attname, default) for row in rows]
            columns.append(column if convert is None else list(map(convert, column)))
        _write(connection, meta.db_table, [f.column for f in fields], list(zip(*columns, strict=True)))
    return pks


def _write(connection, table: str, columns: list[str], values: list[list]) -> None:
    quote = connection.ops.quote_name
    column_list = ", ".join(quote(c) for c in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {quote(table)} ({column_list}) FROM STDIN") as copy:
                for line in values:
                    copy.write_row(line)
        else:
            placeholders = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {quote(table)} ({column_list}) VALUES ({placeholders})", values)  # noqa: S608
