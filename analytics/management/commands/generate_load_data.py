"""Fill the database with a plan at national volume, to measure the dashboards and the API.

At --scale 1: 5,000 activities, 2,000 indicators, 19 governorates, 16 quarters and about
1,000,000 approved indicator values (each indicator's activity has a lead and an implementing
partner, both report every quarter for about 16 governorates). --scale may be fractional.
Everything goes into its own policy (`load-<scale>`), published, so the demo is untouched.
Rows are written in bulk, without history: this is test data, not the record.
"""

import datetime
import random
import time
from decimal import Decimal

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from accounts.models import User
from analytics import figures
from governorates.models import Governorate
from indicators.models import Indicator, ReportingPeriod, Target
from pillars.models import Pillar
from policy.models import Activity, ActivityPartner, Entity, Objective, Policy
from reporting.models import IndicatorValue, ProgressReport, ReportEvent

BATCH = 5000


class Command(BaseCommand):
    help = __doc__.splitlines()[0]

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0)
        parser.add_argument("--seed", type=int, default=1325)
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run with DEBUG off (never on a real installation).",
        )

    def handle(self, *args, scale=1.0, seed=1325, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("DEBUG is off: use --force on a throw-away database only.")
        if scale <= 0:
            raise CommandError("--scale must be positive.")
        started = time.perf_counter()
        random.seed(seed)
        call_command("seed_reference", verbosity=0)
        code = f"load-{scale:g}"
        if Policy.objects.filter(code=code).exists():
            raise CommandError(f"Policy {code} exists already; use a fresh database.")
        with transaction.atomic():
            counts = self.generate(code, scale)
        # Fresh statistics: without them PostgreSQL plans the first aggregates over a million
        # new rows badly (minutes instead of a second).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        # The dashboards read summaries (analytics/figures.py), built from the values above.
        figures.refresh(policy_ids=[Policy.objects.get(code=code).pk])
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        took = time.perf_counter() - started
        summary = ", ".join(f"{n:,} {what}" for what, n in counts.items())
        self.stdout.write(self.style.SUCCESS(f"{summary} in {took:.0f} s."))

    def generate(self, code, scale):
        n_activities = max(int(5000 * scale), 4)
        n_indicators = max(int(2000 * scale), 2)
        governorates = list(Governorate.objects.all())
        pillars = list(Pillar.objects.all())
        director = User.objects.filter(is_superuser=True).first() or User.objects.create(
            username="load-director", is_staff=True, is_superuser=True
        )
        reviewer = director
        policy = Policy.objects.create(
            code=code,
            title_en=f"Load test plan ({code})",
            start_year=2021,
            end_year=2024,
            is_published=True,
            status=Policy.Status.ACTIVE,
        )
        entities = Entity.objects.bulk_create(
            Entity(
                code=f"{code}-e{i}",
                name_en=f"Entity {i}",
                kind=Entity.Kind.CSO,
                level=Entity.Level.NATIONAL,
            )
            for i in range(max(int(200 * scale), 4))
        )
        objectives = Objective.objects.bulk_create(
            Objective(
                policy=policy,
                pillar=pillars[i % len(pillars)],
                code=f"{i + 1}",
                title_en=f"Objective {i + 1}",
            )
            for i in range(max(int(40 * scale), 4))
        )
        periods = []
        for year in range(2021, 2025):
            for q in range(1, 5):
                start = datetime.date(year, 3 * q - 2, 1)
                end = datetime.date(year + (q == 4), (3 * q) % 12 + 1, 1) - datetime.timedelta(
                    days=1
                )
                periods.append(
                    ReportingPeriod(
                        policy=policy,
                        label=f"{year}-Q{q}",
                        start_date=start,
                        end_date=end,
                        due_date=end + datetime.timedelta(days=30),
                        status=ReportingPeriod.Status.CLOSED,
                    )
                )
        periods = ReportingPeriod.objects.bulk_create(periods)
        activities = Activity.objects.bulk_create(
            Activity(
                objective=objectives[i % len(objectives)],
                code=f"{i % len(objectives) + 1}.{i}",
                title_en=f"Activity {i}",
                lead_entity=entities[i % len(entities)],
                start_date=datetime.date(2021, 1, 1),
                end_date=datetime.date(2024, 12, 31),
                status=Activity.Status.IN_PROGRESS,
                planned_budget=Decimal(random.randint(10, 900) * 1_000_000),
            )
            for i in range(n_activities)
        )
        reporting = activities[:n_indicators]  # one indicator each
        partners, covers = [], {}
        through = Activity.governorates.through
        links = []
        for i, activity in enumerate(reporting):
            partner = entities[(i * 7 + 3) % len(entities)]
            if partner.pk == activity.lead_entity_id:
                partner = entities[(i * 7 + 4) % len(entities)]
            partners.append(ActivityPartner(activity=activity, entity=partner))
            covers[activity.pk] = random.sample(governorates, random.randint(13, 19))
            links += [
                through(activity_id=activity.pk, governorate_id=g.pk) for g in covers[activity.pk]
            ]
        ActivityPartner.objects.bulk_create(partners, batch_size=BATCH)
        through.objects.bulk_create(links, batch_size=BATCH)
        indicators = Indicator.objects.bulk_create(
            Indicator(
                policy=policy,
                activity=a,
                code=f"I{i}",
                title_en=f"Indicator {i}",
                unit=Indicator.Unit.NUMBER,
                baseline_value=Decimal(0),
                baseline_year=2020,
                aggregation=Indicator.Aggregation.SUM,
                is_sensitive=i % 10 == 0,
            )
            for i, a in enumerate(reporting)
        )
        final = periods[-1]
        Target.objects.bulk_create(
            (
                Target(indicator=ind, period=final, value=Decimal(random.randint(200, 4000)))
                for ind in indicators
            ),
            batch_size=BATCH,
        )
        # and a target in each governorate the indicator's activity covers
        Target.objects.bulk_create(
            (
                Target(
                    indicator=ind,
                    period=final,
                    governorate=g,
                    value=Decimal(random.randint(20, 400)),
                )
                for ind, activity in zip(indicators, reporting, strict=True)
                for g in covers[activity.pk]
            ),
            batch_size=BATCH,
        )
        counts = {
            "activities": len(activities),
            "indicators": len(indicators),
            "periods": len(periods),
        }
        counts["reports"], counts["indicator values"] = self.reports(
            reporting, indicators, partners, periods, covers, director, reviewer
        )
        return counts

    def reports(self, activities, indicators, partners, periods, covers, director, reviewer):
        now = timezone.now()
        n_reports = n_values = 0
        for period in periods:
            reports = ProgressReport.objects.bulk_create(
                [
                    ProgressReport(
                        activity=a,
                        entity_id=entity_id,
                        period=period,
                        created_by=director,
                        activity_status=a.status,
                        percent_complete=50,
                        achievements="Load test",
                    )
                    for a, p in zip(activities, partners, strict=True)
                    for entity_id in (a.lead_entity_id, p.entity_id)
                ],
                batch_size=BATCH,
            )
            by_activity = {a.pk: ind for a, ind in zip(activities, indicators, strict=True)}
            batch = []
            for report in reports:
                for g in covers[report.activity_id]:
                    batch.append(
                        IndicatorValue(
                            report=report,
                            indicator=by_activity[report.activity_id],
                            governorate=g,
                            value=Decimal(random.randint(0, 60)),
                        )
                    )
                    if len(batch) >= BATCH:
                        IndicatorValue.objects.bulk_create(batch)
                        n_values += len(batch)
                        batch = []
            IndicatorValue.objects.bulk_create(batch)
            n_values += len(batch)
            submitted = timezone.make_aware(
                datetime.datetime.combine(
                    period.due_date - datetime.timedelta(days=3), datetime.time(10)
                )
            )
            ReportEvent.objects.bulk_create(
                (
                    ReportEvent(report=r, kind=ReportEvent.Kind.SUBMITTED, user=director)
                    for r in reports
                ),
                batch_size=BATCH,
            )
            ReportEvent.objects.filter(report__period=period).update(at=submitted)
            # Approved last: the lock triggers refuse values added to an approved report.
            ProgressReport.objects.filter(period=period).update(
                status="approved", submitted_at=submitted, approved_at=now
            )
            n_reports += len(reports)
            self.stdout.write(f"  {period.label}: {n_values:,} values so far")
        return n_reports, n_values
