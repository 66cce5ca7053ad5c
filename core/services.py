"""The one door for writes to the plan: permission, validation, save and history together.

Admin pages, spreadsheet imports and (later) the API call these functions, so every path keeps
the same rules. A rule that must hold for one model goes in its `clean()` or a constraint;
a rule about who may write goes here.
"""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import signals
from django.utils.translation import gettext_lazy as _

# Sent after every write of a plan row through plan_save or plan_delete (`deleted` says
# which): the dashboards' summary figures (analytics/figures.py) listen, so the plan apps need
# not know of them.
plan_changed = signals.Signal()

REFUSALS = {
    "add": _("You may not add %(things)s."),
    "change": _("You may not change %(things)s."),
    "delete": _("You may not delete %(things)s."),
}


def _require_perm(user, instance: models.Model, action: str) -> None:
    opts = instance._meta
    codename = f"{opts.app_label}.{action}_{opts.model_name}"
    if user is None or not user.has_perm(codename):
        raise PermissionDenied(str(REFUSALS[action]) % {"things": opts.verbose_name_plural})


@transaction.atomic
def plan_save(
    *,
    user,
    instance: models.Model,
    m2m: dict[str, Iterable[models.Model]] | None = None,
    reason: str = "",
) -> models.Model:
    """Validate and save one row of the plan, and set its many-to-many fields.

    Raises PermissionDenied when `user` may not add or change this kind of row, and
    ValidationError (with per-field messages) when the row breaks a rule.
    """
    _require_perm(user, instance, "change" if instance.pk else "add")
    instance.full_clean()
    instance._history_user = user
    if reason:
        instance._change_reason = reason
    if not m2m:
        instance.save()
        plan_changed.send(sender=type(instance), instance=instance, deleted=False)
        return instance
    # django-simple-history writes a snapshot on every many-to-many change; write the row and
    # its relations first without history, then one snapshot that holds them all.
    created = instance._state.adding
    instance.skip_history_when_saving = True
    try:
        instance.save()
        for name, values in m2m.items():
            manager = getattr(instance, name)
            values = list(values)
            if created:
                # A new row has no links yet: one INSERT, not a read and a compare (imports of
                # thousands of rows). No m2m_changed receiver depends on these; the history
                # snapshot below reads the links.
                if values:
                    field = instance._meta.get_field(name)
                    through = manager.through
                    source = field.m2m_field_name()
                    target = field.m2m_reverse_field_name()
                    through.objects.bulk_create(
                        [through(**{source: instance, target: v}) for v in dict.fromkeys(values)]
                    )
            elif {v.pk for v in values} != set(manager.values_list("pk", flat=True)):
                manager.set(values)
    finally:
        del instance.skip_history_when_saving
    signals.post_save.send(
        sender=type(instance),
        instance=instance,
        created=created,
        raw=False,
        using=instance._state.db,
        update_fields=None,
    )
    plan_changed.send(sender=type(instance), instance=instance, deleted=False)
    return instance


@transaction.atomic
def plan_delete(*, user, instance: models.Model, reason: str = "") -> None:
    _require_perm(user, instance, "delete")
    instance._history_user = user
    if reason:
        instance._change_reason = reason
    instance.delete()
    plan_changed.send(sender=type(instance), instance=instance, deleted=True)
