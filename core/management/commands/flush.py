"""Django's flush, able to empty a database that holds approved (locked) reports: the lock
triggers refuse to delete approved data, so the flush's own statements begin by setting
approved reports back to returned, in the one transaction of the deletes, after the
confirmation. Used by test teardown; on real data, flush deletes everything anyway."""

from django.core.management.commands import flush as django_flush
from django.db import DEFAULT_DB_ALIAS, connections

UNLOCK = "UPDATE reporting_progressreport SET status = 'returned' WHERE status = 'approved'"


class Command(django_flush.Command):
    def handle(self, **options):
        connection = connections[options.get("database") or DEFAULT_DB_ALIAS]
        if "reporting_progressreport" not in connection.introspection.table_names():
            return super().handle(**options)
        original = django_flush.sql_flush

        def unlock_then_flush(*args, **kwargs):
            return [UNLOCK, *original(*args, **kwargs)]

        django_flush.sql_flush = unlock_then_flush
        try:
            return super().handle(**options)
        finally:
            django_flush.sql_flush = original
