"""Activity codes are unique within a policy, not only within their objective: sheets and
reports refer to an activity by policy and code. A unique constraint cannot span the objective
join, so a trigger holds the rule; Activity.validate_unique() says it in words."""

from django.db import migrations

SQLITE = [
    f"""CREATE TRIGGER activity_code_unique_in_policy_{when} BEFORE {event} ON policy_activity
    FOR EACH ROW WHEN EXISTS (
      SELECT 1 FROM policy_activity a JOIN policy_objective o ON o.id = a.objective_id
      WHERE a.code = NEW.code AND a.id IS NOT NEW.id
        AND o.policy_id = (SELECT policy_id FROM policy_objective WHERE id = NEW.objective_id))
    BEGIN SELECT RAISE(ABORT, 'another activity of this policy has the same code'); END"""
    for when, event in (("ins", "INSERT"), ("upd", "UPDATE OF code, objective_id"))
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS activity_code_unique_in_policy_ins",
    "DROP TRIGGER IF EXISTS activity_code_unique_in_policy_upd",
]
POSTGRES = [
    """CREATE OR REPLACE FUNCTION wps_activity_code_unique_in_policy() RETURNS trigger AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM policy_activity a JOIN policy_objective o ON o.id = a.objective_id
                 WHERE a.code = NEW.code AND a.id IS DISTINCT FROM NEW.id
                   AND o.policy_id = (SELECT policy_id FROM policy_objective
                                      WHERE id = NEW.objective_id)) THEN
        RAISE EXCEPTION 'another activity of this policy has the same code'
          USING ERRCODE = 'unique_violation';
      END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER activity_code_unique_in_policy BEFORE INSERT OR UPDATE OF code, objective_id
    ON policy_activity FOR EACH ROW EXECUTE FUNCTION wps_activity_code_unique_in_policy()""",
]
POSTGRES_REVERSE = [
    "DROP TRIGGER IF EXISTS activity_code_unique_in_policy ON policy_activity",
    "DROP FUNCTION IF EXISTS wps_activity_code_unique_in_policy()",
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
    dependencies = [("policy", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        ),
    ]
