"""Time the spreadsheet import and export of a large activities sheet.

    .venv/bin/python benchmarks/bench_import.py --rows 2000
    .venv/bin/python benchmarks/bench_import.py --rows 3000 --admin   # through the admin pages
    .venv/bin/python benchmarks/bench_import.py --rows 2000 \
        --database-url postgres://wps:wps@localhost:5432/wps_bench   # a scratch database!

Without --database-url it works in a temporary SQLite file. It migrates the database, seeds the
reference data, builds one policy with 20 objectives, then imports N activities (new), imports
the same sheet again (all unchanged), and exports it as XLSX, printing the time of each step.
With --admin the two imports go through the admin's pages as a person does (upload and preview,
then confirm: each reads the whole sheet), with the number of queries of each request.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--database-url")
    parser.add_argument("--admin", action="store_true", help="import through the admin pages")
    args = parser.parse_args()
    tmp = tempfile.mkdtemp()
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{tmp}/bench.sqlite3"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"

    import django

    django.setup()
    import tablib
    from django.core.management import call_command

    from accounts.models import User
    from pillars.models import Pillar
    from policy.models import Activity, Objective, Policy
    from policy.sheets import sheet_export, sheet_import

    call_command("migrate", verbosity=0)
    call_command("seed_reference", verbosity=0)
    user, _ = User.objects.get_or_create(username="bench", is_staff=True, is_superuser=True)
    policy, _ = Policy.objects.get_or_create(
        code="bench", defaults={"title_en": "Bench", "start_year": 2021, "end_year": 2024}
    )
    pillars = list(Pillar.objects.all())
    for i in range(20):
        Objective.objects.get_or_create(
            policy=policy,
            code=f"{i + 1}",
            defaults={"pillar": pillars[i % len(pillars)], "title_en": f"Objective {i + 1}"},
        )
    headers = [
        "policy",
        "objective",
        "code",
        "title_en",
        "title_ar",
        "title_ckb",
        "description",
        "lead_entity",
        "partners",
        "is_nationwide",
        "governorates",
        "target_groups",
        "themes",
        "start_date",
        "end_date",
        "status",
        "planned_budget",
        "currency",
    ]
    rows = [
        [
            "bench",
            f"{i % 20 + 1}",
            f"{i % 20 + 1}.{i}",
            f"Activity {i}",
            f"نشاط {i}",
            f"چالاکی {i}",
            "",
            "wed",
            "alliance-1325:implementing;unami:supporting",
            0,
            "IQ-BG;IQ-NI;IQ-BA",
            "idps;girls",
            "covid-19",
            "2021-01-01",
            "2022-12-31",
            "in_progress",
            1000000 + i,
            "IQD",
        ]
        for i in range(args.rows)
    ]
    sheet = tablib.Dataset(*rows, headers=headers)

    def timed(label, fn):
        start = time.perf_counter()
        result = fn()
        print(f"{label:<44} {time.perf_counter() - start:7.2f} s")
        return result

    print(f"database: {django.db.connection.vendor}, rows: {args.rows}")
    if args.admin:
        admin_import(user, sheet, timed)
        assert Activity.objects.filter(objective__policy=policy).count() == args.rows
        admin_import(user, sheet, timed, label="again (unchanged)")
        return
    timed(
        "import, all rows new", lambda: sheet_import(user=user, sheet="activities", dataset=sheet)
    )
    assert Activity.objects.filter(objective__policy=policy).count() == args.rows
    result = timed(
        "import the same sheet again (unchanged)",
        lambda: sheet_import(user=user, sheet="activities", dataset=sheet),
    )
    assert result.totals["skip"] == args.rows
    timed("export as XLSX", lambda: sheet_export(sheet="activities").export("xlsx"))
    timed("export as CSV", lambda: sheet_export(sheet="activities").export("csv"))


def admin_import(user, sheet, timed, label="all rows new"):
    import io

    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    if not hasattr(admin_import, "ready"):
        setup_test_environment()  # responses keep their context (the confirm form)
        admin_import.ready = True
    client = Client()
    client.force_login(user)
    upload = io.BytesIO(sheet.export("xlsx"))
    upload.name = "activities.xlsx"
    counts = {}

    def counting(name):
        def wrapper(execute, sql, params, many, context):
            counts[name] = counts.get(name, 0) + 1
            return execute(sql, params, many, context)

        return connection.execute_wrapper(wrapper)

    with counting("preview"):
        page = timed(
            f"admin preview, {label}",
            lambda: client.post(
                reverse("admin:policy_activity_import"),
                {"resource": 0, "format": 0, "import_file": upload},
            ),
        )
    confirm = page.context["confirm_form"]
    assert confirm is not None, page.content.decode()[-3000:]
    with counting("confirm"):
        done = timed(
            f"admin confirm, {label}",
            lambda: client.post(
                reverse("admin:policy_activity_process_import"), {**confirm.initial, "resource": 0}
            ),
        )
    assert done.status_code == 302, done.content.decode()[-3000:]
    print(f"  queries: preview {counts.get('preview', 0)}, confirm {counts.get('confirm', 0)}")


if __name__ == "__main__":
    main()
