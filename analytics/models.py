"""Figures computed ahead of time from approved values, so that pages read a few summary rows
instead of aggregating every value on every view (analytics/figures.py builds them).

Readers use the rows of the current generation only (`FigureState.current`): a full rebuild
(`manage.py refresh_figures`) writes a new generation beside the current one and flips the
pointer in one short transaction, so nobody ever reads a half-built set.
"""

from django.db import models


class FigureState(models.Model):
    """One row (pk 1): which generation of figures readers use, the one being built (if a
    rebuild runs), and a version that changes on every refresh (the pages' cache keys)."""

    current = models.PositiveIntegerField(default=1)
    building = models.PositiveIntegerField(null=True, blank=True)
    version = models.PositiveBigIntegerField(default=1)
    refreshed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        default_permissions = ()

    def __str__(self):
        return f"figures: generation {self.current}, version {self.version}"


class IndicatorFigure(models.Model):
    """A period's figure of an indicator from its approved values (raw._figure): the
    national figure (no governorate), a governorate's, or what nation-wide reports (values
    without a governorate) gave (`unplaced`, never shown but needed by disclosure control)."""

    generation = models.PositiveIntegerField()
    indicator = models.ForeignKey(
        "indicators.Indicator", on_delete=models.CASCADE, related_name="+"
    )
    period = models.ForeignKey(
        "indicators.ReportingPeriod", on_delete=models.CASCADE, related_name="+"
    )
    governorate = models.ForeignKey(
        "governorates.Governorate", on_delete=models.CASCADE, null=True, related_name="+"
    )
    unplaced = models.BooleanField(default=False)
    value = models.DecimalField(max_digits=34, decimal_places=14)

    class Meta:
        default_permissions = ()
        indexes = [models.Index(fields=["generation", "indicator", "period"])]

    def __str__(self):
        return f"{self.indicator_id} {self.period_id} {self.governorate_id}: {self.value}"


class ProgressFigure(models.Model):
    """An indicator's progress at the end of a period (`period`), nationally or in a
    governorate: figure to date, final target, achievement (and capped to 0..1 for roll-ups),
    expected share and status; `hidden` when disclosure control hides the figure to date from
    visitors (and with it the achievement and status). Rows exist for every indicator
    nationally, and in each governorate where it has a target or an approved figure."""

    generation = models.PositiveIntegerField()
    policy = models.ForeignKey("policy.Policy", on_delete=models.CASCADE, related_name="+")
    indicator = models.ForeignKey(
        "indicators.Indicator", on_delete=models.CASCADE, related_name="+"
    )
    period = models.ForeignKey(
        "indicators.ReportingPeriod", on_delete=models.CASCADE, related_name="+"
    )
    governorate = models.ForeignKey(
        "governorates.Governorate", on_delete=models.CASCADE, null=True, related_name="+"
    )
    pillar = models.ForeignKey("pillars.Pillar", on_delete=models.CASCADE, related_name="+")
    objective = models.ForeignKey("policy.Objective", on_delete=models.CASCADE, related_name="+")
    has_target = models.BooleanField(default=False)
    actual = models.DecimalField(max_digits=34, decimal_places=14, null=True)
    target = models.DecimalField(max_digits=18, decimal_places=4, null=True)
    target_label = models.CharField(max_length=30, blank=True)
    achievement = models.DecimalField(max_digits=34, decimal_places=14, null=True)
    capped = models.DecimalField(max_digits=20, decimal_places=14, null=True)
    expected = models.DecimalField(max_digits=20, decimal_places=14)
    status = models.CharField(max_length=10)
    hidden = models.BooleanField(default=False)
    # The order of the pillar page's list (objective, then indicator code), kept here so that
    # a page of it is read in the index's order, fifty rows whatever the size of the plan.
    objective_code = models.CharField(max_length=20, blank=True)
    indicator_code = models.CharField(max_length=30, blank=True)

    class Meta:
        default_permissions = ()
        indexes = [
            models.Index(fields=["generation", "policy", "period", "governorate"]),
            models.Index(fields=["generation", "indicator"]),
            models.Index(
                fields=[
                    "generation",
                    "policy",
                    "period",
                    "pillar",
                    "objective_code",
                    "indicator_code",
                ],
                condition=models.Q(governorate__isnull=True),
                name="progress_pillar_list",
            ),
            models.Index(
                fields=["generation", "policy", "period", "objective", "indicator_code"],
                condition=models.Q(governorate__isnull=True),
                name="progress_objective_list",
            ),
        ]

    def __str__(self):
        return f"{self.indicator_id} {self.period_id} {self.governorate_id}: {self.status}"


class RollupFigure(models.Model):
    """The progress rows (ProgressFigure) of one objective in one place at the end of one
    period, rolled up: how many indicators, how many with data, the sum of their capped
    achievements and how many are in each status, as staff see them and as visitors do
    (figures hidden by disclosure control left out, and counted apart). The second level of
    summary: the overview, the map, the pillar and governorate pages add up a few of these rows
    instead of every indicator's. `targeted`: only the indicators with a target in the place
    (the map's measure); rows for governorates only."""

    generation = models.PositiveIntegerField()
    policy = models.ForeignKey("policy.Policy", on_delete=models.CASCADE, related_name="+")
    period = models.ForeignKey(
        "indicators.ReportingPeriod", on_delete=models.CASCADE, related_name="+"
    )
    governorate = models.ForeignKey(
        "governorates.Governorate", on_delete=models.CASCADE, null=True, related_name="+"
    )
    pillar = models.ForeignKey("pillars.Pillar", on_delete=models.CASCADE, related_name="+")
    objective = models.ForeignKey("policy.Objective", on_delete=models.CASCADE, related_name="+")
    targeted = models.BooleanField(default=False)
    indicators = models.PositiveIntegerField(default=0)
    # As staff see them
    with_data = models.PositiveIntegerField(default=0)
    total = models.DecimalField(max_digits=34, decimal_places=14, default=0)
    on_track = models.PositiveIntegerField(default=0)
    at_risk = models.PositiveIntegerField(default=0)
    off_track = models.PositiveIntegerField(default=0)
    no_data = models.PositiveIntegerField(default=0)
    # As visitors see them
    public_with_data = models.PositiveIntegerField(default=0)
    public_total = models.DecimalField(max_digits=34, decimal_places=14, default=0)
    public_on_track = models.PositiveIntegerField(default=0)
    public_at_risk = models.PositiveIntegerField(default=0)
    public_off_track = models.PositiveIntegerField(default=0)
    public_no_data = models.PositiveIntegerField(default=0)
    hidden = models.PositiveIntegerField(default=0)

    class Meta:
        default_permissions = ()
        indexes = [
            models.Index(fields=["generation", "policy", "period", "governorate"]),
            models.Index(fields=["generation", "objective"]),
        ]

    def __str__(self):
        return f"{self.objective_id} {self.period_id} {self.governorate_id}: {self.indicators}"


class ReportingFigure(models.Model):
    """What one entity owed and sent for one period, nationally (no governorate) or in a
    governorate: reports expected (one per activity it leads or implements that runs in the
    period and covers the place), submitted on time and late (by their first submission
    against the due date), and its reports there by status. Refreshed for the period when a
    report is started, submitted, returned, approved or reopened, and for the whole plan when
    the plan changes (analytics/figures.py); the reporting rates and report counts read these
    rows instead of every report and event."""

    policy = models.ForeignKey("policy.Policy", on_delete=models.CASCADE, related_name="+")
    period = models.ForeignKey(
        "indicators.ReportingPeriod", on_delete=models.CASCADE, related_name="+"
    )
    governorate = models.ForeignKey(
        "governorates.Governorate", on_delete=models.CASCADE, null=True, related_name="+"
    )
    entity = models.ForeignKey("policy.Entity", on_delete=models.CASCADE, related_name="+")
    expected = models.PositiveIntegerField(default=0)
    on_time = models.PositiveIntegerField(default=0)
    late = models.PositiveIntegerField(default=0)
    draft = models.PositiveIntegerField(default=0)
    submitted = models.PositiveIntegerField(default=0)
    returned = models.PositiveIntegerField(default=0)
    approved = models.PositiveIntegerField(default=0)

    class Meta:
        default_permissions = ()
        indexes = [
            models.Index(fields=["period", "governorate"]),
            models.Index(fields=["policy", "governorate"]),
        ]

    def __str__(self):
        return f"{self.entity_id} {self.period_id} {self.governorate_id}: {self.expected}"


class PlaceFigure(models.Model):
    """The plan in one place (no governorate: the whole country): how many activities run
    there (nation-wide ones everywhere). Refreshed with the plan's structure."""

    policy = models.ForeignKey("policy.Policy", on_delete=models.CASCADE, related_name="+")
    governorate = models.ForeignKey(
        "governorates.Governorate", on_delete=models.CASCADE, null=True, related_name="+"
    )
    activities = models.PositiveIntegerField(default=0)

    class Meta:
        default_permissions = ()
        indexes = [models.Index(fields=["policy", "governorate"])]

    def __str__(self):
        return f"{self.policy_id} {self.governorate_id}: {self.activities}"


class BudgetFigure(models.Model):
    """The funding lines of the activities in one place (nation-wide activities count in full
    in every governorate), added up per source type and currency."""

    policy = models.ForeignKey("policy.Policy", on_delete=models.CASCADE, related_name="+")
    governorate = models.ForeignKey(
        "governorates.Governorate", on_delete=models.CASCADE, null=True, related_name="+"
    )
    source_type = models.ForeignKey(
        "policy.FundingSourceType", on_delete=models.CASCADE, related_name="+"
    )
    currency = models.CharField(max_length=3)
    planned = models.DecimalField(max_digits=24, decimal_places=2, default=0)
    committed = models.DecimalField(max_digits=24, decimal_places=2, default=0)
    disbursed = models.DecimalField(max_digits=24, decimal_places=2, default=0)

    class Meta:
        default_permissions = ()
        indexes = [models.Index(fields=["policy", "governorate"])]

    def __str__(self):
        return f"{self.policy_id} {self.governorate_id} {self.source_type_id} {self.currency}"
