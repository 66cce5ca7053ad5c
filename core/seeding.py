"""Idempotent writes for the seed commands: a row is saved only when something differs,
so running a seed twice leaves the data and its history as they were."""

from django.db import models


def upsert(model: type[models.Model], lookup: dict, defaults: dict, reason: str = "") -> tuple:
    """Create or update one row; returns (instance, "created" | "updated" | "unchanged")."""
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        instance = model(**lookup, **defaults)
        outcome = "created"
    else:
        changed = [k for k, v in defaults.items() if getattr(instance, k) != v]
        if not changed:
            return instance, "unchanged"
        for key in changed:
            setattr(instance, key, defaults[key])
        outcome = "updated"
    instance.full_clean()
    if reason:
        instance._change_reason = reason
    instance.save()
    return instance, outcome


def set_m2m(manager, objects) -> bool:
    """Make a many-to-many relation exactly `objects`; True when it changed."""
    wanted = {o.pk for o in objects}
    current = set(manager.values_list("pk", flat=True))
    if wanted == current:
        return False
    manager.set(list(objects))
    return True
