from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.i18n import NameTranslations, TitleTranslations
from core.models import Timestamped
from core.templatetags.numbers import money_text
from core.text import join_list
from governorates.models import Governorate
from pillars.models import Pillar


class Currency(models.TextChoices):
    IQD = "IQD", _("Iraqi dinar (IQD)")
    USD = "USD", _("US dollar (USD)")
    EUR = "EUR", _("Euro (EUR)")


class Entity(NameTranslations, Timestamped):
    """A body that leads, implements, funds or follows the plan."""

    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("Ministry")
        DIRECTORATE = "directorate", _("Directorate or department")
        GOVERNORATE_OFFICE = "governorate_office", _("Governorate office")
        PARLIAMENT = "parliament", _("Parliament committee")
        COMMISSION = "commission", _("Independent commission")
        CSO = "cso", _("Civil-society organisation")
        CBO = "cbo", _("Community-based organisation")
        NETWORK = "network", _("Network or alliance")
        UN_AGENCY = "un_agency", _("UN agency")
        DONOR = "donor", _("Donor")
        PRIVATE = "private", _("Private sector")

    class Level(models.TextChoices):
        NATIONAL = "national", _("National")
        LOCAL = "local", _("Local")
        INTERNATIONAL = "international", _("International")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    level = models.CharField(_("level"), max_length=15, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent entity"),
    )
    governorate = models.ForeignKey(
        Governorate,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="entities",
        verbose_name=_("governorate"),
        help_text=_("Required for local entities."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("entity")
        verbose_name_plural = _("entities")
        permissions = [("import_entity", _("Can import entities from a spreadsheet"))]
        constraints = [
            models.CheckConstraint(
                condition=~Q(level="local") | Q(governorate__isnull=False),
                name="entity_local_has_governorate",
                violation_error_message=_("A local entity must name its governorate."),
            ),
        ]
        indexes = [models.Index(fields=["kind", "level"], name="entity_kind_level_idx")]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    @property
    def short_name(self):
        """For narrow columns: the acronym in English (MoH); in Arabic and Kurdish the name,
        since the acronyms are English ones."""
        if self.acronym and get_language() == "en":
            return self.acronym
        return self.name

    def clean(self):
        errors = {}
        if self.level == self.Level.LOCAL and not self.governorate_id:
            errors["governorate"] = _("A local entity must name its governorate.")
        if self.pk and _is_own_ancestor(self):
            errors["parent"] = _("An entity cannot be its own parent, directly or through others.")
        if errors:
            raise ValidationError(errors)


def _is_own_ancestor(obj) -> bool:
    """True when following `parent` from obj comes back to obj (a cycle)."""
    seen, parent = set(), obj.parent
    while parent is not None and parent.pk not in seen:
        if parent.pk == obj.pk:
            return True
        seen.add(parent.pk)
        parent = parent.parent
    return False


def published_q(path="") -> Q:
    """Rows of published plans, the plan reached from the row through `path` (`"policy"`,
    `"objective__policy"`; empty on plans themselves): what visitors who are not signed in may
    see, in the API, the pages and the follow-up record."""
    return Q(**{f"{path}__is_published" if path else "is_published": True})


class PolicyQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_q())


class Policy(TitleTranslations, Timestamped):
    """A plan: the first NAP 1325, the National Policy 2021-2024, its successors."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ACTIVE = "active", _("Active")
        CLOSED = "closed", _("Closed")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    start_year = models.PositiveSmallIntegerField(_("start year"))
    end_year = models.PositiveSmallIntegerField(_("end year"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    owner = models.ForeignKey(
        Entity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="owned_policies",
        verbose_name=_("owning entity"),
    )
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Approved data of a published plan is public.")
    )
    description = models.TextField(_("description"), blank=True)
    predecessor = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="successors",
        verbose_name=_("predecessor plan"),
        help_text=_(
            "The plan this one succeeds; its activities and indicators can be carried over."
        ),
    )
    history = HistoricalRecords()

    objects = PolicyQuerySet.as_manager()

    class Meta:
        permissions = [("import_policy", _("Can import policies from a spreadsheet"))]
        ordering = ["-start_year", "code"]
        verbose_name = _("policy")
        verbose_name_plural = _("policies")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__gte=F("start_year")),
                name="policy_end_not_before_start",
                violation_error_message=_("The end year cannot be before the start year."),
            ),
            models.CheckConstraint(
                condition=Q(start_year__gte=1990, end_year__lte=2100),
                name="policy_years_plausible",
                violation_error_message=_("Years must lie between 1990 and 2100."),
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.start_year}-{self.end_year})"

    def clean(self):
        if self.predecessor_id:
            if self.pk and _is_own_predecessor(self):
                raise ValidationError(
                    {"predecessor": _("A plan cannot succeed itself, directly or through others.")}
                )
            if self.start_year and self.predecessor.start_year > self.start_year:
                raise ValidationError(
                    {"predecessor": _("The predecessor plan cannot start after this one.")}
                )
        # A trigger refuses this too; here the message says what to do.
        if self.pk and self.start_year and self.end_year:
            import datetime

            outside = self.periods.filter(
                models.Q(start_date__lt=datetime.date(self.start_year, 1, 1))
                | models.Q(end_date__gt=datetime.date(self.end_year, 12, 31))
            ).values_list("label", flat=True)
            if outside:
                raise ValidationError(
                    _(
                        "Reporting periods %(labels)s would fall outside the policy's years; "
                        "change or delete them first."
                    )
                    % {"labels": join_list(outside)}
                )


def _is_own_predecessor(policy) -> bool:
    """True when following `predecessor` from the plan comes back to it (a cycle)."""
    seen, earlier = set(), policy.predecessor
    while earlier is not None and earlier.pk not in seen:
        if earlier.pk == policy.pk:
            return True
        seen.add(earlier.pk)
        earlier = earlier.predecessor
    return False


class Objective(TitleTranslations, Timestamped):
    policy = models.ForeignKey(
        Policy, on_delete=models.PROTECT, related_name="objectives", verbose_name=_("policy")
    )
    pillar = models.ForeignKey(
        Pillar, on_delete=models.PROTECT, related_name="objectives", verbose_name=_("pillar")
    )
    code = models.CharField(_("code"), max_length=20, help_text=_("For example 2.3."))
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent objective"),
    )
    description = models.TextField(_("description"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["policy", "code"]
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        permissions = [("import_objective", _("Can import objectives from a spreadsheet"))]
        constraints = [
            models.UniqueConstraint(
                fields=["policy", "code"],
                name="objective_code_unique_in_policy",
                violation_error_message=_("This policy already has an objective with this code."),
            ),
        ]
        indexes = [models.Index(fields=["policy", "pillar"], name="objective_policy_pillar_idx")]

    def __str__(self):
        return f"{self.code} {self.title}"

    def clean(self):
        if self.parent_id and self.policy_id and self.parent.policy_id != self.policy_id:
            raise ValidationError({"parent": _("The parent objective belongs to another policy.")})
        if self.pk and _is_own_ancestor(self):
            raise ValidationError(
                {"parent": _("An objective cannot be its own parent, directly or through others.")}
            )


class VulnerableGroup(NameTranslations, Timestamped):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        permissions = [
            ("import_vulnerablegroup", _("Can import vulnerable groups from a spreadsheet"))
        ]
        ordering = ["order", "name_en"]
        verbose_name = _("vulnerable group")
        verbose_name_plural = _("vulnerable groups")

    def __str__(self):
        return self.name


class Theme(NameTranslations, Timestamped):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    history = HistoricalRecords()

    class Meta:
        permissions = [("import_theme", _("Can import themes from a spreadsheet"))]
        ordering = ["name_en"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return self.name


def owed_q(entity_ids, path="") -> Q:
    """Activities one of the entities reports on, the activity reached from the row through
    `path` (`"activity"`; empty on activities themselves): the entity leads the activity or is
    one of its partners in a reporting role (ActivityPartner.REPORTING_ROLES). A correlated
    EXISTS, so that no activity comes twice. Activity.is_owed_by is the same rule on a row."""
    prefix = f"{path}__" if path else ""
    ids = [entity_ids] if isinstance(entity_ids, int) else list(entity_ids)
    partners = ActivityPartner.objects.filter(
        activity_id=OuterRef(f"{prefix}pk"),
        entity_id__in=ids,
        role__in=ActivityPartner.REPORTING_ROLES,
    )
    return Q(**{f"{prefix}lead_entity_id__in": ids}) | Q(Exists(partners))


def covering_q(governorate, path="") -> Q:
    """Activities that run in the governorate (an id, a row, or a one-row subquery of ids), the
    activity reached from the row through `path`: nation-wide ones, and those listing it. A
    correlated EXISTS: no activity comes twice, and a page of them in code order stops at the
    page's end. Activity.covers is the same rule on a row."""
    prefix = f"{path}__" if path else ""
    listed = Activity.governorates.through.objects.filter(
        activity_id=OuterRef(f"{prefix}pk"), governorate=governorate
    )
    return Q(**{f"{prefix}is_nationwide": True}) | Q(Exists(listed))


class ActivityQuerySet(models.QuerySet):
    def owed_by(self, entity_ids, governorate=None):
        """The activities the entities (an id, or several) report on (owed_q), and, with a
        governorate, that run there (covering_q). Cancelled ones too: whether a report is still
        due is the caller's question (reporting.selectors.owed)."""
        found = self.filter(owed_q(entity_ids))
        return found if governorate is None else found.covering(governorate)

    def covering(self, governorate):
        return self.filter(covering_q(governorate))

    def same_code_in_plan(self, activity):
        """The other activities of the activity's plan with its code, in other objectives (in
        its own, the unique constraint speaks): codes are unique in a plan (the trigger of
        migration 0002 holds it)."""
        plan = Objective.objects.filter(pk=activity.objective_id).values("policy_id")[:1]
        found = self.filter(code=activity.code, objective__policy_id=plan).exclude(
            objective_id=activity.objective_id
        )
        return found.exclude(pk=activity.pk) if activity.pk else found

    def codes_by_plan(self) -> dict:
        """{(policy id, code): activity id} of these activities: what same_code_in_plan asks,
        read once for many rows (an import checks each row against it)."""
        return {
            (policy_id, code): pk
            for policy_id, code, pk in self.values_list("objective__policy_id", "code", "pk")
        }


class Activity(TitleTranslations, Timestamped):
    # A duplicate's message, for validate_unique and the imports (policy/resources.py).
    CODE_TAKEN_IN_PLAN = _(
        "Another activity of this plan already has this code: activity codes are unique in a "
        "plan, not only in an objective."
    )

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")
        DELAYED = "delayed", _("Delayed")
        CANCELLED = "cancelled", _("Cancelled")

    objective = models.ForeignKey(
        Objective, on_delete=models.PROTECT, related_name="activities", verbose_name=_("objective")
    )
    code = models.CharField(_("code"), max_length=20, help_text=_("For example 2.3.1."))
    description = models.TextField(_("description"), blank=True)
    lead_entity = models.ForeignKey(
        Entity,
        on_delete=models.PROTECT,
        related_name="led_activities",
        verbose_name=_("lead entity"),
    )
    partners = models.ManyToManyField(
        Entity,
        through="ActivityPartner",
        related_name="partner_activities",
        blank=True,
        verbose_name=_("partner entities"),
    )
    is_nationwide = models.BooleanField(
        _("nation-wide"), default=False, help_text=_("Covers every governorate.")
    )
    governorates = models.ManyToManyField(
        Governorate, blank=True, related_name="activities", verbose_name=_("governorates")
    )
    target_groups = models.ManyToManyField(
        VulnerableGroup, blank=True, related_name="activities", verbose_name=_("target groups")
    )
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="activities", verbose_name=_("themes")
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.PLANNED
    )
    planned_budget = models.DecimalField(
        _("planned budget"), max_digits=18, decimal_places=2, null=True, blank=True
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.IQD
    )
    carried_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="carried_to",
        verbose_name=_("carried over from"),
        help_text=_("The same activity in the predecessor plan."),
    )
    history = HistoricalRecords(m2m_fields=[governorates, target_groups, themes])

    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = ["objective__policy", "code"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        permissions = [("import_activity", _("Can import activities from a spreadsheet"))]
        constraints = [
            models.UniqueConstraint(
                fields=["objective", "code"],
                name="activity_code_unique_in_objective",
                violation_error_message=_("This objective already has an activity with this code."),
            ),
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="activity_end_not_before_start",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
            models.CheckConstraint(
                condition=Q(planned_budget__isnull=True) | Q(planned_budget__gte=0),
                name="activity_budget_not_negative",
                violation_error_message=_("The planned budget cannot be negative."),
            ),
        ]
        indexes = [
            models.Index(fields=["lead_entity", "status"], name="activity_lead_status_idx"),
            models.Index(fields=["status"], name="activity_status_idx"),
            models.Index(fields=["start_date", "end_date"], name="activity_dates_idx"),
            # Lists in code order, a page at a time (a governorate's activities).
            models.Index(fields=["code", "id"], name="activity_code_idx"),
        ]

    def __str__(self):
        return f"{self.code} {self.title}"

    def is_owed_by(self, entity_id) -> bool:
        """Whether the entity reports on this activity (owed_q's rule, on the prefetched
        partnerships): it leads it, or is a partner in a reporting role."""
        return self.lead_entity_id == entity_id or any(
            p.entity_id == entity_id for p in self.reporting_partnerships()
        )

    def reporting_partnerships(self) -> list:
        """The partnerships whose entity reports on the activity, from the prefetched ones."""
        return [p for p in self.partnerships.all() if p.role in ActivityPartner.REPORTING_ROLES]

    def covers(self, governorate_id) -> bool:
        """Whether the activity runs in the governorate (covering_q's rule, on the prefetched
        governorates): nation-wide, or listing it."""
        return self.is_nationwide or any(g.pk == governorate_id for g in self.governorates.all())

    def validate_unique(self, exclude=None):
        errors = {}
        try:
            super().validate_unique(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        # The trigger refuses it too, in a database's words and on no field.
        checked = self.code and self.objective_id and not {"code", "objective"} & set(exclude or ())
        if checked and Activity.objects.same_code_in_plan(self).exists():
            errors.setdefault("code", []).append(self.CODE_TAKEN_IN_PLAN)
        if errors:
            raise ValidationError(errors)

    def clean(self):
        # The check constraint holds this too; here the message is attached to the field.
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})
        if self.carried_from_id and self.objective_id:
            predecessor = self.objective.policy.predecessor_id
            if predecessor is None or self.carried_from.objective.policy_id != predecessor:
                raise ValidationError(
                    {
                        "carried_from": _(
                            "An activity is carried over from the predecessor of its plan."
                        )
                    }
                )


class ActivityPartner(models.Model):
    class Role(models.TextChoices):
        IMPLEMENTING = "implementing", _("Implementing")
        SUPPORTING = "supporting", _("Supporting")
        FUNDING = "funding", _("Funding")
        MONITORING = "monitoring", _("Monitoring")

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="partnerships", verbose_name=_("activity")
    )
    entity = models.ForeignKey(
        Entity, on_delete=models.PROTECT, related_name="partnerships", verbose_name=_("entity")
    )
    # The partners that report on the activity, as its lead does (owed_q, Activity.is_owed_by).
    REPORTING_ROLES = (Role.IMPLEMENTING,)

    role = models.CharField(
        _("role"), max_length=15, choices=Role.choices, default=Role.IMPLEMENTING
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["activity", "entity__name_en"]
        verbose_name = _("partner entity")
        verbose_name_plural = _("partner entities")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "entity"],
                name="activity_partner_unique",
                violation_error_message=_("This entity is already a partner of the activity."),
            ),
        ]

    def __str__(self):
        return f"{self.entity} ({self.get_role_display()})"

    def clean(self):
        if self.activity_id and self.entity_id and self.activity.lead_entity_id == self.entity_id:
            raise ValidationError(
                {
                    "entity": _("%(entity)s leads the activity; it cannot also be a partner.")
                    % {"entity": self.entity}
                }
            )


class FundingSourceType(NameTranslations):
    """Ministerial efforts, state budget, private sector, international support."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        permissions = [
            ("import_fundingsourcetype", _("Can import funding source types from a spreadsheet"))
        ]
        ordering = ["order", "name_en"]
        verbose_name = _("funding source type")
        verbose_name_plural = _("funding source types")

    def __str__(self):
        return self.name


class Funding(Timestamped):
    """A funding line of an activity: who funds it, how much, for which year."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="funding_lines", verbose_name=_("activity")
    )
    source_type = models.ForeignKey(
        FundingSourceType,
        on_delete=models.PROTECT,
        related_name="funding_lines",
        verbose_name=_("source type"),
    )
    funder = models.ForeignKey(
        Entity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="funding_lines",
        verbose_name=_("funder"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.IQD
    )
    planned = models.DecimalField(_("planned"), max_digits=18, decimal_places=2, default=0)
    committed = models.DecimalField(_("committed"), max_digits=18, decimal_places=2, default=0)
    disbursed = models.DecimalField(_("disbursed"), max_digits=18, decimal_places=2, default=0)
    note = models.CharField(_("note"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        permissions = [("import_funding", _("Can import funding lines from a spreadsheet"))]
        ordering = ["activity", "year", "source_type__order"]
        verbose_name = _("funding line")
        verbose_name_plural = _("funding lines")
        constraints = [
            models.CheckConstraint(
                condition=Q(planned__gte=0) & Q(committed__gte=0) & Q(disbursed__gte=0),
                name="funding_amounts_not_negative",
                violation_error_message=_("Amounts cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=1990, year__lte=2100),
                name="funding_year_plausible",
                violation_error_message=_("The year must lie between 1990 and 2100."),
            ),
        ]
        indexes = [models.Index(fields=["source_type", "year"], name="funding_source_year_idx")]

    def __str__(self):
        return f"{self.source_type} {self.year}: {money_text(self.planned, self.currency)}"

    def clean(self):
        errors = {
            name: _("Amounts cannot be negative.")
            for name in ("planned", "committed", "disbursed")
            if getattr(self, name) is not None and getattr(self, name) < 0
        }
        if errors:
            raise ValidationError(errors)
