import datetime
import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.i18n import NameTranslations, TitleTranslations
from core.models import Timestamped
from governorates.models import Governorate
from policy.models import Activity, Entity, Objective, Policy

# The range of a number (a baseline, a target, a reported value, how much of an activity is
# done): reported values and targets are never negative, and a percentage lies between 0 and
# 100. The forms, the API's serializers, the workbooks and the services take these; the check
# constraints (here and in reporting/models.py) hold them in the database.
VALUE_MIN = 0
PERCENT_RANGE = (VALUE_MIN, 100)
NEGATIVE = _("A value cannot be negative.")
PERCENT_OUTSIDE = _("A percentage lies between 0 and 100.")


def value_range(unit) -> tuple:
    """(lowest, highest) a number of an indicator of `unit` takes; highest None: no limit."""
    highest = {Indicator.Unit.PERCENT: PERCENT_RANGE[1], Indicator.Unit.YES_NO: 1}.get(unit)
    return VALUE_MIN, highest


def is_percent(value) -> bool:
    return PERCENT_RANGE[0] <= value <= PERCENT_RANGE[1]


def range_problem(unit, value, negative=NEGATIVE) -> str | None:
    """Why `value` (a reported value or a target) is out of range for `unit`: negative (the
    `negative` message), or a percentage above 100; None when it is in range. Yes or no takes
    0 or 1 (reporting.services.value_problem says so in its own words)."""
    if value is None:
        return None
    if value < VALUE_MIN:
        return negative
    if unit == Indicator.Unit.PERCENT and not is_percent(value):
        return PERCENT_OUTSIDE
    return None


class Disaggregation(NameTranslations):
    """A dimension an indicator must be reported by: sex, age band, vulnerable group ..."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        permissions = [
            ("import_disaggregation", _("Can import disaggregations from a spreadsheet"))
        ]
        ordering = ["order", "name_en"]
        verbose_name = _("disaggregation")
        verbose_name_plural = _("disaggregations")

    def __str__(self):
        return self.name


class FrameworkReference(TitleTranslations, Timestamped):
    """An entry of an external framework an indicator can refer to: a UN global indicator for
    resolution 1325 (report S/2010/498), an SDG target, a CEDAW article.

    Reference data: `manage.py seed_reference` loads the list from policy/data/reference.xlsx,
    each entry with the source it is quoted from (`source`, required)."""

    class Framework(models.TextChoices):
        UNSCR_1325 = "unscr1325", _("UN global indicators for resolution 1325 (S/2010/498)")
        SDG = "sdg", _("SDG target")
        CEDAW = "cedaw", _("CEDAW article")

    framework = models.CharField(_("framework"), max_length=12, choices=Framework.choices)
    code = models.CharField(
        _("code"), max_length=30, help_text=_("For example 5.5, 16.7, Art. 7 or 11a.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    source = models.TextField(
        _("source"), help_text=_("Where the wording comes from: document symbol, year, page.")
    )
    url = models.URLField(_("address (URL)"), max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["framework", "order", "code"]
        verbose_name = _("framework reference")
        verbose_name_plural = _("framework references")
        permissions = [
            ("import_frameworkreference", _("Can import framework references from a spreadsheet"))
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "code"],
                name="framework_reference_unique_code",
                violation_error_message=_("This framework already has an entry with this code."),
            ),
        ]

    def __str__(self):
        return f"{self.get_framework_display()} {self.code}"

    @property
    def key(self) -> str:
        """`sdg:5.5`: the framework and the code, as the API writes a reference."""
        return f"{self.framework}:{self.code}"


class Indicator(TitleTranslations, Timestamped):
    class Unit(models.TextChoices):
        NUMBER = "number", _("Number")
        PERCENT = "percent", _("Percent")
        YES_NO = "yes_no", _("Yes/no")
        AMOUNT = "amount", _("Amount of money")
        TEXT = "text", _("Text")

    class Direction(models.TextChoices):
        INCREASE = "increase", _("Higher is better")
        DECREASE = "decrease", _("Lower is better")

    class Frequency(models.TextChoices):
        QUARTERLY = "quarterly", _("Quarterly")
        SEMIANNUAL = "semiannual", _("Every six months")
        ANNUAL = "annual", _("Annual")
        ONCE = "once", _("Once, at the end")

    class Aggregation(models.TextChoices):
        SUM = "sum", _("Sum")
        AVERAGE = "average", _("Average")
        LATEST = "latest", _("Latest value")

    policy = models.ForeignKey(
        Policy, on_delete=models.PROTECT, related_name="indicators", verbose_name=_("policy")
    )
    objective = models.ForeignKey(
        Objective,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("objective"),
        help_text=_("For an outcome indicator. Fill in the objective or the activity, not both."),
    )
    activity = models.ForeignKey(
        Activity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("activity"),
        help_text=_("For an output indicator."),
    )
    code = models.CharField(_("code"), max_length=30)
    definition = models.TextField(_("definition"), blank=True)
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices)
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.INCREASE
    )
    baseline_value = models.DecimalField(
        _("baseline value"), max_digits=18, decimal_places=4, null=True, blank=True
    )
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    data_source = models.CharField(_("data source"), max_length=255, blank=True)
    frequency = models.CharField(
        _("frequency"), max_length=12, choices=Frequency.choices, default=Frequency.QUARTERLY
    )
    aggregation = models.CharField(
        _("aggregation"), max_length=10, choices=Aggregation.choices, default=Aggregation.SUM
    )
    disaggregations = models.ManyToManyField(
        Disaggregation, blank=True, related_name="indicators", verbose_name=_("disaggregations")
    )
    responsible_entity = models.ForeignKey(
        Entity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="responsible_indicators",
        verbose_name=_("responsible entity"),
        help_text=_("Reports an outcome indicator; its value stands for percentages and yes/no."),
    )
    is_sensitive = models.BooleanField(
        _("sensitive (protection/GBV)"),
        default=False,
        help_text=_("Small numbers are suppressed on public pages."),
    )
    framework_references = models.ManyToManyField(
        FrameworkReference,
        blank=True,
        related_name="indicators",
        verbose_name=_("framework references"),
        help_text=_("SDG targets, CEDAW articles and 1325 global indicators this one serves."),
    )
    carried_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="carried_to",
        verbose_name=_("carried over from"),
        help_text=_("The same indicator in the predecessor plan: its figures are compared."),
    )
    history = HistoricalRecords(m2m_fields=[disaggregations, framework_references])

    class Meta:
        ordering = ["policy", "code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        permissions = [("import_indicator", _("Can import indicators from a spreadsheet"))]
        constraints = [
            models.UniqueConstraint(
                fields=["policy", "code"],
                name="indicator_code_unique_in_policy",
                violation_error_message=_("This policy already has an indicator with this code."),
            ),
            models.CheckConstraint(
                condition=(Q(objective__isnull=False) & Q(activity__isnull=True))
                | (Q(objective__isnull=True) & Q(activity__isnull=False)),
                name="indicator_attached_to_objective_or_activity",
                violation_error_message=_(
                    "An indicator belongs to an objective or to an activity (one of the two)."
                ),
            ),
            models.CheckConstraint(
                condition=Q(baseline_year__isnull=True)
                | Q(baseline_year__gte=1990, baseline_year__lte=2100),
                name="indicator_baseline_year_plausible",
                violation_error_message=_("The baseline year must lie between 1990 and 2100."),
            ),
            models.CheckConstraint(
                condition=~Q(unit="percent")
                | Q(baseline_value__isnull=True)
                | Q(baseline_value__gte=PERCENT_RANGE[0], baseline_value__lte=PERCENT_RANGE[1]),
                name="indicator_percent_baseline_in_range",
                violation_error_message=PERCENT_OUTSIDE,
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.title}"

    def clean(self):
        errors = {}
        if self.objective_id and self.policy_id and self.objective.policy_id != self.policy_id:
            errors["objective"] = _("The objective belongs to another policy.")
        if (
            self.activity_id
            and self.policy_id
            and self.activity.objective.policy_id != self.policy_id
        ):
            errors["activity"] = _("The activity belongs to another policy.")
        if self.baseline_year is not None and not 1990 <= self.baseline_year <= 2100:
            errors["baseline_year"] = _("The baseline year must lie between 1990 and 2100.")
        if (
            self.unit == self.Unit.PERCENT
            and self.baseline_value is not None
            and not is_percent(self.baseline_value)
        ):
            errors["baseline_value"] = PERCENT_OUTSIDE
        if self.carried_from_id and self.policy_id:
            predecessor = self.policy.predecessor_id
            if predecessor is None or self.carried_from.policy_id != predecessor:
                errors["carried_from"] = _(
                    "An indicator is carried over from the predecessor of its plan."
                )
        errors.update(self._approved_data_rules())
        if errors:
            raise ValidationError(errors)

    def _approved_data_rules(self) -> dict:
        """What approved values forbid: no longer sensitive would publish their small numbers
        at once, and another unit would reread them (a count as a percentage escapes the
        small-number rule). Becoming sensitive only hides more, so it is allowed."""
        if self.pk is None:
            return {}
        # An import read the stored row already (core/importing.py): no query a row.
        stored = getattr(self, "_stored_values", None)
        before = (
            {"is_sensitive": stored["is_sensitive"], "unit": stored["unit"]}
            if stored
            else Indicator.objects.filter(pk=self.pk).values("is_sensitive", "unit").first()
        )
        if before is None:
            return {}
        weakened = before["is_sensitive"] and not self.is_sensitive
        if not (weakened or before["unit"] != self.unit):
            return {}
        if not self.values.filter(report__status="approved").exists():
            return {}
        if weakened:
            return {
                "is_sensitive": _(
                    "This indicator has approved values: visitors would see their small numbers "
                    "at once. Reopen its approved reports first, or keep it sensitive."
                )
            }
        return {
            "unit": _(
                "This indicator has approved values in its present unit. Reopen its approved "
                "reports first, so that their values are checked in the new unit."
            )
        }


QUARTER_LABEL = re.compile(r"^(?P<year>\d{4})-Q(?P<quarter>[1-4])$")


class ReportingPeriod(Timestamped):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Not yet open")
        OPEN = "open", _("Open for reporting")
        CLOSED = "closed", _("Closed")

    policy = models.ForeignKey(
        Policy, on_delete=models.PROTECT, related_name="periods", verbose_name=_("policy")
    )
    label = models.CharField(_("label"), max_length=20, help_text=_("For example 2022-Q3."))
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    due_date = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    history = HistoricalRecords()

    class Meta:
        permissions = [
            ("import_reportingperiod", _("Can import reporting periods from a spreadsheet"))
        ]
        ordering = ["policy", "start_date"]
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        constraints = [
            models.UniqueConstraint(
                fields=["policy", "label"],
                name="period_label_unique_in_policy",
                violation_error_message=_("This policy already has a period with this label."),
            ),
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="period_end_not_before_start",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
            models.CheckConstraint(
                condition=Q(due_date__gte=F("start_date")),
                name="period_due_not_before_start",
                violation_error_message=_("The due date cannot be before the period starts."),
            ),
        ]
        indexes = [models.Index(fields=["status", "due_date"], name="period_status_due_idx")]

    def __str__(self):
        return self.name

    @property
    def name(self):
        """The label for reading, in the page's language: "2024-Q2" is "الربع 2 من 2024" in
        Arabic. The label itself stays the code in addresses, filters and files."""
        quarter = QUARTER_LABEL.match(self.label or "")
        if quarter:
            return _("%(year)s-Q%(quarter)s") % {
                "year": quarter.group("year"),
                "quarter": quarter.group("quarter"),
            }
        return self.label

    def clean(self):
        # Also enforced by a database trigger (migration 0002); here for a readable message.
        if self.policy_id and self.start_date and self.end_date:
            first = datetime.date(self.policy.start_year, 1, 1)
            last = datetime.date(self.policy.end_year, 12, 31)
            if self.start_date < first or self.end_date > last:
                raise ValidationError(
                    _("The period must lie within the policy's years (%(start)s-%(end)s).")
                    % {"start": self.policy.start_year, "end": self.policy.end_year}
                )


class Target(Timestamped):
    """The value an indicator should reach by a period's end, nationally or in a governorate."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="targets", verbose_name=_("indicator")
    )
    period = models.ForeignKey(
        ReportingPeriod, on_delete=models.PROTECT, related_name="targets", verbose_name=_("period")
    )
    governorate = models.ForeignKey(
        Governorate,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="targets",
        verbose_name=_("governorate"),
        help_text=_("Leave empty for a national target."),
    )
    value = models.DecimalField(_("target value"), max_digits=18, decimal_places=4)
    note = models.CharField(_("note"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "period__start_date", "governorate__name_en"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        permissions = [("import_target", _("Can import targets from a spreadsheet"))]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period", "governorate"],
                condition=Q(governorate__isnull=False),
                name="target_unique_per_governorate",
                violation_error_message=_(
                    "This indicator already has a target for this period and governorate."
                ),
            ),
            models.UniqueConstraint(
                fields=["indicator", "period"],
                condition=Q(governorate__isnull=True),
                name="target_unique_national",
                violation_error_message=_(
                    "This indicator already has a national target for this period."
                ),
            ),
            models.CheckConstraint(
                condition=Q(value__gte=VALUE_MIN),
                name="target_value_not_negative",
                violation_error_message=_("A target cannot be negative."),
            ),
        ]
        indexes = [models.Index(fields=["period", "governorate"], name="target_period_gov_idx")]

    def __str__(self):
        where = self.governorate or _("national")
        return f"{self.indicator.code} {self.period}: {self.value} ({where})"

    def clean(self):
        # Also enforced by a database trigger (migration 0002); here for a readable message.
        unit = self.indicator.unit if self.indicator_id else None
        problem = range_problem(unit, self.value, negative=_("A target cannot be negative."))
        if problem:
            raise ValidationError({"value": problem})
        if (
            self.indicator_id
            and self.period_id
            and self.period.policy_id != self.indicator.policy_id
        ):
            raise ValidationError({"period": _("The period belongs to another policy.")})
