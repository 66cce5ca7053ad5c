"""Time the dashboard pages and the API on a database filled by generate_load_data.

    DATABASE_URL=postgres://.../wps_load .venv/bin/python manage.py generate_load_data --scale 1
    DATABASE_URL=postgres://.../wps_load .venv/bin/python benchmarks/bench_pages.py --policy load-1

Each page is requested three times (--runs) by a superuser (or a visitor, --anonymous) through
Django's test client (in process, no network); the best time and the number of queries of the
last run are printed.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--policy", default="load-1")
    parser.add_argument("--anonymous", action="store_true", help="as a visitor, not signed in")
    parser.add_argument("--runs", type=int, default=3, help="requests per page (best kept)")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from accounts.models import User
    from indicators.models import Indicator
    from reporting.models import IndicatorValue

    user = User.objects.filter(is_superuser=True).first()
    client = Client()
    if not args.anonymous:
        from tests.signin_helpers import verified_login

        verified_login(client, user)  # the second factor too
    p = f"policy={args.policy}"
    indicator = Indicator.objects.filter(policy__code=args.policy).first()
    deep = (
        IndicatorValue.objects.filter(report__period__policy__code=args.policy)
        .order_by("id")
        .values_list("id", flat=True)[500_000:500_001]
    )
    pages = [
        f"/?{p}",
        f"/governorates/IQ-BG/?{p}",
        f"/map/?{p}",
        f"/map/?{p}&measure=activities",
        f"/pillars/participation/?{p}",
        f"/indicators/{indicator.pk}/",
        f"/compliance/?{p}",
        f"/progress-report/?{p}&period=2024-Q4",
        f"/progress-report/?{p}&period=2024-Q4&format=xlsx",
        f"/?{p}&csv=achievement",
        f"/api/v1/indicator-values/?policy={args.policy}&governorate=IQ-BG&pillar=participation"
        "&period=2024-Q4",
        f"/api/v1/activities/?policy={args.policy}&page_size=500",
    ]
    total = IndicatorValue.objects.filter(report__period__policy__code=args.policy).count()
    print(f"{connection.vendor}, policy {args.policy}, {total:,} values")
    for url in pages:
        best, queries, status = None, 0, None
        for _ in range(args.runs):
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                response = client.get(url)
                took = time.perf_counter() - start
            best = took if best is None else min(best, took)
            queries, status = len(captured), response.status_code
        print(f"{url:75} {status} {queries:4d} queries {best * 1000:8.0f} ms")
    if deep:
        print(f"(a value half-way down the list: id {deep[0]})")


if __name__ == "__main__":
    main()
