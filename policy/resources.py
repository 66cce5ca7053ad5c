from django.utils.translation import gettext as _
from import_export import fields

from core.importing import (
    CodeListField,
    CodeWidget,
    DayWidget,
    NumberWidget,
    PlanResource,
    PolicyScopedWidget,
    _text,
)
from governorates.models import Governorate
from pillars.models import Pillar
from policy.models import (
    Activity,
    ActivityPartner,
    Entity,
    Objective,
    Policy,
    Theme,
    VulnerableGroup,
)
from policy.services import activity_partners_set

NAMES = ("name_en", "name_ar", "name_ckb")
TITLES = ("title_en", "title_ar", "title_ckb")


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
                    % {"role": role, "roles": ", ".join(roles)}
                )
            pairs.append((code.strip(), role))
        entities = {e.code: e for e in self.candidates([c for c, _r in pairs])}
        unknown = [c for c, _r in pairs if c not in entities]
        if unknown:
            raise ValueError(_("Unknown entities: %(codes)s.") % {"codes": ", ".join(unknown)})
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

    def save_instance(self, instance, is_create, row, **kwargs):
        pending = getattr(instance, "_pending_m2m", {})
        partners = pending.pop("partners", None)
        super().save_instance(instance, is_create, row, **kwargs)
        if partners is not None and instance.pk:
            activity_partners_set(user=kwargs.get("user"), activity=instance, partners=partners)
