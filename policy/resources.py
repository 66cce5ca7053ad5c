from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import gettext as _
from import_export import fields

from core import bulk
from core.importing import (
    CodeListField,
    CodeWidget,
    DayWidget,
    NumberWidget,
    PlanResource,
    PolicyScopedWidget,
    WholeNumberWidget,
    _text,
)
from core.services import plan_bulk_delete, plan_bulk_save
from core.text import join_list
from governorates.models import Governorate
from pillars.models import Pillar
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

NAMES = ("name_en", "name_ar", "name_ckb")
TITLES = ("title_en", "title_ar", "title_ckb")


def policy_exists(code) -> bool:
    """Whether a plan's code names a policy (core.importing.configure)."""
    return Policy.objects.filter(code=code).exists()


def _by_depth(objects):
    """Parents before children, so a sheet imports top-down in one pass."""

    def depth(obj):
        d, parent = 0, obj.parent
        while parent is not None and d < 20:
            d, parent = d + 1, parent.parent
        return d

    return sorted(objects, key=lambda o: (depth(o), o.code))


class EntityResource(PlanResource):
    parent = fields.Field(attribute="parent", column_name="parent", widget=CodeWidget(Entity))
    governorate = fields.Field(
        attribute="governorate", column_name="governorate", widget=CodeWidget(Governorate)
    )

    class Meta(PlanResource.Meta):
        model = Entity
        import_id_fields = ("code",)
        fields = ("code", "acronym", *NAMES, "kind", "level", "parent", "governorate")

    def get_queryset(self):
        return super().get_queryset().select_related("parent__parent", "governorate")

    def iter_queryset(self, queryset):
        yield from _by_depth(queryset.select_related("parent__parent", "governorate"))


class ObjectiveResource(PlanResource):
    policy = fields.Field(attribute="policy", column_name="policy", widget=CodeWidget(Policy))
    pillar = fields.Field(attribute="pillar", column_name="pillar", widget=CodeWidget(Pillar))
    parent = fields.Field(
        attribute="parent", column_name="parent", widget=PolicyScopedWidget(Objective)
    )

    class Meta(PlanResource.Meta):
        model = Objective
        import_id_fields = ("policy", "code")
        fields = ("policy", "code", "pillar", "parent", *TITLES, "description")

    def get_queryset(self):
        return super().get_queryset().select_related("policy", "pillar", "parent__parent")

    def iter_queryset(self, queryset):
        yield from _by_depth(queryset.select_related("policy", "pillar", "parent__parent"))


class PartnersField(CodeListField):
    """Partner entities with their role: `moi:implementing; iwn:supporting`."""

    def parse(self, row):
        roles = dict(ActivityPartner.Role.choices)
        pairs = []
        for item in _text(row.get(self.column_name)).split(self.separator):
            if not item.strip():
                continue
            code, _sep, role = item.partition(":")
            role = role.strip() or ActivityPartner.Role.IMPLEMENTING
            if role not in roles:
                raise ValueError(
                    _("“%(role)s” is not a partner role; use one of: %(roles)s.")
                    % {"role": role, "roles": join_list(roles)}
                )
            pairs.append((code.strip(), role))
        entities = {e.code: e for e in self.candidates([c for c, _r in pairs])}
        unknown = [c for c, _r in pairs if c not in entities]
        if unknown:
            raise ValueError(_("Unknown entities: %(codes)s.") % {"codes": join_list(unknown)})
        return [(entities[c], r) for c, r in pairs]

    def export(self, instance, **kwargs):
        if instance.pk is None:
            return ""
        return self.separator.join(
            sorted(f"{p.entity.code}:{p.role}" for p in instance.partnerships.all())
        )

    def key(self, values):
        return {(entity.pk, role) for entity, role in values}

    def current(self, instance):
        if instance.pk is None:
            return set()
        return {(p.entity_id, p.role) for p in instance.partnerships.all()}


class ActivityResource(PlanResource):
    policy = fields.Field(
        attribute="objective__policy",
        column_name="policy",
        widget=CodeWidget(Policy),
        readonly=True,
    )
    objective = fields.Field(
        attribute="objective", column_name="objective", widget=PolicyScopedWidget(Objective)
    )
    lead_entity = fields.Field(
        attribute="lead_entity", column_name="lead_entity", widget=CodeWidget(Entity)
    )
    partners = PartnersField(Entity, attribute="partners", column_name="partners")
    governorates = CodeListField(Governorate, attribute="governorates")
    target_groups = CodeListField(VulnerableGroup, attribute="target_groups")
    themes = CodeListField(Theme, attribute="themes")
    planned_budget = fields.Field(
        attribute="planned_budget", column_name="planned_budget", widget=NumberWidget()
    )
    start_date = fields.Field(attribute="start_date", column_name="start_date", widget=DayWidget())
    end_date = fields.Field(attribute="end_date", column_name="end_date", widget=DayWidget())

    class Meta(PlanResource.Meta):
        model = Activity
        import_id_fields = ("objective", "code")
        fields = (
            "policy",
            "objective",
            "code",
            *TITLES,
            "description",
            "lead_entity",
            "partners",
            "is_nationwide",
            "governorates",
            "target_groups",
            "themes",
            "start_date",
            "end_date",
            "status",
            "planned_budget",
            "currency",
        )

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("objective__policy", "lead_entity")
            .prefetch_related("partnerships__entity", "governorates", "target_groups", "themes")
        )

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        self._partners = []  # (activity, [(entity, role)]) of the rows to write
        self._codes = None  # {(plan, code): activity}, stored and of this import's rows

    def validate_row(self, instance, errors):
        pairs = getattr(instance, "_pending_m2m", {}).get("partners") or []
        lead = instance.lead_entity
        if lead is not None and any(entity == lead for entity, _role in pairs):
            # ActivityPartner.clean and activity_partners_set say so too.
            errors.setdefault("partners", []).append(
                _("%(entity)s leads the activity; it cannot also be a partner.") % {"entity": lead}
            )
        if not {"code", "objective"} & set(errors):
            self._check_code_in_plan(instance, errors)

    def _check_code_in_plan(self, instance, errors):
        """Activity.validate_unique's rule (a code is unique in its plan), against the stored
        activities read once (codes_by_plan) and this import's other rows, instead of a query
        a row; the key of a row not yet written is the row itself."""
        try:
            policy = instance.objective.policy
        except ObjectDoesNotExist:
            return
        if self._codes is None:
            self._codes = Activity.objects.codes_by_plan()
        key = (bulk.key_part(policy), instance.code)
        owner = self._codes.setdefault(key, bulk.key_part(instance))
        if owner != bulk.key_part(instance):
            errors.setdefault("code", []).append(Activity.CODE_TAKEN_IN_PLAN)

    def save_instance(self, instance, is_create, row, **kwargs):
        pending = getattr(instance, "_pending_m2m", {})
        partners = pending.pop("partners", None)
        super().save_instance(instance, is_create, row, **kwargs)
        if partners is not None:
            self._partners.append((instance, partners))

    def write_rows(self, user, reason):
        """The activities, then their partners with their roles: new partnerships, changed
        roles and partners no longer named, in bulk, each with its history (as
        activity_partners_set writes them one by one)."""
        super().write_rows(user, reason)
        activities = [a for a, _pairs in self._partners]
        stored = {}
        for partnership in ActivityPartner.objects.filter(
            activity__in=[a.pk for a in activities if a.pk]
        ):
            stored[(partnership.activity_id, partnership.entity_id)] = partnership
        new, changed, gone = [], [], dict(stored)
        for activity, pairs in self._partners:
            for entity, role in pairs:
                partnership = gone.pop((activity.pk, entity.pk), None)
                if partnership is None:
                    new.append(ActivityPartner(activity=activity, entity=entity, role=role))
                elif partnership.role != role:
                    partnership.role = role
                    changed.append(partnership)
        named = {a.pk for a in activities}
        dropped = [p for (activity_id, _e), p in gone.items() if activity_id in named]
        plan_bulk_delete(
            user=user,
            model=ActivityPartner,
            rows=dropped,
            reason=reason,
            part_of=activities[0] if activities else None,
        )
        plan_bulk_save(
            user=user,
            model=ActivityPartner,
            new=new,
            changed=changed,
            fields={"role"},
            reason=reason,
        )


class VulnerableGroupResource(PlanResource):
    class Meta(PlanResource.Meta):
        model = VulnerableGroup
        import_id_fields = ("code",)
        fields = ("code", "order", *NAMES)


class ThemeResource(PlanResource):
    class Meta(PlanResource.Meta):
        model = Theme
        import_id_fields = ("code",)
        fields = ("code", *NAMES)


class FundingSourceTypeResource(PlanResource):
    class Meta(PlanResource.Meta):
        model = FundingSourceType
        import_id_fields = ("code",)
        fields = ("code", "order", *NAMES)


class PolicyResource(PlanResource):
    owner = fields.Field(attribute="owner", column_name="owner", widget=CodeWidget(Entity))
    predecessor = fields.Field(
        attribute="predecessor", column_name="predecessor", widget=CodeWidget(Policy)
    )
    start_year = fields.Field(
        attribute="start_year", column_name="start_year", widget=WholeNumberWidget()
    )
    end_year = fields.Field(
        attribute="end_year", column_name="end_year", widget=WholeNumberWidget()
    )

    class Meta(PlanResource.Meta):
        model = Policy
        import_id_fields = ("code",)
        fields = (
            "code",
            *TITLES,
            "start_year",
            "end_year",
            "status",
            "is_published",
            "owner",
            "predecessor",
            "description",
        )

    def get_queryset(self):
        return super().get_queryset().select_related("owner", "predecessor")

    def iter_queryset(self, queryset):
        # A plan's predecessor first, so that one sheet imports in one pass.
        yield from queryset.select_related("owner", "predecessor").order_by("start_year", "code")


class FundingResource(PlanResource):
    """Funding lines, keyed by the activity, the source type, the funder, the year and the
    currency: one line for each."""

    policy = fields.Field(
        attribute="activity__objective__policy",
        column_name="policy",
        widget=CodeWidget(Policy),
        readonly=True,
    )
    activity = fields.Field(
        attribute="activity",
        column_name="activity",
        widget=PolicyScopedWidget(Activity, policy_lookup="objective__policy__code"),
    )
    source_type = fields.Field(
        attribute="source_type", column_name="source_type", widget=CodeWidget(FundingSourceType)
    )
    funder = fields.Field(attribute="funder", column_name="funder", widget=CodeWidget(Entity))
    year = fields.Field(attribute="year", column_name="year", widget=WholeNumberWidget())
    planned = fields.Field(attribute="planned", column_name="planned", widget=NumberWidget())
    committed = fields.Field(attribute="committed", column_name="committed", widget=NumberWidget())
    disbursed = fields.Field(attribute="disbursed", column_name="disbursed", widget=NumberWidget())

    class Meta(PlanResource.Meta):
        model = Funding
        import_id_fields = ("activity", "source_type", "funder", "year", "currency")
        fields = (
            "policy",
            "activity",
            "source_type",
            "funder",
            "year",
            "currency",
            "planned",
            "committed",
            "disbursed",
            "note",
        )

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("activity__objective__policy", "source_type", "funder")
            .order_by("activity__objective__policy__code", "activity__code", "year", "pk")
        )
