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

    class Meta:
        default_permissions = ()
        indexes = [
            models.Index(fields=["generation", "policy", "period", "governorate"]),
            models.Index(fields=["generation", "indicator"]),
        ]

    def __str__(self):
        return f"{self.indicator_id} {self.period_id} {self.governorate_id}: {self.status}"
