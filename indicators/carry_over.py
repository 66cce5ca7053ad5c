"""Plans over time: carry activities and indicators over from a plan to its successor.

A copy is a new row of the successor plan with `carried_from` pointing at the row it was copied
from, so its history and its figures can be followed back (analytics.selectors.across_plans).
The source plan is only read. Everything is written through core.services.plan_save, with the
acting user's permissions and a history record saying where the row came from.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.services import _require_perm, plan_save
from core.text import join_list
from indicators.models import Indicator
from policy.models import Activity, ActivityPartner, Objective, Policy


@dataclass
class CarryOverResult:
    """What a carry-over created; a second run of the same carry-over creates nothing."""

    objectives: list = field(default_factory=list)
    activities: list = field(default_factory=list)
    indicators: list = field(default_factory=list)

    @property
    def created(self) -> int:
        return len(self.objectives) + len(self.activities) + len(self.indicators)


def _pick(rows, codes, what):
    """The rows whose code is in `codes` (all when `codes` is None); unknown codes refuse."""
    if codes is None:
        return list(rows)
    wanted = list(dict.fromkeys(codes))
    by_code = {r.code: r for r in rows}
    unknown = [c for c in wanted if c not in by_code]
    if unknown:
        raise ValidationError(
            _("The plan has no %(things)s with the code(s) %(codes)s.")
            % {"things": what, "codes": join_list(unknown)}
        )
    return [by_code[c] for c in wanted]


@transaction.atomic
def policy_carry_over(
    *,
    user,
    source: Policy,
    target: Policy,
    activity_codes: list[str] | None = None,
    indicator_codes: list[str] | None = None,
) -> CarryOverResult:
    """Copy activities (with their indicators) and outcome indicators of `source` into
    `target`, its successor, all or nothing.

    - `activity_codes`: the activities to carry (None: all of them). Each comes with all its
      indicators; its objective is the target's objective with the same code, created (same
      code, pillar, titles, parent) when the target has none.
    - `indicator_codes`: the objective-level (outcome) indicators to carry (None: all of them).
      Naming an activity's indicator is allowed only when that activity is carried too.
    - A copy keeps code, titles, description, lead and partner entities, places, groups and
      themes (activities) or definition, unit, direction, baseline, source, frequency,
      aggregation, disaggregations, responsible entity and framework references (indicators).
      Dates span the target plan's years and status is "planned"; budgets, funding lines,
      targets and reports stay with the plan they belong to.
    - A row already carried over (a row of the target with `carried_from` set to it) is not
      copied again, so a second run creates nothing.

    Raises PermissionDenied unless `user` may change plans and add their rows (Directorate
    admins), and ValidationError when `target` is not the successor of `source`, a code is
    unknown, or the target already has a different row with the same code.
    """
    _require_perm(user, target, "change")
    if target.pk == source.pk or target.predecessor_id != source.pk:
        raise ValidationError(
            _("%(target)s is not the successor of %(source)s; set its predecessor plan first.")
            % {"target": target.code, "source": source.code}
        )
    reason = _("Carried over from %(plan)s") % {"plan": source.code}
    result = CarryOverResult()

    source_activities = Activity.objects.filter(objective__policy=source).select_related(
        "objective__pillar", "objective__parent"
    )
    source_indicators = Indicator.objects.filter(policy=source).select_related("activity")
    activities = _pick(source_activities, activity_codes, _("activities"))
    carried_activity_ids = {a.pk for a in activities}
    outcome = [i for i in source_indicators if i.objective_id]
    if indicator_codes is None:
        indicators = outcome
    else:
        indicators = _pick(source_indicators, indicator_codes, _("indicators"))
        stray = [
            i.code
            for i in indicators
            if i.activity_id and i.activity_id not in carried_activity_ids
        ]
        if stray:
            raise ValidationError(
                _(
                    "Indicators %(codes)s belong to activities that are not carried over; carry "
                    "their activities and the indicators come with them."
                )
                % {"codes": join_list(stray)}
            )
        indicators = [i for i in indicators if i.objective_id]

    copier = _Copier(user, source, target, reason, result)
    for activity in activities:
        copy = copier.activity(activity)
        for indicator in activity.indicators.all():
            copier.indicator(indicator, activity=copy)
    for indicator in indicators:
        copier.indicator(indicator, objective=copier.objective(indicator.objective))
    return result


class _Copier:
    def __init__(self, user, source, target, reason, result):
        self.user, self.source, self.target = user, source, target
        self.reason, self.result = reason, result
        self.objectives = {o.code: o for o in Objective.objects.filter(policy=target)}
        self.carried_activities = {
            a.carried_from_id: a
            for a in Activity.objects.filter(
                objective__policy=target, carried_from__isnull=False
            ).select_related("objective")
        }
        self.activity_codes = set(
            Activity.objects.filter(objective__policy=target).values_list("code", flat=True)
        )
        self.carried_indicators = set(
            Indicator.objects.filter(policy=target, carried_from__isnull=False).values_list(
                "carried_from_id", flat=True
            )
        )
        self.indicator_codes = set(
            Indicator.objects.filter(policy=target).values_list("code", flat=True)
        )

    def save(self, instance, m2m=None):
        return plan_save(user=self.user, instance=instance, m2m=m2m, reason=self.reason)

    def objective(self, source):
        """The target's objective with the source objective's code, made when missing."""
        if source.code in self.objectives:
            return self.objectives[source.code]
        parent = self.objective(source.parent) if source.parent_id else None
        copy = self.save(
            Objective(
                policy=self.target,
                pillar_id=source.pillar_id,
                code=source.code,
                parent=parent,
                title_en=source.title_en,
                title_ar=source.title_ar,
                title_ckb=source.title_ckb,
                description=source.description,
            )
        )
        self.objectives[copy.code] = copy
        self.result.objectives.append(copy)
        return copy

    def activity(self, source):
        if source.pk in self.carried_activities:
            return self.carried_activities[source.pk]
        if source.code in self.activity_codes:
            raise ValidationError(
                _("%(plan)s already has an activity %(code)s that was not carried over from it.")
                % {"plan": self.target.code, "code": source.code}
            )
        copy = self.save(
            Activity(
                objective=self.objective(source.objective),
                code=source.code,
                title_en=source.title_en,
                title_ar=source.title_ar,
                title_ckb=source.title_ckb,
                description=source.description,
                lead_entity_id=source.lead_entity_id,
                is_nationwide=source.is_nationwide,
                start_date=datetime.date(self.target.start_year, 1, 1),
                end_date=datetime.date(self.target.end_year, 12, 31),
                status=Activity.Status.PLANNED,
                currency=source.currency,
                carried_from=source,
            ),
            m2m={
                "governorates": source.governorates.all(),
                "target_groups": source.target_groups.all(),
                "themes": source.themes.all(),
            },
        )
        for partnership in source.partnerships.all():
            self.save(
                ActivityPartner(
                    activity=copy, entity_id=partnership.entity_id, role=partnership.role
                )
            )
        self.carried_activities[source.pk] = copy
        self.activity_codes.add(copy.code)
        self.result.activities.append(copy)
        return copy

    def indicator(self, source, objective=None, activity=None):
        if source.pk in self.carried_indicators:
            return
        if source.code in self.indicator_codes:
            raise ValidationError(
                _("%(plan)s already has an indicator %(code)s that was not carried over from it.")
                % {"plan": self.target.code, "code": source.code}
            )
        copy = self.save(
            Indicator(
                policy=self.target,
                objective=objective,
                activity=activity,
                code=source.code,
                title_en=source.title_en,
                title_ar=source.title_ar,
                title_ckb=source.title_ckb,
                definition=source.definition,
                unit=source.unit,
                direction=source.direction,
                baseline_value=source.baseline_value,
                baseline_year=source.baseline_year,
                data_source=source.data_source,
                frequency=source.frequency,
                aggregation=source.aggregation,
                responsible_entity_id=source.responsible_entity_id,
                is_sensitive=source.is_sensitive,
                carried_from=source,
            ),
            m2m={
                "disaggregations": source.disaggregations.all(),
                "framework_references": source.framework_references.all(),
            },
        )
        self.carried_indicators.add(source.pk)
        self.indicator_codes.add(copy.code)
        self.result.indicators.append(copy)
