"""Approved data cannot be deleted either: no DELETE of an approved report, or of the values,
people counts or evidence of one. Reopening (status back to returned) is the way to correct.

`flush` (which empties a database: test teardown, never production data) first sets approved
reports back to returned in core's own flush command, so test databases can still be emptied;
PostgreSQL's TRUNCATE fires no row triggers anyway."""

from django.db import migrations

CHILDREN = ("reporting_indicatorvalue", "reporting_peoplereached", "reporting_evidence")
MESSAGE = "this report is approved and locked"


def sqlite_statements():
    statements = [
        f"""CREATE TRIGGER {table}_locked_del BEFORE DELETE ON {table} FOR EACH ROW
        WHEN (SELECT status FROM reporting_progressreport WHERE id = OLD.report_id) = 'approved'
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"""
        for table in CHILDREN
    ]
    statements.append(
        f"""CREATE TRIGGER reporting_progressreport_locked_del BEFORE DELETE
        ON reporting_progressreport FOR EACH ROW WHEN OLD.status = 'approved'
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"""
    )
    return statements


def sqlite_reverse():
    names = [f"{t}_locked_del" for t in CHILDREN]
    return [f"DROP TRIGGER IF EXISTS {n}" for n in [*names, "reporting_progressreport_locked_del"]]


POSTGRES = [
    f"""CREATE OR REPLACE FUNCTION wps_report_child_locked_del() RETURNS trigger AS $$
    BEGIN
      IF (SELECT status FROM reporting_progressreport WHERE id = OLD.report_id) = 'approved' THEN
        RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'check_violation';
      END IF;
      RETURN OLD;
    END $$ LANGUAGE plpgsql""",
    *[
        f"""CREATE TRIGGER {table}_locked_del BEFORE DELETE ON {table}
        FOR EACH ROW EXECUTE FUNCTION wps_report_child_locked_del()"""
        for table in CHILDREN
    ],
    f"""CREATE OR REPLACE FUNCTION wps_report_locked_del() RETURNS trigger AS $$
    BEGIN
      IF OLD.status = 'approved' THEN
        RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'check_violation';
      END IF;
      RETURN OLD;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER reporting_progressreport_locked_del BEFORE DELETE
    ON reporting_progressreport FOR EACH ROW EXECUTE FUNCTION wps_report_locked_del()""",
]
POSTGRES_REVERSE = [
    *[f"DROP TRIGGER IF EXISTS {t}_locked_del ON {t}" for t in CHILDREN],
    "DROP TRIGGER IF EXISTS reporting_progressreport_locked_del ON reporting_progressreport",
    "DROP FUNCTION IF EXISTS wps_report_child_locked_del()",
    "DROP FUNCTION IF EXISTS wps_report_locked_del()",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        if vendor not in statements_by_vendor:
            raise RuntimeError(f"No trigger for {vendor}; add it to this migration.")
        with schema_editor.connection.cursor() as cursor:
            for sql in statements_by_vendor[vendor]:
                cursor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("reporting", "0003_text_limits")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": sqlite_statements(), "postgresql": POSTGRES}),
            _run({"sqlite": sqlite_reverse(), "postgresql": POSTGRES_REVERSE}),
        ),
    ]
