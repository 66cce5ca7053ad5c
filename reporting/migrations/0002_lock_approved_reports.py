"""Approved reports are locked in the database too: no INSERT or UPDATE of an approved report's
values, people counts or evidence, and no UPDATE of the report that keeps it approved (reopening
sets it back to returned, which is allowed). The services refuse first, with a message; these
triggers make sure no other path (raw SQL, a bug, a future API) can change the official record.
Deletes are left to PROTECT foreign keys and the services, so that test databases can be
flushed."""

from django.db import migrations

CHILDREN = ("reporting_indicatorvalue", "reporting_peoplereached", "reporting_evidence")
MESSAGE = "this report is approved and locked"


def sqlite_statements():
    statements = []
    for table in CHILDREN:
        statements += [
            f"""CREATE TRIGGER {table}_locked_ins BEFORE INSERT ON {table} FOR EACH ROW
            WHEN (SELECT status FROM reporting_progressreport WHERE id = NEW.report_id) = 'approved'
            BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
            f"""CREATE TRIGGER {table}_locked_upd BEFORE UPDATE ON {table} FOR EACH ROW
            WHEN (SELECT status FROM reporting_progressreport WHERE id = OLD.report_id) = 'approved'
              OR (SELECT status FROM reporting_progressreport WHERE id = NEW.report_id) = 'approved'
            BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
        ]
    statements.append(
        f"""CREATE TRIGGER reporting_progressreport_locked_upd BEFORE UPDATE
        ON reporting_progressreport FOR EACH ROW
        WHEN OLD.status = 'approved' AND NEW.status = 'approved'
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"""
    )
    return statements


def sqlite_reverse():
    names = [f"{t}_locked_{w}" for t in CHILDREN for w in ("ins", "upd")]
    return [f"DROP TRIGGER IF EXISTS {n}" for n in [*names, "reporting_progressreport_locked_upd"]]


POSTGRES = [
    f"""CREATE OR REPLACE FUNCTION wps_report_child_locked() RETURNS trigger AS $$
    BEGIN
      IF (TG_OP = 'UPDATE' AND (SELECT status FROM reporting_progressreport
                                WHERE id = OLD.report_id) = 'approved')
         OR (SELECT status FROM reporting_progressreport WHERE id = NEW.report_id) = 'approved'
      THEN
        RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    *[
        f"""CREATE TRIGGER {table}_locked BEFORE INSERT OR UPDATE ON {table}
        FOR EACH ROW EXECUTE FUNCTION wps_report_child_locked()"""
        for table in CHILDREN
    ],
    f"""CREATE OR REPLACE FUNCTION wps_report_locked() RETURNS trigger AS $$
    BEGIN
      IF OLD.status = 'approved' AND NEW.status = 'approved' THEN
        RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER reporting_progressreport_locked BEFORE UPDATE ON reporting_progressreport
    FOR EACH ROW EXECUTE FUNCTION wps_report_locked()""",
]
POSTGRES_REVERSE = [
    *[f"DROP TRIGGER IF EXISTS {t}_locked ON {t}" for t in CHILDREN],
    "DROP TRIGGER IF EXISTS reporting_progressreport_locked ON reporting_progressreport",
    "DROP FUNCTION IF EXISTS wps_report_child_locked()",
    "DROP FUNCTION IF EXISTS wps_report_locked()",
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
    dependencies = [("reporting", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": sqlite_statements(), "postgresql": POSTGRES}),
            _run({"sqlite": sqlite_reverse(), "postgresql": POSTGRES_REVERSE}),
        ),
    ]
