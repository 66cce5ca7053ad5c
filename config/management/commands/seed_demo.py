"""The demo portal: it fills every app (the plan, accounts, reports, the follow-up record, the
figures), so it lives at the top, in config, which alone may import them all."""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.models import Role, User
from accounts.services import demo_authenticator_set, membership_grant
from analytics import figures
from core import planbook
from followup.seeding import load_demo as load_demo_followup
from governorates.models import Governorate
from indicators.models import ReportingPeriod
from policy.models import Entity, Policy
from reporting.demo import demo_due_dates, load_demo_history, load_demo_reports

DEMO_PASSWORD = "demo12345"
POLICY_CODE = "np-2021-2024"
REASON = "Demo data"
# The demo plan: a plan workbook (core/planbook.py) built from the outcomes of the civil-society
# conference of 26 September 2020 in Baghdad (../shared/source/), in three languages.
DEMO_PLAN = Path(apps.get_app_config("policy").path) / "data" / "demo-plan.xlsx"

# Accounts that sign in with a second factor get the demo authenticator (a published secret,
# accounts/services.py); `manage.py otp_code <username>` prints its current code.
DEMO_AUTHENTICATOR_USERS = ("director", "reviewer")

# username, role, entity code, governorate scope, first name, last name
DEMO_USERS = [
    ("director", Role.DIRECTORATE_ADMIN, "wed", None, "Dalia", "Director"),
    ("reviewer", Role.DIRECTORATE_REVIEWER, "wed", None, "Rana", "Reviewer"),
    ("focal", Role.FOCAL_POINT, "molsa", None, "Farah", "Focal"),
    ("cso", Role.CSO_REPORTER, "alliance-1325", None, "Suha", "Alliance"),
    ("partner", Role.PARTNER_VIEWER, "un-women", None, "Paula", "Partner"),
]


class Command(BaseCommand):
    help = (
        "Load the demo plan (built from the 2020 conference outcomes) and the demo accounts "
        f"(password {DEMO_PASSWORD}). Runs seed_reference first. Safe to run again. "
        "Refuses to run with DEBUG off unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Run even with DEBUG off (never in production)."
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off, so this looks like a real installation: seed_demo would add demo "
                "accounts with a public password. Use --force if you really mean it."
            )
        others = User.objects.exclude(username__in=[u[0] for u in DEMO_USERS])
        if others.exists() and not force:
            raise CommandError(
                "This database has accounts other than the demo ones, so it looks like a real "
                "installation: seed_demo would add demo accounts with a public password. Use "
                "--force if you really mean it."
            )
        call_command("seed_reference", stdout=self.stdout)
        with transaction.atomic():
            self.counts = {}
            policy = self.load_plan()
            self.load_users()
        reports = load_demo_reports(policy) + load_demo_history(policy)
        reports += load_demo_followup(policy)
        figures.refresh(policy_ids=[policy.pk])  # the demo's reports were written past the services
        if reports:
            self.counts["created"] = self.counts.get("created", 0) + reports
        summary = ", ".join(f"{n} {o}" for o, n in sorted(self.counts.items()))
        self.stdout.write(self.style.SUCCESS(f"Demo data: {summary}."))
        self.stdout.write(
            "Demo accounts (password %s): %s" % (DEMO_PASSWORD, ", ".join(u[0] for u in DEMO_USERS))
        )
        self.stdout.write(
            "%s also give a code after the password: `python manage.py otp_code <username>` "
            "prints it." % " and ".join(DEMO_AUTHENTICATOR_USERS)
        )

    def load_plan(self):
        """The demo plan from its plan workbook (policy/data/demo-plan.xlsx), through the
        import every plan workbook goes through; the two open quarters get due dates around
        today (reporting/demo.py), so that reporters have work whatever the date."""
        due = demo_due_dates()

        def adjust(datasets):
            periods = datasets.get("periods")
            if periods is None:
                return
            headers = list(periods.headers)
            for index, values in enumerate(list(periods)):
                row = dict(zip(headers, values, strict=True))
                if row["label"] in due:
                    row.update(due_date=due[row["label"]], status=ReportingPeriod.Status.OPEN)
                    periods[index] = tuple(row[h] for h in headers)

        outcomes = planbook.import_workbook(
            user=None,
            content=DEMO_PLAN.read_bytes(),
            name=DEMO_PLAN.name,
            system=True,
            adjust=adjust,
            reason=REASON,
        )
        for outcome in outcomes:
            for what, n in (("created", outcome.new), ("updated", outcome.changed)):
                if n:
                    self.counts[what] = self.counts.get(what, 0) + n
            if outcome.unchanged:
                self.counts["unchanged"] = self.counts.get("unchanged", 0) + outcome.unchanged
        self.entities = {e.code: e for e in Entity.objects.all()}
        self.governorates = {g.code: g for g in Governorate.objects.all()}
        return Policy.objects.get(code=POLICY_CODE)

    def load_users(self):
        for username, role, entity, gov, first, last in DEMO_USERS:
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User(
                    username=username,
                    email=f"{username}@example.org",
                    first_name=first,
                    last_name=last,
                )
                user.set_password(DEMO_PASSWORD)
                user.save()
                self.counts["created"] = self.counts.get("created", 0) + 1
            membership_grant(
                user=user,
                entity=self.entities[entity],
                role=role,
                governorate=self.governorates.get(gov) if gov else None,
            )
            if username in DEMO_AUTHENTICATOR_USERS:
                _device, outcome = demo_authenticator_set(user=user)
                self.counts[outcome] = self.counts.get(outcome, 0) + 1
