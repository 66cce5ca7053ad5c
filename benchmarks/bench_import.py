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
    from core.sheets import sheet_export, sheet_import
    from pillars.models import Pillar
    from policy.models import Activity, Objective, Policy

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
    floor(policy, args.rows, timed)
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
    print(f"peak RSS of this process                     {peak_mib():7.0f} MiB")


def peak_mib():
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def floor(policy, rows, timed):
    """The floor, in the same run: the same number of activities written with one bulk insert
    each for the rows and their governorate links, no validation, no history, then deleted."""
    from django.db import transaction

    from governorates.models import Governorate
    from policy.models import Activity, Entity, Objective

    objective = Objective.objects.filter(policy=policy).first()
    lead = Entity.objects.get(code="wed")
    places = list(Governorate.objects.filter(code__in=["IQ-BG", "IQ-NI", "IQ-BA"]))

    def write():
        with transaction.atomic():
            made = Activity.objects.bulk_create(
                Activity(
                    objective=objective,
                    code=f"floor.{i}",
                    title_en=f"Activity {i}",
                    lead_entity=lead,
                    start_date="2021-01-01",
                    end_date="2022-12-31",
                )
                for i in range(rows)
            )
            through = Activity.governorates.through
            through.objects.bulk_create(
                through(activity_id=a.pk, governorate_id=g.pk) for a in made for g in places
            )
            transaction.set_rollback(True)

    timed("floor: bulk inserts, no checks, no history", write)


def admin_import(user, sheet, timed, label="all rows new"):
    """Through the admin as a person does. A sheet above IMPORT_JOB_ROWS is handed to a job:
    the upload request only keeps the file and queues the check; the check, then (on the
    person's confirmation) the import, run as a worker runs them (timed here in this process,
    one after the other). A smaller sheet is previewed and confirmed in the requests."""
    import io

    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from config.celery import app
    from jobs.models import Job
    from jobs.tasks import run

    if not hasattr(admin_import, "ready"):
        setup_test_environment()  # responses keep their context (the confirm form)
        # Queue the tasks (in memory) instead of running them in the request: no worker
        # listens; they are run below, as the worker would, and timed apart.
        app.conf.update(task_always_eager=False, broker_url="memory://")
        admin_import.ready = True
    from tests.signin_helpers import verified_login

    client = Client()
    verified_login(client, user)  # staff give the second factor, or the admin sends them to it
    upload = io.BytesIO(sheet.export("xlsx"))
    upload.name = "activities.xlsx"
    counts = {}

    def counting(name):
        def wrapper(execute, sql, params, many, context):
            counts[name] = counts.get(name, 0) + 1
            return execute(sql, params, many, context)

        return connection.execute_wrapper(wrapper)

    with counting("upload"):
        page = timed(
            f"admin upload, {label}",
            lambda: client.post(
                reverse("admin:policy_activity_import"),
                {"resource": 0, "format": 0, "import_file": upload},
            ),
        )
    if len(sheet) > settings.IMPORT_JOB_ROWS:
        assert page.status_code == 302, page.content.decode()[-3000:]
        check = Job.objects.filter(kind="plan.import_check").latest("created_at")
        with counting("check job"):
            timed(f"  check job (worker), {label}", lambda: run(str(check.pk)))
        check.refresh_from_db()
        assert check.state == Job.State.DONE, (check.message, check.result)
        with counting("confirm"):
            timed(
                f"admin confirm, {label}",
                lambda: client.post(reverse("jobs:next", args=[check.pk])),
            )
        job = Job.objects.filter(kind="plan.import").latest("created_at")
        with counting("import job"):
            timed(f"  import job (worker), {label}", lambda: run(str(job.pk)))
        job.refresh_from_db()
        assert job.state == Job.State.DONE, (job.message, job.result)
        print("  queries: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        return
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
    print("  queries: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
