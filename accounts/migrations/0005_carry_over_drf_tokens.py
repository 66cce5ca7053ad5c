"""Carry the keys of DRF's authtoken (stored in clear) over to hashed API tokens, then drop
its table, so that partners keep working and no key stays readable in the database.

rest_framework.authtoken is no longer an installed app, so this migration cannot depend on
its migrations: it looks for the table instead. A new database has none, and nothing happens.
An existing one gets one hashed token per old key (same key, so clients change nothing), and
the old table, its migration records and its content types are removed (manage.py
remove_stale_contenttypes would do the last, but would leave the table with the keys).

Not reversible in the sense of giving the keys back: undoing this migration leaves the hashed
tokens to 0004's reversal, and the old keys are gone."""

import datetime
import hashlib

from django.db import migrations
from django.utils import timezone
from django.utils.dateparse import parse_datetime

OLD_TABLE = "authtoken_token"


def carry_over(apps, schema_editor):
    connection = schema_editor.connection
    if OLD_TABLE not in connection.introspection.table_names():
        return
    ApiToken = apps.get_model("accounts", "ApiToken")
    quoted = schema_editor.quote_name(OLD_TABLE)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {schema_editor.quote_name('key')}, user_id, created FROM {quoted}")
        rows = cursor.fetchall()
    for key, user_id, created in rows:
        if isinstance(created, str):
            created = parse_datetime(created)
        if created is None:
            created = timezone.now()
        elif timezone.is_naive(created):  # SQLite keeps UTC without an offset
            created = created.replace(tzinfo=datetime.UTC)
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
        if not ApiToken.objects.filter(digest=digest).exists():
            ApiToken.objects.create(
                user_id=user_id,
                name="Carried over from the previous token system",
                prefix=key[:8],
                digest=digest,
                created_at=created,
            )
    schema_editor.execute(f"DROP TABLE {quoted}")
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM django_migrations WHERE app = %s", ["authtoken"])
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="authtoken").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(carry_over, migrations.RunPython.noop)]
