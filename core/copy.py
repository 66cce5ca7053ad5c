"""Many rows into PostgreSQL with COPY, for the bulk writes that must keep up with a national
workbook (50,000 values and their history in seconds): Django's bulk_create spends most of its
time building SQL in Python (measured: 5 s of 9 s for 100,000 rows), COPY none.

Rows are plain tuples, already checked by the caller (the services): nothing here validates.
Ids are taken from the table's sequence first (`next_ids`), so the history records can name
the rows they record. On other databases (SQLite in the quick start) callers use the ORM's
bulk_create instead: `available()` says which.
"""

import datetime
import io
from decimal import Decimal

from django.db import connection


def available() -> bool:
    return connection.vendor == "postgresql"


def next_ids(model, count: int) -> list[int]:
    """`count` ids from the sequence of `model`'s table, in order."""
    if count == 0:
        return []
    table = model._meta.db_table
    column = model._meta.pk.column
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [table, column, count],
        )
        return [row[0] for row in cursor.fetchall()]


def _text(value) -> str:
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, int | Decimal | float):
        return str(value)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace("\t", "\\t")
        .replace("\n", "\\n")
        .replace("\r", "\\r")
    )


def copy_rows(table: str, columns: list[str], rows) -> int:
    """COPY `rows` (tuples in the order of `columns`) into `table`; returns how many."""
    buffer = io.StringIO()
    count = 0
    for row in rows:
        buffer.write("\t".join(_text(v) for v in row))
        buffer.write("\n")
        count += 1
    if not count:
        return 0
    buffer.seek(0)
    quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
    with connection.cursor() as cursor:
        cursor.cursor.copy_expert(
            f"COPY {connection.ops.quote_name(table)} ({quoted}) FROM STDIN", buffer
        )
    return count


def update_rows(table: str, key: str, columns: list[tuple[str, str]], rows) -> int:
    """UPDATE `table` from `rows` (key, then the columns' values): `columns` are (name, SQL
    type) pairs. Through a temporary table filled by COPY, then one UPDATE ... FROM."""
    rows = list(rows)
    if not rows:
        return 0
    q = connection.ops.quote_name
    temp = f"_update_{table}"[:60]
    with connection.cursor() as cursor:
        definition = ", ".join(f"{q(n)} {t}" for n, t in [(key, "bigint"), *columns])
        cursor.execute(f"CREATE TEMPORARY TABLE {q(temp)} ({definition}) ON COMMIT DROP")
    copy_rows(temp, [key, *(n for n, _t in columns)], rows)
    assignments = ", ".join(f"{q(n)} = s.{q(n)}" for n, _t in columns)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {q(table)} AS t SET {assignments} FROM {q(temp)} AS s "
            f"WHERE t.{q(key)} = s.{q(key)}"
        )
        cursor.execute(f"DROP TABLE {q(temp)}")
    return len(rows)
