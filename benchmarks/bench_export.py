"""An export of every approved indicator value as a background job, as the worker runs it:
its time and the peak memory of the process, beside a floor measured in the same run (the same
rows read by PostgreSQL's COPY into a file, no Python per row).

    .venv/bin/python benchmarks/bench_export.py \\
        --database-url postgres://wps:wps@localhost:5432/wps_bench --format xlsx

The database must hold data (`manage.py generate_load_data --scale 1`: 1M values) and be
migrated. It adds one job (and its file, in a temporary MEDIA_ROOT) and removes it afterwards.
"""

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def rss_mib():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--format", choices=["csv", "xlsx"], default="xlsx")
    parser.add_argument("--query", default="", help="filters, e.g. governorate=IQ-BG")
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = args.database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    media = tempfile.mkdtemp()
    os.environ["MEDIA_ROOT"] = media

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    settings.MEDIA_ROOT = media
    from accounts.models import User
    from jobs.models import Job
    from jobs.tasks import run

    user, _ = User.objects.get_or_create(
        username="bench-export", defaults={"is_staff": True, "is_superuser": True}
    )
    query = dict(part.split("=", 1) for part in args.query.split("&") if part)
    job = Job.objects.create(
        user=user,
        kind="api.export",
        params={
            "view": "analytics.api.IndicatorValueViewSet",
            "path": "/api/v1/indicator-values/",
            "query": query,
            "format": args.format,
        },
    )
    before = rss_mib()
    start = time.perf_counter()
    run(str(job.pk))
    took = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    job.refresh_from_db()
    assert job.state == Job.State.DONE, (job.message, job.result)
    size = job.output.size
    rows = job.result["rows"]

    floor_file = Path(media) / "floor.csv"
    start = time.perf_counter()
    with connection.cursor() as cursor, open(floor_file, "wb") as out:
        sql = (
            "COPY (SELECT v.* FROM reporting_indicatorvalue v JOIN reporting_progressreport r "
            "ON r.id = v.report_id WHERE r.status = 'approved') TO STDOUT WITH CSV HEADER"
        )
        cursor.cursor.copy_expert(sql, out)
    floor = time.perf_counter() - start

    print(f"database: {connection.vendor}, rows: {rows:,}, format: {args.format}")
    print(
        f"| export job | {took:.1f} s | {size / 2**20:.0f} MiB file | peak RSS {peak:.0f} MiB "
        f"(at start {before:.0f} MiB) |"
    )
    print(
        f"| floor: COPY of the same rows | {floor:.1f} s | "
        f"{floor_file.stat().st_size / 2**20:.0f} MiB | ratio {took / floor:.0f}x |"
    )
    job.output.delete(save=False)
    job.delete()


if __name__ == "__main__":
    main()
