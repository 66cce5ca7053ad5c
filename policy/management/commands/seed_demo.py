import datetime
from decimal import Decimal

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.models import Role, User
from accounts.services import demo_authenticator_set, membership_grant
from core.seeding import set_m2m, upsert
from followup.seeding import load_demo as load_demo_followup
from governorates.models import Governorate
from indicators.models import (
    Disaggregation,
    FrameworkReference,
    Indicator,
    ReportingPeriod,
    Target,
)
from pillars.models import Pillar
from policy import demo_plan
from policy.models import (
    Activity,
    ActivityPartner,
    Entity,
    Funding,
    FundingSourceType,
    Objective,
    Policy,
    Theme,
    VulnerableGroup,
)
from reporting.demo import demo_due_dates, load_demo_history, load_demo_reports

DEMO_PASSWORD = "demo12345"
POLICY_CODE = "np-2021-2024"
REASON = "Demo data"

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


def _titles(t):
    return {"title_en": t["en"], "title_ar": t["ar"], "title_ckb": t["ckb"]}


def _quarters(first_year, last_year):
    for year in range(first_year, last_year + 1):
        for q in range(1, 5):
            start = datetime.date(year, 3 * q - 2, 1)
            end = datetime.date(year + (q == 4), (3 * q) % 12 + 1, 1) - datetime.timedelta(days=1)
            yield f"{year}-Q{q}", start, end


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
            policy = self.load_policy()
            periods = self.load_periods(policy)
            self.load_plan(policy, periods)
            self.load_users()
        reports = load_demo_reports(policy) + load_demo_history(policy)
        reports += load_demo_followup(policy)
        from analytics import figures  # the demo's reports were written past the services

        figures.refresh(policy_ids=[policy.pk])
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

    def put(self, model, lookup, defaults):
        instance, outcome = upsert(model, lookup, defaults, reason=REASON)
        self.counts[outcome] = self.counts.get(outcome, 0) + 1
        return instance

    def load_policy(self):
        return self.put(
            Policy,
            {"code": POLICY_CODE},
            {
                "title_en": "National Policy for Empowerment of Iraqi Women",
                "title_ar": "السياسة الوطنية لتمكين المرأة العراقية",
                "title_ckb": "سیاسەتی نیشتمانی بۆ بەهێزکردنی ئافرەتانی عێراق",
                "start_year": 2021,
                "end_year": 2024,
                "status": Policy.Status.ACTIVE,
                "owner": Entity.objects.get(code="wed"),
                "is_published": True,
                "description": (
                    "The umbrella plan for all programmes on Iraqi women, derived from the Women, "
                    "Peace and Security agenda (UNSCR 1325). Demo content built from the outcomes "
                    "of the civil-society conference of 26 September 2020 in Baghdad."
                ),
            },
        )

    def load_periods(self, policy):
        periods = {}
        open_due = demo_due_dates()  # the last two quarters are open: reporters have work
        for label, start, end in _quarters(policy.start_year, policy.end_year):
            status = (
                ReportingPeriod.Status.OPEN if label in open_due else ReportingPeriod.Status.CLOSED
            )
            periods[label] = self.put(
                ReportingPeriod,
                {"policy": policy, "label": label},
                {
                    "start_date": start,
                    "end_date": end,
                    "due_date": open_due.get(label, end + datetime.timedelta(days=30)),
                    "status": status,
                },
            )
        return periods

    def load_plan(self, policy, periods):
        self.entities = {e.code: e for e in Entity.objects.all()}
        self.governorates = {g.code: g for g in Governorate.objects.all()}
        self.groups = {g.code: g for g in VulnerableGroup.objects.all()}
        self.themes = {t.code: t for t in Theme.objects.all()}
        self.disaggregations = {d.code: d for d in Disaggregation.objects.all()}
        self.sources = {s.code: s for s in FundingSourceType.objects.all()}
        self.references = {r.key: r for r in FrameworkReference.objects.all()}
        pillars = {p.code: p for p in Pillar.objects.all()}
        for data in demo_plan.OBJECTIVES:
            objective = self.put(
                Objective,
                {"policy": policy, "code": data["code"]},
                {
                    "pillar": pillars[data["pillar"]],
                    **_titles(data["title"]),
                },
            )
            for ind in data.get("indicators", []):
                self.load_indicator(policy, periods, ind, objective=objective)
            for act in data["activities"]:
                activity = self.load_activity(objective, act)
                for ind in act.get("indicators", []):
                    self.load_indicator(policy, periods, ind, activity=activity, where=act)

    def load_activity(self, objective, data):
        nationwide = data["governorates"] == "nationwide"
        activity = self.put(
            Activity,
            {"objective": objective, "code": data["code"]},
            {
                **_titles(data["title"]),
                "lead_entity": self.entities[data["lead"]],
                "is_nationwide": nationwide,
                "start_date": datetime.date.fromisoformat(data["start"]),
                "end_date": datetime.date.fromisoformat(data["end"]),
                "status": data["status"],
                "planned_budget": Decimal(data["budget"]),
                "currency": data["currency"],
            },
        )
        govs = [] if nationwide else [self.governorates[c] for c in data["governorates"]]
        set_m2m(activity.governorates, govs)
        set_m2m(activity.target_groups, [self.groups[c] for c in data.get("groups", [])])
        set_m2m(activity.themes, [self.themes[c] for c in data.get("themes", [])])
        for code, role in data.get("partners", []):
            self.put(
                ActivityPartner,
                {"activity": activity, "entity": self.entities[code]},
                {"role": role},
            )
        for line in data.get("funding", []):
            funder = self.entities[line["funder"]] if line.get("funder") else None
            self.put(
                Funding,
                {
                    "activity": activity,
                    "source_type": self.sources[line["source"]],
                    "funder": funder,
                    "year": line["year"],
                },
                {
                    "currency": data["currency"],
                    "planned": Decimal(line["planned"]),
                    "committed": Decimal(line["committed"]),
                    "disbursed": Decimal(line["disbursed"]),
                },
            )
        return activity

    def load_indicator(self, policy, periods, data, objective=None, activity=None, where=None):
        indicator = self.put(
            Indicator,
            {"policy": policy, "code": data["code"]},
            {
                "objective": objective,
                "activity": activity,
                **_titles(data["title"]),
                "unit": data["unit"],
                "direction": data.get("direction", Indicator.Direction.INCREASE),
                "baseline_value": Decimal(str(data["baseline"])),
                "baseline_year": data.get("baseline_year", 2020),
                "data_source": data.get("data_source", ""),
                "frequency": data.get("frequency", Indicator.Frequency.QUARTERLY),
                "aggregation": data.get("aggregation", Indicator.Aggregation.SUM),
                "responsible_entity": (
                    self.entities[data["responsible"]] if data.get("responsible") else None
                ),
                "is_sensitive": data.get("sensitive", False),
            },
        )
        set_m2m(
            indicator.disaggregations,
            [self.disaggregations[c] for c in data.get("disaggregations", [])],
        )
        set_m2m(
            indicator.framework_references,
            [self.references[k] for k in demo_plan.FRAMEWORK_REFERENCES.get(data["code"], [])],
        )
        self.load_targets(indicator, periods, data, where)

    def load_targets(self, indicator, periods, data, where):
        """Year-end national targets on a straight line from the baseline to the final target,
        and the final target split across the governorates of a local activity."""
        baseline, final = Decimal(str(data["baseline"])), Decimal(str(data["target"]))
        years = (2021, 2022, 2023, 2024)
        for i, year in enumerate(years, 1):
            value = baseline + (final - baseline) * i / len(years)
            if data["unit"] in ("number", "yes_no", "amount"):
                value = value.quantize(Decimal("1"))
            else:
                value = value.quantize(Decimal("0.1"))
            self.put(
                Target,
                {"indicator": indicator, "period": periods[f"{year}-Q4"], "governorate": None},
                {"value": value},
            )
        if where and where["governorates"] != "nationwide" and data["unit"] == "number":
            codes = where["governorates"]
            share = (final / len(codes)).quantize(Decimal("1"))
            for code in codes:
                self.put(
                    Target,
                    {
                        "indicator": indicator,
                        "period": periods["2024-Q4"],
                        "governorate": self.governorates[code],
                    },
                    {"value": share},
                )

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
                if username == "director":
                    user.is_staff = user.is_superuser = True
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
