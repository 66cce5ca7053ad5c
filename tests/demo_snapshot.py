"""The demo plan (manage.py seed_demo) made once per test process and put back for each test.

seed_demo takes seconds (it imports the plan workbook, writes the reports, refreshes the
figures). Tests that only need the demo data get it from a snapshot instead: the demo is seeded
once, in a transaction that is rolled back, after its rows were read; `restore` then empties
every table of the models and writes those rows back, as they were (ids, timestamps, password
hashes and history included), in a few statements. Each test still starts from the whole demo
as seed_demo leaves it, and what a test changes goes as before: with the test's transaction
(`db`), or with the flush after a test that commits (`transactional_db`, live_server).

Tests of seed_demo itself (tests/policy/test_seeds.py and a few others) still run the command."""

import io
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import translation

from core.management.commands.flush import UNLOCK


@dataclass
class Table:
    name: str
    columns: list[str]
    rows: list[tuple] = field(default_factory=list)  # SQLite: the rows
    copy: bytes = b""  # PostgreSQL: the rows in COPY's text format
    sequence: str | None = None  # PostgreSQL: the sequence of its id, if it has one
    top: int = 0  # PostgreSQL: the highest id


@dataclass
class Snapshot:
    tables: list[Table] = field(default_factory=list)  # children before their parents


def _models_children_first():
    """The models with a table of their own, each before the models it refers to: the lock
    triggers (reporting/migrations) refuse a value of an approved report, and the cross-table
    ones (indicators/migrations) a target whose period or indicator disagree, but let a row in
    whose parent is not there yet. Foreign keys are checked at the commit (deferred)."""
    models = [
        m
        for m in apps.get_models(include_auto_created=True)
        if m._meta.managed and not m._meta.proxy and not m._meta.swapped
    ]
    parents = {
        m: {
            f.related_model._meta.concrete_model
            for f in m._meta.concrete_fields
            if f.is_relation and f.related_model is not None
        }
        - {m}
        for m in models
    }
    ordered, seen = [], set()

    def visit(model, path=()):
        if model in seen or model in path:
            return
        for parent in parents.get(model, ()):
            visit(parent, (*path, model))
        seen.add(model)
        ordered.append(model)

    for model in models:
        visit(model)
    return list(reversed(ordered))  # parents were placed first


def seed_and_take():
    """seed_demo in a transaction that is rolled back, and the rows it left in every table."""
    with translation.override("en"), transaction.atomic():
        call_command("seed_demo", "--force", stdout=io.StringIO())
        snapshot = take()
        transaction.set_rollback(True)
    ContentType.objects.clear_cache()
    return snapshot


def take():
    snapshot = Snapshot()
    existing = set(connection.introspection.table_names())
    postgresql = connection.vendor == "postgresql"
    quote = connection.ops.quote_name
    done = set()
    with connection.cursor() as cursor:
        for model in _models_children_first():
            table = model._meta.db_table
            if table in done or table not in existing:
                continue
            done.add(table)
            entry = Table(table, [f.column for f in model._meta.concrete_fields])
            select = "SELECT %s FROM %s" % (", ".join(map(quote, entry.columns)), quote(table))
            if postgresql:
                # COPY's own text format: every value comes back exactly as it was.
                out = io.BytesIO()
                cursor.copy_expert(f"COPY ({select}) TO STDOUT", out)
                entry.copy = out.getvalue()
                pk = model._meta.pk
                if pk.get_internal_type() in ("AutoField", "BigAutoField", "SmallAutoField"):
                    cursor.execute(
                        f"SELECT pg_get_serial_sequence(%s, %s), MAX({quote(pk.column)}) "
                        f"FROM {quote(table)}",
                        [table, pk.column],
                    )
                    entry.sequence, top = cursor.fetchone()
                    entry.top = top or 0
            else:
                cursor.execute(select)
                entry.rows = [tuple(row) for row in cursor.fetchall()]
            snapshot.tables.append(entry)
    return snapshot


def restore(snapshot):
    """Every table of the snapshot holds its rows and nothing else; in one transaction."""
    quote = connection.ops.quote_name
    # Emptied as the project's flush does (core/management/commands/flush.py): approved reports
    # set back to returned first, else the lock triggers refuse to delete them. DELETE rather
    # than TRUNCATE: the tables hold few rows, if any (a TRUNCATE makes new files for each).
    empty = [UNLOCK, *(f"DELETE FROM {quote(t.name)}" for t in snapshot.tables)]
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(";\n".join(empty))
            for table in snapshot.tables:
                if table.copy:
                    columns = ", ".join(map(quote, table.columns))
                    cursor.copy_expert(
                        f"COPY {quote(table.name)} ({columns}) FROM STDIN", io.BytesIO(table.copy)
                    )
            # Sequences are not rolled back with the test: none is set below an id it gave.
            raised = [t for t in snapshot.tables if t.sequence and t.top]
            if raised:
                cursor.execute(
                    "SELECT "
                    + ", ".join(
                        f"setval(%s, GREATEST(%s, (SELECT last_value FROM {t.sequence})))"
                        for t in raised
                    ),
                    [value for t in raised for value in (t.sequence, t.top)],
                )
        else:
            # SQLite counts AUTOINCREMENT ids itself as rows come in.
            for statement in empty:
                cursor.execute(statement)
            for table in snapshot.tables:
                if table.rows:
                    cursor.executemany(
                        "INSERT INTO %s (%s) VALUES (%s)"
                        % (
                            quote(table.name),
                            ", ".join(map(quote, table.columns)),
                            ", ".join(["%s"] * len(table.columns)),
                        ),
                        table.rows,
                    )
    ContentType.objects.clear_cache()  # the ids are those of the snapshot's content types
