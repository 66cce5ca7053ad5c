import uuid

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import Timestamped
from governorates.models import Governorate
from indicators.models import NEGATIVE, PERCENT_RANGE, VALUE_MIN, Indicator, ReportingPeriod
from policy.models import Activity, Entity, VulnerableGroup

# The longest a report's written parts may be, in characters: the same on the web form, the
# API and the model, so no path takes what another refuses.
TEXT_LIMIT = 20_000
COMMENT_LIMIT = 5_000
# How much of an activity is done lies in indicators.models.PERCENT_RANGE; said in these words
# by the constraint below and by the report workbook's save (services.reports_bulk_save).
PERCENT_COMPLETE_OUTSIDE = _("Percent complete lies between 0 and 100.")


def _text(label, limit=TEXT_LIMIT):
    """A free-text field of at most `limit` characters. A validator, not max_length: that
    would make SQLite rebuild the table, which its lock triggers refer to."""
    return models.TextField(label, blank=True, validators=[MaxLengthValidator(limit)])


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for changes")
    APPROVED = "approved", _("Approved")


class ProgressReport(models.Model):
    """What one entity did on one activity in one reporting period."""

    activity = models.ForeignKey(
        Activity, on_delete=models.PROTECT, related_name="reports", verbose_name=_("activity")
    )
    entity = models.ForeignKey(
        Entity, on_delete=models.PROTECT, related_name="reports", verbose_name=_("reporting entity")
    )
    period = models.ForeignKey(
        ReportingPeriod, on_delete=models.PROTECT, related_name="reports", verbose_name=_("period")
    )
    governorate = models.ForeignKey(
        Governorate,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("governorate"),
        help_text=_("Set when a governorate office reports for its governorate only."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    activity_status = models.CharField(
        _("activity status"), max_length=15, choices=Activity.Status.choices, blank=True
    )
    percent_complete = models.PositiveSmallIntegerField(
        _("percent complete"), null=True, blank=True
    )
    achievements = _text(_("achievements"))
    challenges = _text(_("challenges"))
    next_steps = _text(_("next steps"))
    # Optimistic locking: every write states the version it started from.
    version = models.PositiveIntegerField(_("version"), default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-period__start_date", "activity__code"]
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "entity", "period", "governorate"],
                condition=Q(governorate__isnull=False),
                name="report_unique_per_governorate",
                violation_error_message=_("This report already exists."),
            ),
            models.UniqueConstraint(
                fields=["activity", "entity", "period"],
                condition=Q(governorate__isnull=True),
                name="report_unique",
                violation_error_message=_("This report already exists."),
            ),
            models.CheckConstraint(
                condition=Q(percent_complete__isnull=True)
                | Q(percent_complete__lte=PERCENT_RANGE[1]),
                name="report_percent_at_most_100",
                violation_error_message=PERCENT_COMPLETE_OUTSIDE,
            ),
            models.CheckConstraint(
                condition=Q(status__in=ReportStatus.values),
                name="report_status_valid",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "period"], name="report_status_period_idx"),
            models.Index(fields=["entity", "period"], name="report_entity_period_idx"),
        ]

    def __str__(self):
        return f"{self.activity.code} · {self.period} · {self.entity}"

    @property
    def is_locked(self):
        return self.status == ReportStatus.APPROVED

    @property
    def is_editable(self):
        return self.status in (ReportStatus.DRAFT, ReportStatus.RETURNED)


class ReportEvent(models.Model):
    """The report's timeline: created, submitted, returned (with comment), approved, reopened."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Created")
        SUBMITTED = "submitted", _("Submitted")
        COMMENTED = "commented", _("Commented")
        RETURNED = "returned", _("Returned for changes")
        APPROVED = "approved", _("Approved")
        REOPENED = "reopened", _("Reopened")

    report = models.ForeignKey(
        ProgressReport, on_delete=models.CASCADE, related_name="events", verbose_name=_("report")
    )
    kind = models.CharField(_("what"), max_length=10, choices=Kind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("who")
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)
    comment = _text(_("comment"), COMMENT_LIMIT)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("report event")
        verbose_name_plural = _("report events")

    def __str__(self):
        return f"{self.get_kind_display()} {self.at:%Y-%m-%d %H:%M}"


class AgeBand(models.TextChoices):
    CHILD = "0-17", _("Under 18")
    YOUNG = "18-29", _("18 to 29")
    ADULT = "30-59", _("30 to 59")
    OLDER = "60+", _("60 and over")


class Sex(models.TextChoices):
    FEMALE = "female", _("Women and girls")
    MALE = "male", _("Men and boys")


class PeopleReached(models.Model):
    """A count of people reached: either by sex and age band, or of one vulnerable group."""

    report = models.ForeignKey(
        ProgressReport, on_delete=models.CASCADE, related_name="people", verbose_name=_("report")
    )
    sex = models.CharField(_("sex"), max_length=6, choices=Sex.choices, blank=True)
    age_band = models.CharField(_("age band"), max_length=5, choices=AgeBand.choices, blank=True)
    vulnerable_group = models.ForeignKey(
        VulnerableGroup,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vulnerable group"),
    )
    count = models.PositiveIntegerField(_("people"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("people reached")
        verbose_name_plural = _("people reached")
        constraints = [
            models.CheckConstraint(
                condition=(Q(vulnerable_group__isnull=True) & ~Q(sex="") & ~Q(age_band=""))
                | (Q(vulnerable_group__isnull=False) & Q(sex="") & Q(age_band="")),
                name="people_reached_one_breakdown",
            ),
            models.UniqueConstraint(
                fields=["report", "sex", "age_band"],
                condition=Q(vulnerable_group__isnull=True),
                name="people_reached_unique_sex_age",
            ),
            models.UniqueConstraint(
                fields=["report", "vulnerable_group"],
                condition=Q(vulnerable_group__isnull=False),
                name="people_reached_unique_group",
            ),
        ]

    def __str__(self):
        what = self.vulnerable_group or f"{self.get_sex_display()} {self.get_age_band_display()}"
        return f"{what}: {self.count}"


class IndicatorValue(Timestamped):
    """A reported value of an indicator, for a governorate or nationally (no governorate)."""

    report = models.ForeignKey(
        ProgressReport, on_delete=models.CASCADE, related_name="values", verbose_name=_("report")
    )
    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="values", verbose_name=_("indicator")
    )
    governorate = models.ForeignKey(
        Governorate,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indicator_values",
        verbose_name=_("governorate"),
    )
    # Empty when the reporter answered "not available" (the note then says why, if they did):
    # such a value is neither missing from the report nor part of any figure.
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=4, null=True, blank=True)
    not_available = models.BooleanField(
        _("not available"),
        default=False,
        help_text=_("The reporter could not get this figure; the note says why."),
    )
    note = models.CharField(_("note"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "indicator", "governorate"],
                condition=Q(governorate__isnull=False),
                name="value_unique_per_governorate",
            ),
            models.UniqueConstraint(
                fields=["report", "indicator"],
                condition=Q(governorate__isnull=True),
                name="value_unique_national",
            ),
            models.CheckConstraint(
                condition=Q(value__gte=VALUE_MIN),
                name="value_not_negative",
                violation_error_message=NEGATIVE,
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=False, not_available=False)
                | Q(value__isnull=True, not_available=True),
                name="value_given_or_not_available",
            ),
        ]
        indexes = [
            models.Index(fields=["indicator", "governorate"], name="value_indicator_gov_idx"),
        ]

    def __str__(self):
        if self.not_available:
            return f"{self.indicator.code}: {_('not available')}"
        return f"{self.indicator.code}: {self.value}"


def evidence_path(instance, filename):
    # A random name: the original one is kept in a field, never used on disk.
    return f"evidence/{instance.report_id}/{uuid.uuid4().hex}"


class Evidence(models.Model):
    report = models.ForeignKey(
        ProgressReport, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("report")
    )
    file = models.FileField(_("file"), upload_to=evidence_path, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")

    def __str__(self):
        return self.original_name
