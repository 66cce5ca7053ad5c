"""Time the spreadsheet import and export of a large activities sheet.

    .venv/bin/python benchmarks/bench_import.py --rows 2000
    .venv/bin/python benchmarks/bench_import.py --rows 2000 \
        --database-url postgres://wps:wps@localhost:5432/wps_bench   # a scratch database!

Without --database-url it works in a temporary SQLite file. It migrates the database, seeds the
reference data, builds one policy with 20 objectives, then imports N activities (new), imports
the same sheet again (all unchanged), and exports it as XLSX, printing the time of each step.
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


if __name__ == "__main__":
    main()
