"""The one door for writes to the plan: permission, validation, save and history together.

Admin pages, spreadsheet imports and (later) the API call these functions, so every path keeps
the same rules. A rule that must hold for one model goes in its `clean()` or a constraint;
a rule about who may write goes here.
"""

import threading
from collections.abc import Iterable
from contextlib import contextmanager

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import signals
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Sent after every write of a plan row through plan_save or plan_delete (`deleted` says
# which): the dashboards' summary figures (analytics/figures.py) listen, so the plan apps need
# not know of them.
plan_changed = signals.Signal()
# The same for many rows of one kind at once (plan_bulk_save, plan_bulk_delete: an import):
# `instances`, and `deleted`. One signal for the lot, so a listener can answer with one refresh.
plan_bulk_changed = signals.Signal()


class StateError(Exception):
    """A write refused because of the state of what it changes (a report approved and locked,
    at the wrong step, changed by someone else since it was read). The API answers 409 Conflict
    with the message (core.api.exception_handler); the apps' own errors of this kind subclass
    it (reporting.services.ReportError), so that core need not know them."""


REFUSALS = {
    "add": _("You may not add %(things)s."),
    "change": _("You may not change %(things)s."),
    "delete": _("You may not delete %(things)s."),
}


_local = threading.local()


@contextmanager
def as_system():
    """Writes by the installation itself (the reference and demo data of seed_reference and
    seed_demo), not by a person: no right is asked, the history records no user."""
    _local.system = True
    try:
        yield
    finally:
        _local.system = False


def refusal(user, instance: models.Model, action: str) -> str | None:
    """Why `user` may not `action` ("add", "change", "delete") such a row, or None."""
    if getattr(_local, "system", False):
        return None
    opts = instance._meta
    codename = f"{opts.app_label}.{action}_{opts.model_name}"
    if user is None or not user.has_perm(codename):
        return str(REFUSALS[action]) % {"things": opts.verbose_name_plural}
    return None


def _require_perm(user, instance: models.Model, action: str) -> None:
    refused = refusal(user, instance, action)
    if refused:
        raise PermissionDenied(refused)


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


BATCH = 1000


@transaction.atomic
def plan_bulk_save(*, user, model, new=(), changed=(), fields=(), lists=None, reason=""):
    """Many rows of one kind at once (an import), validated by the caller with plan_save's
    rules (core/bulk.py): the right checked once, the rows written with bulk statements (new
    ones parents first), their lists, and their history as plan_save writes it (one record a
    row, holding its lists).

    `fields`: the fields the changed rows changed (only those are written, with `updated_at`).
    `lists`: {many-to-many field: [(row, [related rows])]}, the whole list of each row named."""
    new, changed, lists = list(new), list(changed), lists or {}
    if new:
        _require_perm(user, new[0], "add")
    if changed:
        _require_perm(user, changed[0], "change")
    manager = model._default_manager
    for layer in _parents_first(model, new):
        manager.bulk_create(layer, batch_size=BATCH)
    if changed:
        names = set(fields)
        if any(f.name == "updated_at" for f in model._meta.concrete_fields):
            now = timezone.now()
            for row in changed:
                row.updated_at = now
            names.add("updated_at")
        names = sorted(n for n in names if not model._meta.get_field(n).many_to_many)
        if names:
            manager.bulk_update(changed, names, batch_size=BATCH)
    links = _write_lists(model, changed, lists)
    bulk_history(model, new, "+", user, reason, links)
    bulk_history(model, changed, "~", user, reason, links)
    plan_bulk_changed.send(sender=model, instances=new + changed, deleted=False)
    return new, changed


@transaction.atomic
def plan_bulk_delete(*, user, model, rows, reason="", part_of=None):
    """Delete many rows of one kind, each with its history. `part_of`: the row they belong to
    (an activity's partnerships), whose "change" right is the one that counts, as for
    activity_partners_set."""
    rows = list(rows)
    if not rows:
        return
    if part_of is not None:
        _require_perm(user, part_of, "change")
    else:
        _require_perm(user, rows[0], "delete")
    bulk_delete(model, rows, user, reason)
    plan_bulk_changed.send(sender=model, instances=rows, deleted=True)


def bulk_delete(model, rows, user, reason=""):
    """Delete rows with one history record each, under `user`'s name. Django's delete sends a
    signal per row on which simple-history writes a record of its own (with no one's name:
    there is no request in an import job): for a row nothing refers to, the records are written
    in bulk and the rows deleted without the signals; otherwise each row is deleted as the
    admin deletes it, carrying the user for its record."""
    rows = list(rows)
    if not rows:
        return
    meta = model._meta
    if meta.related_objects or meta.many_to_many:
        for row in rows:
            row._history_user = user
            if reason:
                row._change_reason = reason
            row.delete()
        return
    bulk_history(model, rows, "-", user, reason, {})
    queryset = model._base_manager.filter(pk__in=[r.pk for r in rows])
    queryset._raw_delete(queryset.db)


def _parents_first(model, rows):
    """The rows in layers: a row whose parent (a foreign key to its own model) is new in this
    batch comes in a later layer than its parent, so that the parent has its id."""
    own = [f for f in model._meta.concrete_fields if f.many_to_one and f.related_model is model]
    if not own:
        return [rows] if rows else []
    new = {id(r) for r in rows}
    depth = {}

    def level(row, seen=()):
        if id(row) in depth:
            return depth[id(row)]
        parents = [getattr(row, f.name) for f in own]
        parents = [p for p in parents if p is not None and id(p) in new and id(p) not in seen]
        value = 1 + max((level(p, (*seen, id(row))) for p in parents), default=-1)
        depth[id(row)] = value
        return value

    layers = {}
    for row in rows:
        layers.setdefault(level(row), []).append(row)
    return [layers[n] for n in sorted(layers)]


def _write_lists(model, changed, lists):
    """Write each row's lists; returns {field name: {row id: [(link id, related id)]}} of every
    row named, after the change (for the history)."""
    links = {}
    changed_ids = {r.pk for r in changed}
    for name, pairs in lists.items():
        field = model._meta.get_field(name)
        through = field.remote_field.through
        source = through._meta.get_field(field.m2m_field_name()).attname
        target = through._meta.get_field(field.m2m_reverse_field_name()).attname
        rows = {row.pk: related for row, related in pairs}
        current = {}
        for link, row_id, related_id in through.objects.filter(
            **{f"{source}__in": [pk for pk in rows if pk in changed_ids]}
        ).values_list("pk", source, target):
            current.setdefault(row_id, {})[related_id] = link
        add, drop = [], []
        for row_id, related in rows.items():
            wanted = {r.pk for r in related}
            have = current.get(row_id, {})
            drop += [have[r] for r in set(have) - wanted]
            add += [through(**{source: row_id, target: r}) for r in wanted - set(have)]
        if drop:
            through.objects.filter(pk__in=drop).delete()
        through.objects.bulk_create(add, batch_size=BATCH)
        links[name] = {}
        for link, row_id, related_id in through.objects.filter(
            **{f"{source}__in": list(rows)}
        ).values_list("pk", source, target):
            links[name].setdefault(row_id, []).append((link, related_id))
    return links


def bulk_history(model, rows, kind, user, reason, links):
    """One history record a row (django-simple-history's own bulk writer), and the records of
    its tracked lists, as simple-history writes them for a saved row."""
    if not rows or not hasattr(model, "history"):
        return
    history = model.history
    if kind == "-":
        records = history.model.objects.bulk_create(
            [
                history.model(
                    history_date=timezone.now(),
                    history_user=user,
                    history_change_reason=reason,
                    history_type="-",
                    **{f.attname: getattr(row, f.attname) for f in history.model.tracked_fields},
                )
                for row in rows
            ],
            batch_size=BATCH,
        )
    else:
        records = history.bulk_history_create(
            rows,
            batch_size=BATCH,
            update=kind == "~",
            default_user=user,
            default_change_reason=reason,
        )
    for field in getattr(history.model, "_history_m2m_fields", ()):
        m2m_history = apps.get_model(
            history.model._meta.app_label, f"{history.model.__name__}_{field.name}"
        )
        source = field.m2m_field_name()
        target = field.m2m_reverse_field_name()
        by_row = links.get(field.name)
        if by_row is None:  # the list was not written: read it as it stands
            through = field.remote_field.through
            by_row = {}
            for link, row_id, related_id in through.objects.filter(
                **{f"{source}__in": [r.pk for r in rows]}
            ).values_list("pk", f"{source}_id", f"{target}_id"):
                by_row.setdefault(row_id, []).append((link, related_id))
        m2m_history.objects.bulk_create(
            [
                m2m_history(
                    id=link,
                    history_id=record.pk,
                    **{f"{source}_id": row.pk, f"{target}_id": related_id},
                )
                for row, record in zip(rows, records, strict=True)
                for link, related_id in by_row.get(row.pk, ())
            ],
            batch_size=BATCH,
        )
