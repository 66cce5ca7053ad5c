"""Rules that span tables, so no CHECK constraint can hold them, kept by database triggers.

- a target's period belongs to the same policy as its indicator;
- a reporting period lies within its policy's years (and a policy's years keep covering them).

Model clean() methods say the same in words a person can read; these triggers make sure that
no path that skips clean() (raw SQL, bulk writes, a bug) can store a row that breaks them.
"""

from django.db import migrations

SQLITE = [
    """CREATE TRIGGER target_period_policy_ins BEFORE INSERT ON indicators_target
    FOR EACH ROW WHEN
      (SELECT policy_id FROM indicators_reportingperiod WHERE id = NEW.period_id)
      IS NOT (SELECT policy_id FROM indicators_indicator WHERE id = NEW.indicator_id)
    BEGIN SELECT RAISE(ABORT, 'target period belongs to another policy than its indicator'); END""",
    """CREATE TRIGGER target_period_policy_upd BEFORE UPDATE OF period_id, indicator_id
    ON indicators_target FOR EACH ROW WHEN
      (SELECT policy_id FROM indicators_reportingperiod WHERE id = NEW.period_id)
      IS NOT (SELECT policy_id FROM indicators_indicator WHERE id = NEW.indicator_id)
    BEGIN SELECT RAISE(ABORT, 'target period belongs to another policy than its indicator'); END""",
    """CREATE TRIGGER indicator_policy_keeps_targets BEFORE UPDATE OF policy_id
    ON indicators_indicator FOR EACH ROW WHEN EXISTS (
      SELECT 1 FROM indicators_target t JOIN indicators_reportingperiod r ON r.id = t.period_id
      WHERE t.indicator_id = NEW.id AND r.policy_id <> NEW.policy_id)
    BEGIN SELECT RAISE(ABORT, 'indicator has targets in periods of its former policy'); END""",
    """CREATE TRIGGER period_within_policy_ins BEFORE INSERT ON indicators_reportingperiod
    FOR EACH ROW WHEN EXISTS (
      SELECT 1 FROM policy_policy p WHERE p.id = NEW.policy_id
      AND (NEW.start_date < printf('%04d-01-01', p.start_year)
           OR NEW.end_date > printf('%04d-12-31', p.end_year)))
    BEGIN SELECT RAISE(ABORT, 'reporting period lies outside its policy years'); END""",
    """CREATE TRIGGER period_within_policy_upd BEFORE UPDATE OF start_date, end_date, policy_id
    ON indicators_reportingperiod FOR EACH ROW WHEN EXISTS (
      SELECT 1 FROM policy_policy p WHERE p.id = NEW.policy_id
      AND (NEW.start_date < printf('%04d-01-01', p.start_year)
           OR NEW.end_date > printf('%04d-12-31', p.end_year)))
    BEGIN SELECT RAISE(ABORT, 'reporting period lies outside its policy years'); END""",
    """CREATE TRIGGER policy_years_cover_periods BEFORE UPDATE OF start_year, end_year
    ON policy_policy FOR EACH ROW WHEN EXISTS (
      SELECT 1 FROM indicators_reportingperiod r WHERE r.policy_id = NEW.id
      AND (r.start_date < printf('%04d-01-01', NEW.start_year)
           OR r.end_date > printf('%04d-12-31', NEW.end_year)))
    BEGIN SELECT RAISE(ABORT, 'policy years no longer cover its reporting periods'); END""",
]

SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS target_period_policy_ins",
    "DROP TRIGGER IF EXISTS target_period_policy_upd",
    "DROP TRIGGER IF EXISTS indicator_policy_keeps_targets",
    "DROP TRIGGER IF EXISTS period_within_policy_ins",
    "DROP TRIGGER IF EXISTS period_within_policy_upd",
    "DROP TRIGGER IF EXISTS policy_years_cover_periods",
]

POSTGRES = [
    """CREATE OR REPLACE FUNCTION wps_target_period_policy() RETURNS trigger AS $$
    BEGIN
      IF (SELECT policy_id FROM indicators_reportingperiod WHERE id = NEW.period_id)
         IS DISTINCT FROM (SELECT policy_id FROM indicators_indicator WHERE id = NEW.indicator_id)
      THEN
        RAISE EXCEPTION 'target period belongs to another policy than its indicator'
          USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER target_period_policy BEFORE INSERT OR UPDATE OF period_id, indicator_id
    ON indicators_target FOR EACH ROW EXECUTE FUNCTION wps_target_period_policy()""",
    """CREATE OR REPLACE FUNCTION wps_indicator_policy_keeps_targets() RETURNS trigger AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM indicators_target t
                 JOIN indicators_reportingperiod r ON r.id = t.period_id
                 WHERE t.indicator_id = NEW.id AND r.policy_id <> NEW.policy_id) THEN
        RAISE EXCEPTION 'indicator has targets in periods of its former policy'
          USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER indicator_policy_keeps_targets BEFORE UPDATE OF policy_id
    ON indicators_indicator FOR EACH ROW EXECUTE FUNCTION wps_indicator_policy_keeps_targets()""",
    """CREATE OR REPLACE FUNCTION wps_period_within_policy() RETURNS trigger AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM policy_policy p WHERE p.id = NEW.policy_id
                 AND (NEW.start_date < make_date(p.start_year, 1, 1)
                      OR NEW.end_date > make_date(p.end_year, 12, 31))) THEN
        RAISE EXCEPTION 'reporting period lies outside its policy years'
          USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER period_within_policy BEFORE INSERT OR UPDATE OF start_date, end_date, policy_id
    ON indicators_reportingperiod FOR EACH ROW EXECUTE FUNCTION wps_period_within_policy()""",
    """CREATE OR REPLACE FUNCTION wps_policy_years_cover_periods() RETURNS trigger AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM indicators_reportingperiod r WHERE r.policy_id = NEW.id
                 AND (r.start_date < make_date(NEW.start_year, 1, 1)
                      OR r.end_date > make_date(NEW.end_year, 12, 31))) THEN
        RAISE EXCEPTION 'policy years no longer cover its reporting periods'
          USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER policy_years_cover_periods BEFORE UPDATE OF start_year, end_year
    ON policy_policy FOR EACH ROW EXECUTE FUNCTION wps_policy_years_cover_periods()""",
]

POSTGRES_REVERSE = [
    "DROP TRIGGER IF EXISTS target_period_policy ON indicators_target",
    "DROP TRIGGER IF EXISTS indicator_policy_keeps_targets ON indicators_indicator",
    "DROP TRIGGER IF EXISTS period_within_policy ON indicators_reportingperiod",
    "DROP TRIGGER IF EXISTS policy_years_cover_periods ON policy_policy",
    "DROP FUNCTION IF EXISTS wps_target_period_policy()",
    "DROP FUNCTION IF EXISTS wps_indicator_policy_keeps_targets()",
    "DROP FUNCTION IF EXISTS wps_period_within_policy()",
    "DROP FUNCTION IF EXISTS wps_policy_years_cover_periods()",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        statements = statements_by_vendor.get(schema_editor.connection.vendor)
        if statements is None:
            raise RuntimeError(
                f"No cross-table triggers for {schema_editor.connection.vendor}; "
                "add them to this migration before using that database."
            )
        with schema_editor.connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)  # no params: '%' in the SQL stays as it is

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("indicators", "0001_initial"),
        ("policy", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        ),
    ]
