"""A whole plan through its workbook (core/planbook.py), at national volume: exported from the
load plan of `generate_load_data`, then imported into an empty database, checked again, and
imported again (nothing changes), each timed, with the peak memory of this process.

    .venv/bin/python benchmarks/bench_plan_workbook.py \\
        --source postgres://wps:wps@localhost:5432/wps_bench_s1 --plan load-1 \\
        --target postgres://wps:wps@localhost:5432/wps_plan_import   # emptied first!

The target database is dropped and made again (it must be a scratch one). Both are migrated
as they are; the source must hold the plan (`manage.py generate_load_data --scale 1`).
"""

import argparse
import os
import resource
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def peak_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def manage(url, *args):
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
    )


def recreate(url):
    import psycopg2

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    admin = psycopg2.connect(urllib.parse.urlunsplit(parts._replace(path="/postgres")))
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", required=True)
    parser.add_argument("--plan", default="load-1")
    parser.add_argument("--target", required=True)
    parser.add_argument("--file", default=str(ROOT / ".bench" / "plan-workbook.xlsx"))
    args = parser.parse_args()
    workbook = Path(args.file)
    workbook.parent.mkdir(exist_ok=True)

    start = time.perf_counter()
    script = (
        "import django; django.setup()\n"
        "from pathlib import Path\n"
        "from core import planbook\n"
        "from policy.models import Policy\n"
        f"policy = Policy.objects.get(code={args.plan!r})\n"
        f"Path({str(workbook)!r}).write_bytes(planbook.write_workbook(policy=policy))\n"
    )
    env = {**os.environ, "DATABASE_URL": args.source}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, check=True)
    print(
        f"export of {args.plan} as a plan workbook   {time.perf_counter() - start:7.1f} s "
        f"({workbook.stat().st_size / 2**20:.1f} MiB, in a process of its own)"
    )

    recreate(args.target)
    manage(args.target, "migrate", "--noinput", "-v0")
    os.environ.update(DATABASE_URL=args.target, DJANGO_SETTINGS_MODULE="config.settings.test")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection

    from accounts.models import User
    from core import planbook

    user = User.objects.create(username="bench", is_staff=True, is_superuser=True)
    content = workbook.read_bytes()
    rows = sum(len(d.dataset) for d in planbook.read_sheets(content, workbook.name).values())
    print(f"database: {connection.vendor}, {rows:,} rows in {len(planbook.SHEETS)} sheets")

    def timed(label, **kwargs):
        start = time.perf_counter()
        outcomes = planbook.import_workbook(
            user=user, content=content, name=workbook.name, **kwargs
        )
        took = time.perf_counter() - start
        new = sum(o.new for o in outcomes)
        changed = sum(o.changed for o in outcomes)
        print(
            f"{label:<40} {took:7.1f} s  {rows / took:8,.0f} rows/s  "
            f"({new:,} new, {changed:,} changed)  peak RSS {peak_mib():.0f} MiB"
        )

    timed("check (preview) into an empty database", dry_run=True)
    timed("import into an empty database")
    timed("import again (nothing changes)")


if __name__ == "__main__":
    main()
