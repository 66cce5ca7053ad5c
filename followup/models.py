"""The policy's follow-up mechanisms beyond its activities (issue 7, ../shared/source):

- the legislation tracker: legal instruments and the dated stages they pass;
- the recommendations register: what a conference or report recommended or concluded, who it
  is addressed to, its follow-up status and dated follow-up notes;
- civil-society shadow monitoring: an organisation's own assessment of an activity or a
  recommendation for a period, beside the official record and never overwritten by it, with
  the Directorate's reply.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.i18n import TitleTranslations, translated
from core.models import Timestamped
from indicators.models import ReportingPeriod
from pillars.models import Pillar
from policy.models import Activity, Entity, Objective


class Government(models.TextChoices):
    FEDERAL = "federal", _("Federal government of Iraq")
    KURDISTAN = "kurdistan", _("Kurdistan Regional Government")


class Stage(models.TextChoices):
    """The stages a legal instrument passes, in order, then the two that stop it."""

    DRAFTING = "drafting", _("Drafting")
    CABINET = "cabinet", _("Council of Ministers")
    FIRST_READING = "first_reading", _("First reading in parliament")
    SECOND_READING = "second_reading", _("Second reading in parliament")
    VOTE = "vote", _("Voted by parliament")
    RATIFICATION = "ratification", _("Ratified")
    GAZETTE = "gazette", _("Published in the Official Gazette")
    REGULATIONS = "regulations", _("Implementing regulations issued")
    STALLED = "stalled", _("Stalled")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# The road from a draft to a law in force; STALLED and WITHDRAWN are off the road.
STAGE_ORDER = [
    Stage.DRAFTING,
    Stage.CABINET,
    Stage.FIRST_READING,
    Stage.SECOND_READING,
    Stage.VOTE,
    Stage.RATIFICATION,
    Stage.GAZETTE,
    Stage.REGULATIONS,
]


def stage_label(stage, government):
    """A stage's name for an instrument: the Kurdistan Region has its own cabinet."""
    if stage == Stage.CABINET and government == Government.KURDISTAN:
        return _("KRG Council of Ministers")
    return Stage(stage).label if stage else ""


class LegalInstrument(TitleTranslations, Timestamped):
    """A law to adopt, a law to amend, a by-law or a regulation the policy calls for."""

    class Kind(models.TextChoices):
        LAW = "law", _("New law")
        AMENDMENT = "amendment", _("Amendment")
        BYLAW = "bylaw", _("By-law")
        REGULATION = "regulation", _("Regulation")

    code = models.SlugField(_("code"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    subject = models.TextField(
        _("subject"), blank=True, help_text=_("What the instrument is about, in a few lines.")
    )
    government = models.CharField(
        _("government"), max_length=10, choices=Government.choices, default=Government.FEDERAL
    )
    pillar = models.ForeignKey(
        Pillar, on_delete=models.PROTECT, related_name="legal_instruments", verbose_name=_("pillar")
    )
    objectives = models.ManyToManyField(
        Objective, blank=True, related_name="legal_instruments", verbose_name=_("objectives")
    )
    responsible_entity = models.ForeignKey(
        Entity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="legal_instruments",
        verbose_name=_("responsible entity"),
    )
    # The latest recorded stage, kept by followup.services.legal_stage_record.
    stage = models.CharField(_("stage"), max_length=16, choices=Stage.choices, blank=True)
    stage_date = models.DateField(_("at this stage since"), null=True, blank=True)
    history = HistoricalRecords(m2m_fields=[objectives])

    class Meta:
        ordering = ["code"]
        verbose_name = _("legal instrument")
        verbose_name_plural = _("legal instruments")
        permissions = [
            ("import_legalinstrument", _("Can import legal instruments from a spreadsheet"))
        ]

    def __str__(self):
        return self.title

    @property
    def stage_name(self):
        return stage_label(self.stage, self.government)


class LegalStageEvent(Timestamped):
    """One dated step of an instrument, with the source that says so. Never edited: a
    correction is a new step (a step back needs a reason)."""

    instrument = models.ForeignKey(
        LegalInstrument,
        on_delete=models.CASCADE,
        related_name="stages",
        verbose_name=_("legal instrument"),
    )
    stage = models.CharField(_("stage"), max_length=16, choices=Stage.choices)
    date = models.DateField(_("date"))
    source = models.CharField(
        _("source"),
        max_length=500,
        help_text=_("Where this is recorded: a gazette issue, a decision, a report, a page."),
    )
    source_url = models.URLField(_("source address"), max_length=500, blank=True)
    note = models.TextField(_("note"), blank=True)
    reason = models.TextField(
        _("reason"), blank=True, help_text=_("Required when the instrument goes back a stage.")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    history = HistoricalRecords()

    class Meta:
        permissions = [
            ("import_legalstageevent", _("Can import legal stage events from a spreadsheet"))
        ]
        ordering = ["date", "pk"]
        verbose_name = _("stage of a legal instrument")
        verbose_name_plural = _("stages of legal instruments")

    def __str__(self):
        return f"{self.instrument.code}: {self.stage_name} ({self.date})"

    @property
    def stage_name(self):
        return stage_label(self.stage, self.instrument.government)


class SourceEvent(TitleTranslations, Timestamped):
    """A conference, a meeting or a report whose recommendations are followed up."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    organiser = models.ForeignKey(
        Entity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organiser"),
    )
    reference = models.CharField(
        _("reference"), max_length=500, blank=True, help_text=_("The document it comes from.")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "code"]
        verbose_name = _("source event")
        verbose_name_plural = _("source events")
        permissions = [("import_sourceevent", _("Can import source events from a spreadsheet"))]

    def __str__(self):
        return f"{self.title} ({self.date})"


class FollowUpStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    PARTIAL = "partial", _("Partially implemented")
    IMPLEMENTED = "implemented", _("Implemented")
    NOT_ACCEPTED = "not_accepted", _("Not accepted")


class Recommendation(Timestamped):
    """A recommendation or a conclusion of a source event, in three languages."""

    class Kind(models.TextChoices):
        RECOMMENDATION = "recommendation", _("Recommendation")
        CONCLUSION = "conclusion", _("Conclusion")

    source = models.ForeignKey(
        SourceEvent,
        on_delete=models.PROTECT,
        related_name="recommendations",
        verbose_name=_("source event"),
    )
    code = models.SlugField(_("code"), max_length=40)
    kind = models.CharField(
        _("kind"), max_length=16, choices=Kind.choices, default=Kind.RECOMMENDATION
    )
    section_en = models.CharField(_("section (English)"), max_length=200, blank=True)
    section_ar = models.CharField(_("section (Arabic)"), max_length=200, blank=True)
    section_ckb = models.CharField(_("section (Kurdish)"), max_length=200, blank=True)
    text_en = models.TextField(_("text (English)"))
    text_ar = models.TextField(_("text (Arabic)"), blank=True)
    text_ckb = models.TextField(_("text (Kurdish)"), blank=True)
    pillar = models.ForeignKey(
        Pillar,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="recommendations",
        verbose_name=_("pillar"),
    )
    addressee = models.ForeignKey(
        Entity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="recommendations",
        verbose_name=_("addressed to"),
    )
    activities = models.ManyToManyField(
        Activity, blank=True, related_name="recommendations", verbose_name=_("linked activities")
    )
    status = models.CharField(
        _("follow-up status"),
        max_length=14,
        choices=FollowUpStatus.choices,
        default=FollowUpStatus.NOT_STARTED,
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords(m2m_fields=[activities])

    class Meta:
        ordering = ["source", "order", "code"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        permissions = [
            ("import_recommendation", _("Can import recommendations from a spreadsheet"))
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "code"],
                name="recommendation_code_unique_in_source",
                violation_error_message=_(
                    "This source already has a recommendation with this code."
                ),
            )
        ]

    def __str__(self):
        text = self.text
        return f"{self.code}: {text[:80]}{'…' if len(text) > 80 else ''}"

    @property
    def text(self):
        return translated(self, "text")

    @property
    def section(self):
        return translated(self, "section")


def followup_file_path(instance, filename):
    # A random name: the original one is kept in a field, never used on disk.
    return f"followup/{uuid.uuid4().hex}"


class WithEvidence(models.Model):
    """An optional evidence file, stored under a random name; its own name kept for people."""

    evidence = models.FileField(
        _("evidence file"), upload_to=followup_file_path, max_length=255, blank=True
    )
    evidence_name = models.CharField(_("file name"), max_length=255, blank=True)

    class Meta:
        abstract = True


class FollowUpNote(WithEvidence, Timestamped):
    """A dated step in the follow-up of a recommendation, with the status it leaves."""

    recommendation = models.ForeignKey(
        Recommendation,
        on_delete=models.CASCADE,
        related_name="notes",
        verbose_name=_("recommendation"),
    )
    date = models.DateField(_("date"))
    status = models.CharField(_("follow-up status"), max_length=14, choices=FollowUpStatus.choices)
    text = models.TextField(_("note"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("written by"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("follow-up note")
        verbose_name_plural = _("follow-up notes")

    def __str__(self):
        return f"{self.recommendation.code} {self.date}"


class Rating(models.IntegerChoices):
    """Civil society's scale, the same for activities and recommendations."""

    NOT_IMPLEMENTED = 1, _("Not implemented")
    LIMITED = 2, _("Limited progress")
    PARTLY = 3, _("Partly implemented")
    LARGELY = 4, _("Largely implemented")
    FULLY = 5, _("Fully implemented")


class Assessment(WithEvidence, Timestamped):
    """A civil-society organisation's own assessment of an activity or a recommendation for a
    period. It stands beside the official record; approvals never change it."""

    organisation = models.ForeignKey(
        Entity,
        on_delete=models.PROTECT,
        related_name="assessments",
        verbose_name=_("organisation"),
    )
    activity = models.ForeignKey(
        Activity,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="assessments",
        verbose_name=_("activity"),
    )
    recommendation = models.ForeignKey(
        Recommendation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="assessments",
        verbose_name=_("recommendation"),
    )
    period = models.ForeignKey(
        ReportingPeriod,
        on_delete=models.PROTECT,
        related_name="assessments",
        verbose_name=_("period"),
    )
    rating = models.PositiveSmallIntegerField(_("rating"), choices=Rating.choices)
    narrative = models.TextField(_("assessment"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("written by"),
    )
    reply = models.TextField(_("the Directorate's reply"), blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("replied by"),
    )
    replied_at = models.DateTimeField(_("replied"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-period__start_date", "pk"]
        verbose_name = _("civil-society assessment")
        verbose_name_plural = _("civil-society assessments")
        constraints = [
            models.CheckConstraint(
                condition=(Q(activity__isnull=False) & Q(recommendation__isnull=True))
                | (Q(activity__isnull=True) & Q(recommendation__isnull=False)),
                name="assessment_of_one_thing",
                violation_error_message=_("Assess either an activity or a recommendation."),
            ),
            models.UniqueConstraint(
                fields=["organisation", "activity", "period"],
                condition=Q(activity__isnull=False),
                name="assessment_unique_per_activity",
                violation_error_message=_(
                    "Your organisation has already assessed this activity for this period."
                ),
            ),
            models.UniqueConstraint(
                fields=["organisation", "recommendation", "period"],
                condition=Q(recommendation__isnull=False),
                name="assessment_unique_per_recommendation",
                violation_error_message=_(
                    "Your organisation has already assessed this recommendation for this period."
                ),
            ),
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=5),
                name="assessment_rating_on_the_scale",
            ),
        ]

    def __str__(self):
        return f"{self.organisation} · {self.subject} · {self.period}"

    @property
    def subject(self):
        return self.activity if self.activity_id else self.recommendation
