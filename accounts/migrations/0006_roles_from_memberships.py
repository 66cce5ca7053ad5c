"""Roles come from active memberships (accounts.roles, accounts.backends): the permission
groups that mirrored them grant nothing now, and are removed so nobody edits them in vain."""

from django.db import migrations

OLD_ROLE_GROUPS = [
    "Directorate admins",
    "Directorate reviewers",
    "Focal points",
    "CSO reporters",
    "Partners",
]


def remove_role_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=OLD_ROLE_GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_carry_over_drf_tokens"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(remove_role_groups, migrations.RunPython.noop)]
