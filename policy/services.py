from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.services import _require_perm, plan_changed, plan_save
from policy.models import Activity, ActivityPartner, Entity


@transaction.atomic
def activity_partners_set(*, user, activity: Activity, partners: list[tuple[Entity, str]]) -> None:
    """Make the activity's partner entities exactly `partners` (entity, role), keeping history."""
    _require_perm(user, activity, "change")
    wanted = {}
    for entity, role in partners:
        if entity.pk == activity.lead_entity_id:  # ActivityPartner.clean says so too
            raise ValidationError(
                {
                    "partners": _("%(entity)s leads the activity; it cannot also be a partner.")
                    % {"entity": entity}
                }
            )
        wanted[entity.pk] = (entity, role)
    for partnership in activity.partnerships.all():
        if partnership.entity_id not in wanted:
            partnership._history_user = user
            partnership.delete()
            # The reports the entity owes change (the dashboards' reporting figures).
            plan_changed.send(sender=ActivityPartner, instance=partnership, deleted=True)
        else:
            _entity, role = wanted.pop(partnership.entity_id)
            if partnership.role != role:
                partnership.role = role
                plan_save(user=user, instance=partnership)
    for entity, role in wanted.values():
        plan_save(user=user, instance=ActivityPartner(activity=activity, entity=entity, role=role))
