"""Time the report workbook at volume: a reporter owing ACTIVITIES reports of INDICATORS
indicators in 10 governorates each (1,000 x 5 x 10 = 50,000 values by default).

    .venv/bin/python benchmarks/bench_workbook.py \
        --database-url postgres://wps:wps@localhost:5432/wps_bench_wb   # a scratch database!

It migrates the database, seeds the reference data, builds the plan (bulk inserts), downloads
the workbook, types a value in every cell with openpyxl (not timed), then, each in a fresh
process so its peak memory is its own: the check (reads every cell, compares, writes nothing),
the save (all new: 50,000 values and as many history records, the reports created), the same
file saved again (all unchanged), and a second file changing every value. The floor, in the
same run: the same 50,000 values written with one bulk insert, no checks, no history, rolled
back. Without --database-url it works in a temporary SQLite file.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup_django(url):
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    import django

    django.setup()


def peak_mib():
    """This process's peak resident memory (VmHWM: getrusage's maximum is carried over from
    the parent that started the process, here the one that filled the workbook in)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(activities, indicators):
    import datetime

    from django.core.management import call_command

    from accounts.models import Role, User
    from accounts.services import membership_grant
    from governorates.models import Governorate
    from indicators.models import Indicator, ReportingPeriod
    from pillars.models import Pillar
    from policy.models import Activity, Entity, Objective, Policy
    from reporting.models import ProgressReport

    call_command("migrate", verbosity=0)
    call_command("seed_reference", verbosity=0)
    ProgressReport.objects.filter(period__policy__code="bench-wb").delete()
    policy, _ = Policy.objects.get_or_create(
        code="bench-wb", defaults={"title_en": "Bench", "start_year": 2021, "end_year": 2024}
    )
    period, _ = ReportingPeriod.objects.get_or_create(
        policy=policy,
        label="2022-Q2",
        defaults={
            "start_date": datetime.date(2022, 4, 1),
            "end_date": datetime.date(2022, 6, 30),
            "due_date": datetime.date(2099, 7, 30),
            "status": ReportingPeriod.Status.OPEN,
        },
    )
    entity, _ = Entity.objects.get_or_create(
        code="bench-cso", defaults={"name_en": "Bench CSO", "kind": "cso"}
    )
    user, made = User.objects.get_or_create(username="bench-reporter")
    if made:
        membership_grant(user=user, entity=entity, role=Role.CSO_REPORTER)
    objective, _ = Objective.objects.get_or_create(
        policy=policy, code="1", defaults={"pillar": Pillar.objects.first(), "title_en": "One"}
    )
    if not Activity.objects.filter(objective=objective).exists():
        made = Activity.objects.bulk_create(
            Activity(
                objective=objective,
                code=f"1.{i}",
                title_en=f"Activity {i}",
                lead_entity=entity,
                start_date=datetime.date(2021, 1, 1),
                end_date=datetime.date(2024, 12, 31),
            )
            for i in range(activities)
        )
        places = list(Governorate.objects.order_by("code")[:10])
        through = Activity.governorates.through
        through.objects.bulk_create(
            through(activity_id=a.pk, governorate_id=g.pk) for a in made for g in places
        )
        Indicator.objects.bulk_create(
            Indicator(
                policy=policy,
                activity=a,
                code=f"{a.code}-{j}",
                title_en=f"Indicator {a.code}-{j}",
                unit=Indicator.Unit.NUMBER,
            )
            for a in made
            for j in range(indicators)
        )
    return user, period


def fill(content, offset):
    import io

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(content))
    sheet = book.worksheets[1]
    keys = [c.value for c in sheet[2]]
    column = keys.index("value") + 1
    n = 0
    for row in range(3, sheet.max_row + 1):
        sheet.cell(row=row, column=column).value = row + offset
        n += 1
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue(), n


def prepare(args, tmp):
    setup_django(args.database_url)
    from reporting import workbook

    user, period = build(args.activities, args.indicators)
    start = time.perf_counter()
    content = workbook.write_workbook(user, period)
    took = time.perf_counter() - start
    print(f"download: the workbook of {args.activities:,} reports       {took:7.2f} s")
    first, n = fill(content, 0)
    (Path(tmp) / "first.xlsx").write_bytes(first)
    print(f"values typed in: {n:,}; file {len(first) / 1e6:.1f} MB")
    return n


def measure(args):
    """One step, in its own process: prints a JSON line with its time and peak memory."""
    setup_django(args.database_url)
    from django.db import transaction

    from accounts.models import User
    from reporting import workbook

    user = User.objects.get(username="bench-reporter")
    content = Path(args.file).read_bytes() if args.file else b""
    before = peak_mib()
    start = time.perf_counter()
    if args.step == "floor":
        from reporting.models import IndicatorValue, ProgressReport

        reports = {
            r.activity_id: r for r in ProgressReport.objects.filter(entity__code="bench-cso")
        }
        from indicators.models import Indicator
        from policy.models import Activity

        places = {
            a.pk: [g.pk for g in a.governorates.all()]
            for a in Activity.objects.filter(objective__policy__code="bench-wb").prefetch_related(
                "governorates"
            )
        }
        cells = [
            (reports[i.activity_id], i, g)
            for i in Indicator.objects.filter(activity_id__in=list(reports))
            for g in places[i.activity_id]
        ]
        with transaction.atomic():
            # The values the save wrote are set aside (rolled back after): only the insert is timed.
            IndicatorValue.objects.filter(report__entity__code="bench-cso").delete()
            start = time.perf_counter()
            IndicatorValue.objects.bulk_create(
                (
                    IndicatorValue(report=r, indicator=i, governorate_id=g, value=1)
                    for r, i, g in cells
                ),
                batch_size=1000,
            )
            took = time.perf_counter() - start
            transaction.set_rollback(True)
        result = {}
    elif args.step == "check":
        result = workbook.check_workbook(user, content, "bench.xlsx")
    else:
        result = workbook.save_workbook(user, content, "bench.xlsx")
    if args.step != "floor":
        took = time.perf_counter() - start
    print(
        json.dumps(
            {
                "seconds": took,
                "peak": peak_mib(),
                "before": before,
                "counts": result.get("counts"),
                "values": result.get("values"),
                "blocked": result.get("blocked"),
            }
        )
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=1000)
    parser.add_argument("--indicators", type=int, default=5)
    parser.add_argument("--database-url")
    parser.add_argument("--step", help=argparse.SUPPRESS)
    parser.add_argument("--file", help=argparse.SUPPRESS)
    args = parser.parse_args()
    tmp = tempfile.mkdtemp()
    args.database_url = args.database_url or f"sqlite:///{tmp}/bench.sqlite3"
    if args.step:
        return measure(args)
    n = prepare(args, tmp)

    def step(label, name, file=None, rows=n):
        command = [sys.executable, __file__, "--step", name, "--database-url", args.database_url]
        if file:
            command += ["--file", str(Path(tmp) / file)]
        out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        found = json.loads(out.strip().splitlines()[-1])
        rate = f"{rows / found['seconds']:9,.0f} rows/s" if rows else ""
        print(
            f"{label:<52} {found['seconds']:7.2f} s {rate}  peak RSS {found['peak']:5.0f} MiB"
            + (f"  {found['counts']}" if found["counts"] else "")
        )
        return found

    print(f"database: {args.database_url.split(':')[0]}")
    step("check (reads every cell, writes nothing)", "check", "first.xlsx")
    step("save: every value new, with history", "save", "first.xlsx")
    step("floor: the same values, one bulk insert, no history", "floor")
    step("save the same file again (all unchanged)", "save", "first.xlsx")
    # A file changing every value: made from a workbook downloaded now (the first file's
    # reports have moved on to version 2; a file made before them is refused as a conflict).
    from accounts.models import User
    from indicators.models import ReportingPeriod
    from reporting import workbook

    user = User.objects.get(username="bench-reporter")
    period = ReportingPeriod.objects.get(policy__code="bench-wb", label="2022-Q2")
    second, _ = fill(workbook.write_workbook(user, period), 7)
    (Path(tmp) / "second.xlsx").write_bytes(second)
    step("save a file changing every value", "save", "second.xlsx")


if __name__ == "__main__":
    main()
