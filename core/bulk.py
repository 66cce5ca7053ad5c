"""Many plan rows at once (the spreadsheet imports, core/importing.py): the rules a row meets
through core.services.plan_save, checked without a query a row, and the rows written in bulk.

`plan_save` validates a row with `full_clean()`, which asks the database about every foreign key
(does it exist?), every unique field and constraint (is it taken?) and every check constraint,
then writes the row, its lists and its history one statement at a time: about 40 queries a row,
30 s for 1,000 activities. An import instead
- resolves every code from an index of its table read once (core.importing.CodeWidget), so a
  foreign key needs no existence query;
- runs `full_clean()` without the database's checks (`validate()` below): the fields' own
  validation and the model's `clean()`, as plan_save does;
- checks the unique constraints against an index of the stored keys read once per constraint,
  and against the other rows of the import (`UniqueIndex`);
- evaluates the check constraints in Python (`holds`), with the same result as the database's
  SQL would give (three-valued: NULL passes), and the same message;
- writes the rows, their lists and their history with bulk statements
  (core.services.plan_bulk_save).

Rows not yet written (new in this import) are found by the rows and sheets that follow them:
`pending()` holds them, by model, for the length of one import (`importing()`), so that a
whole plan imports from one workbook, its objectives before the activities that name them.
"""

import threading
from contextlib import contextmanager

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.models import F, Q

_local = threading.local()


class PendingRows:
    """New rows of the current import, not yet in the database: {model: [instance]}."""

    def __init__(self):
        self.rows = {}

    def add(self, instance):
        self.rows.setdefault(type(instance), []).append(instance)

    def find(self, model, field, value, scope=None) -> list:
        """The pending rows of `model` whose `field` is `value`, within `scope` ({"policy__code":
        "np"}: a path through the row's relations, compared as text)."""
        found = []
        for row in self.rows.get(model, ()):
            if str(getattr(row, field, None)) != str(value):
                continue
            if all(
                str(_follow(row, path)) == str(wanted) for path, wanted in (scope or {}).items()
            ):
                found.append(row)
        return found


def _follow(obj, path):
    for part in path.split("__"):
        if obj is None:
            return None
        obj = getattr(obj, part, None)
    return obj


@contextmanager
def importing():
    """One import (one sheet, or every sheet of a workbook): the new rows it holds are found
    by the rows and sheets that follow. Nested calls share the outer import's rows."""
    outer = getattr(_local, "pending", None)
    if outer is not None:
        yield outer
        return
    _local.pending = PendingRows()
    try:
        yield _local.pending
    finally:
        _local.pending = None


def pending() -> PendingRows | None:
    return getattr(_local, "pending", None)


def key_part(value):
    """A value as part of a row's key: a related row by its id, a related row not yet written
    by its own identity."""
    if hasattr(value, "_meta"):
        return value.pk if value.pk is not None else ("new", id(value))
    return value


# -- check constraints, evaluated in Python --------------------------------------------------

LOOKUPS = {"exact", "gt", "gte", "lt", "lte", "in", "isnull"}


class Unsupported(Exception):
    """A condition `holds` cannot evaluate: the caller asks the database instead."""


def holds(condition, obj):
    """Whether `obj` meets the check constraint's condition: True, False, or None (unknown,
    a NULL compared), which passes as in SQL. Raises Unsupported for what it cannot read."""
    if not isinstance(condition, Q):
        raise Unsupported(condition)
    results = []
    for child in condition.children:
        if isinstance(child, Q):
            results.append(holds(child, obj))
        else:
            results.append(_lookup(obj, *child))
    if condition.connector == Q.AND:
        value = False if False in results else (None if None in results else True)
    else:
        value = True if True in results else (None if None in results else False)
    if condition.negated:
        value = None if value is None else not value
    return value


def _value(obj, name):
    field = obj._meta.get_field(name)
    if field.many_to_one:
        return getattr(obj, field.name)  # the related row (may not be written yet), or None
    return getattr(obj, field.attname)


def _lookup(obj, path, expected):
    parts = path.split("__")
    lookup = parts.pop() if len(parts) > 1 and parts[-1] in LOOKUPS else "exact"
    if len(parts) != 1:
        raise Unsupported(path)
    left = _value(obj, parts[0])
    if isinstance(expected, F):
        expected = _value(obj, expected.name)
    elif hasattr(expected, "resolve_expression"):
        raise Unsupported(path)
    if lookup == "isnull":
        return (left is None) == bool(expected)
    if left is None or expected is None:
        return None
    if hasattr(left, "_meta"):
        left = left.pk
    if lookup == "in":
        return left in expected
    return {
        "exact": lambda: left == expected,
        "gt": lambda: left > expected,
        "gte": lambda: left >= expected,
        "lt": lambda: left < expected,
        "lte": lambda: left <= expected,
    }[lookup]()


def condition_fields(condition) -> set:
    """The model fields a condition reads."""
    names = set()
    for child in condition.children:
        if isinstance(child, Q):
            names |= condition_fields(child)
        else:
            path, expected = child
            names.add(path.split("__")[0])
            if isinstance(expected, F):
                names.add(expected.name.split("__")[0])
    return names


# -- unique constraints, against the stored rows and the other rows of the import ------------


class UniqueIndex:
    """The unique constraints of one model (unique fields, unique_together, UniqueConstraint)
    other than the import's own key (two rows with one key are one row, updated), each with the
    stored rows' values read once, and the values of this import's rows as they come."""

    def __init__(self, model, key_fields=()):
        self.model = model
        self.sets = []
        for fields, condition, message in _unique_sets(model):
            if set(fields) == set(key_fields):
                continue
            self.sets.append((fields, condition, message))
        self.taken = {}  # index in self.sets -> {values: owner pk or ("new", id)}

    def check(self, instance, errors: dict):
        for number, (fields, condition, message) in enumerate(self.sets):
            if any(f in errors for f in fields):
                continue
            if condition is not None and holds(condition, instance) is not True:
                continue
            values = tuple(key_part(_value(instance, f)) for f in fields)
            if any(v is None for v in values):
                continue  # NULL is never equal to NULL
            taken = self._taken(number)
            owner = key_part(instance)
            if values in taken and taken[values] != owner:
                errors.setdefault(fields[-1] if len(fields) == 1 else NON_FIELD_ERRORS, []).append(
                    message
                )
            else:
                taken[values] = owner

    def _taken(self, number):
        if number not in self.taken:
            fields, condition, _message = self.sets[number]
            rows = self.model._default_manager.all()
            if condition is not None:
                rows = rows.filter(condition)
            attnames = [self.model._meta.get_field(f).attname for f in fields]
            self.taken[number] = {
                tuple(values[1:]): values[0]
                for values in rows.values_list("pk", *attnames).iterator()
            }
        return self.taken[number]


def _unique_sets(model):
    """(fields, condition, message) for every unique rule of the model but its primary key."""
    meta = model._meta
    probe = model()

    def message(fields):
        return probe.unique_error_message(model, tuple(fields)).messages[0]

    for field in meta.local_fields:
        if field.unique and not field.primary_key:
            yield (field.name,), None, message((field.name,))
    for together in meta.unique_together:
        yield tuple(together), None, message(together)
    for constraint in meta.constraints:
        if isinstance(constraint, models.UniqueConstraint) and constraint.fields:
            if constraint.violation_error_message != constraint.default_violation_error_message:
                text = constraint.get_violation_error_message()
            else:
                text = message(constraint.fields)
            yield tuple(constraint.fields), constraint.condition, text


# -- one row's rules ---------------------------------------------------------------------------


class _stand_ins:
    """While a row is checked, a related row not yet written (new in this import) has no id,
    and a model's clean() reads ids (`self.governorate_id`, `self.objective.policy_id`): each
    foreign key to such a row gets a stand-in id of its own (negative, never a real one; the
    same for every row that names it), put back afterwards."""

    DEPTH = 3

    def __init__(self, instance):
        self.instance = instance
        self.changed = []

    def __enter__(self):
        self._visit(self.instance, self.DEPTH, set())
        return self

    def _visit(self, obj, depth, seen):
        if obj is None or depth == 0 or id(obj) in seen:
            return
        seen.add(id(obj))
        for field in obj._meta.concrete_fields:
            if not field.many_to_one:
                continue
            related = obj._state.fields_cache.get(field.name)
            if related is None:
                continue
            if related.pk is None and obj.__dict__.get(field.attname) is None:
                self.changed.append((obj, field.attname))
                # Past the descriptor, which would forget the related row it holds.
                obj.__dict__[field.attname] = -(id(related) % 2_000_000_000) - 1
            self._visit(related, depth - 1, seen)

    def __exit__(self, *exc):
        for obj, attname in self.changed:
            obj.__dict__[attname] = None
        return False


def validate(instance, errors: dict, unique: UniqueIndex | None = None) -> dict:
    """The rules plan_save's full_clean() applies, without asking the database: {field: [message]}
    added to `errors` (those already there, unreadable cells, are kept and their fields not
    checked again). Foreign keys were resolved from the import's indexes (they exist);
    required ones must be set."""
    model = type(instance)
    relations = [f for f in model._meta.concrete_fields if f.many_to_one]
    exclude = {f.name for f in relations} | set(errors)
    for field in relations:
        if field.name in errors or field.null:
            continue
        if getattr(instance, field.name, None) is None and getattr(instance, field.attname) is None:
            errors.setdefault(field.name, []).append(field.error_messages["null"])
    try:
        with _stand_ins(instance):
            instance.full_clean(
                exclude=sorted(exclude), validate_unique=False, validate_constraints=False
            )
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            errors.setdefault(name, []).extend(messages)
    for constraint in model._meta.constraints:
        if not isinstance(constraint, models.CheckConstraint):
            continue
        if condition_fields(constraint.condition) & set(errors):
            continue  # a field it reads is already wrong
        try:
            outcome = holds(constraint.condition, instance)
        except Unsupported:
            try:
                constraint.validate(model, instance)
                outcome = True
            except ValidationError:
                outcome = False
        if outcome is False:
            errors.setdefault(NON_FIELD_ERRORS, []).append(constraint.get_violation_error_message())
    if unique is not None:
        unique.check(instance, errors)
    return errors
