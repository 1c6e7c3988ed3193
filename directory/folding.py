"""Accent- and case-insensitive matching in SQL, the same on SQLite and PostgreSQL.

`territory.text.fold` folds a typed query in Python; `Folded(field)` folds a column in the
database (no `unaccent` extension needed). The query is matched word by word, so punctuation in
the column does not matter.
"""

from functools import reduce

from django.db.models import Func, Q, TextField

from territory.text import fold

_ACCENTED = "àâäáãåçéèêëîïíìñôöóòõùûüúÿý"
_PLAIN = "aaaaaaceeeeiiiinooooouuuuyy"


class Folded(Func):
    """The column lower-cased and without accents ("École Pégomas" → "ecole pegomas").

    PostgreSQL: `translate(lower(x))` (its `lower()` knows accented capitals). SQLite: its `lower()`
    only knows ASCII, so `territory.text.fold` itself, registered on the connection.
    """

    function = "ANCRAGE_FOLD"
    output_field = TextField()

    def as_sqlite(self, compiler, connection, **extra_context):
        connection.ensure_connection()
        connection.connection.create_function(self.function, 1, _fold_or_none, deterministic=True)
        return super().as_sql(compiler, connection, **extra_context)

    def as_postgresql(self, compiler, connection, **extra_context):
        translated = f"TRANSLATE(LOWER(%(expressions)s), '{_ACCENTED}', '{_PLAIN}')"
        template = f"REPLACE(REPLACE({translated}, 'œ', 'oe'), 'æ', 'ae')"
        return super().as_sql(compiler, connection, template=template, **extra_context)


def _fold_or_none(value):
    return None if value is None else fold(str(value))


def folded_search(fields: list[str], query: str) -> tuple[dict, Q]:
    """The aliases and the condition matching `query` word by word in any of `fields`, folded.

    Every word must appear in one of the fields ("ecole pegomas" finds "École de Pégomas").
    Returns ({alias: expression}, Q) to use as `queryset.alias(**aliases).filter(q)`.
    """
    aliases = {f"_folded_{i}": Folded(field) for i, field in enumerate(fields)}
    condition = Q()
    for word in fold(query).split():
        condition &= reduce(lambda q, alias: q | Q(**{f"{alias}__contains": word}), aliases, Q())
    return aliases, condition
