"""Spreadsheet import and export shared by every plan resource (django-import-export).

What the library gives: formats (XLSX, CSV), the admin screens, dry runs and transactions.
What we add here:
- rows keyed by codes, never database ids, so a sheet moves between installations;
- a sheet is refused as a whole when any row is wrong, with one message per problem that names
  the row and the column (rows are counted as a spreadsheet shows them: the header is row 1);
- missing columns and duplicate keys inside the sheet are problems too;
- every exported cell goes through core.exports.safe_cell (control characters out, formulas
  neutralised), and the neutralising quote is taken off again on import, so a round trip keeps
  the text;
- every row is checked with the rules core.services.plan_save applies (core/bulk.py: the same
  validation, without a query a row), and the rows of a sheet are written together, when all of
  them are good, by core.services.plan_bulk_save: bulk statements, the importing user's rights,
  one history record a row. A preview (dry run) writes nothing at all.
"""

import copy
import datetime
import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from core import bulk
from core.exports import safe_cell, unneutralise
from core.services import plan_bulk_save, refusal
from core.text import join_list

# Whether a code names a policy: a row whose `policy` column names none is told so, not that its
# other codes are unknown. Set by the policy app (PolicyConfig.ready), so that core imports no
# app.
HOOKS = {"policy_exists": lambda code: True}


def configure(*, policy_exists) -> None:
    HOOKS["policy_exists"] = policy_exists


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a code typed as 12 comes back from XLSX as 12.0
    return str(value).strip()


class CodeWidget(widgets.ForeignKeyWidget):
    """A foreign key written as the related row's code; unknown codes are a clear error."""

    def __init__(self, model, field="code", **kwargs):
        super().__init__(model, field=field, **kwargs)
        self.cache = {}  # emptied by PlanResource.before_import: lives for one import

    def scope(self, row):
        return {}

    def clean(self, value, row=None, **kwargs):
        value = _text(value)
        if not value:
            return None
        scope = self.scope(row or {})
        index = self._rows(scope)
        found = index.get(value)
        if not found:
            # New in this import (an earlier row, or an earlier sheet of the workbook).
            rows = bulk.pending()
            found = rows.find(self.model, self.field, value, scope) if rows else []
        if not found and value not in index:
            # Written since the index was read, or unknown.
            index[value] = list(self.model.objects.filter(**{self.field: value}, **scope)[:2])
            found = index[value]
        if len(found) == 1:
            return found[0]
        if not found:
            if "policy" in (row or {}) and not _policy_exists(_text(row.get("policy"))):
                raise ValueError(
                    _("There is no policy with the code “%(code)s” (column “policy”).")
                    % {"code": _text(row.get("policy"))}
                ) from None
            raise ValueError(
                _("There is no %(thing)s with the code “%(code)s”.")
                % {"thing": self.model._meta.verbose_name, "code": value}
            ) from None
        raise ValueError(
            _("The code “%(code)s” names more than one %(thing)s.")
            % {"thing": self.model._meta.verbose_name, "code": value}
        ) from None

    def _rows(self, scope):
        """Every row in `scope` by code, read once per import and scope (one query for a
        whole sheet, not one a row)."""
        key = tuple(sorted(scope.items()))
        if key not in self.cache:
            index = {}
            for obj in self.model.objects.filter(**scope):
                index.setdefault(str(getattr(obj, self.field)), []).append(obj)
            self.cache[key] = index
        return self.cache[key]


def _policy_exists(code):
    return HOOKS["policy_exists"](code)


class PolicyScopedWidget(CodeWidget):
    """A code that is unique within a policy; the policy comes from the row's `policy` column."""

    def __init__(self, model, policy_lookup="policy__code", field="code", **kwargs):
        self.policy_lookup = policy_lookup
        super().__init__(model, field=field, **kwargs)

    def scope(self, row):
        code = _text(row.get("policy"))
        if not code:
            raise ValueError(_("The “policy” column of this row is empty."))
        return {self.policy_lookup: code}


class NumberWidget(widgets.DecimalWidget):
    THOUSANDS = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$")

    def clean(self, value, row=None, **kwargs):
        if value is None or _text(value) == "":
            return None
        if isinstance(value, int | float | Decimal):
            return Decimal(str(value))
        text = _text(value).replace(" ", "")
        if "," in text:
            if not self.THOUSANDS.match(text):
                raise ValueError(
                    _(
                        "“%(value)s” is not a number we can read: write decimals with a point "
                        "(1.5), not a comma."
                    )
                    % {"value": value}
                )
            text = text.replace(",", "")
        try:
            return Decimal(text)
        except InvalidOperation:
            raise ValueError(_("“%(value)s” is not a number.") % {"value": value}) from None

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return format(Decimal(str(value)).normalize(), "f")  # a field's default may be an int


class DayWidget(widgets.DateWidget):
    """A date as YYYY-MM-DD; a date cell of a spreadsheet arrives as a datetime: keep the day."""

    def __init__(self):
        super().__init__("%Y-%m-%d")

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        try:
            return super().clean(_text(value), row, **kwargs)
        except ValueError:
            raise ValueError(
                _("“%(value)s” is not a date; write it as YYYY-MM-DD.") % {"value": value}
            ) from None


class WholeNumberWidget(widgets.IntegerWidget):
    def clean(self, value, row=None, **kwargs):
        number = NumberWidget().clean(value)
        if number is None:
            return None
        if number != number.to_integral_value():
            raise ValueError(_("“%(value)s” is not a whole number.") % {"value": value})
        return int(number)


class YesNoWidget(widgets.BooleanWidget):
    """An empty cell means no; anything unreadable is an error, not a silent no."""

    TRUE = {"1", "true", "yes", "y", "x"}
    FALSE = {"", "0", "false", "no", "n"}

    def clean(self, value, row=None, **kwargs):
        text = _text(value).lower()
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        raise ValueError(_("“%(value)s” is not yes or no (use 1 or 0).") % {"value": value})

    def render(self, value, obj=None, **kwargs):
        return 1 if value else 0


class CodeListField(fields.Field):
    """A many-to-many relation written as codes separated by semicolons.

    With `scope` (the path to the plan's code, e.g. "policy__code"), codes that repeat from one
    plan to the next (carried-over activities) are written `plan:code`; a bare code is taken
    only when a single row has it, else it is refused as ambiguous.
    """

    separator = ";"

    def __init__(self, model, attribute, column_name=None, lookup="code", scope=None, **kwargs):
        self.model = model
        self.lookup = lookup
        self.scope = scope
        self.known = None  # {} from PlanResource.before_import: a cache for one import
        super().__init__(attribute=attribute, column_name=column_name or attribute, **kwargs)

    def _key(self, obj):
        code = getattr(obj, self.lookup)
        if self.scope is None:
            return code
        scope = obj
        for part in self.scope.split("__"):
            scope = getattr(scope, part)
        return f"{scope}:{code}"

    def candidates(self, bare):
        """The rows whose code is in `bare`. During an import (PlanResource.before_import sets
        `known`) the whole (small) table is read once, not once a row."""
        if self.known is None:
            return list(self._rows(code__in=bare))
        if not self.known:
            for obj in self._rows():
                self.known.setdefault(getattr(obj, self.lookup), []).append(obj)
            self.known.setdefault(None, [])  # read: an empty table is not read again
        missing = [code for code in bare if code not in self.known]
        if missing:  # written since the table was read, or unknown: ask once
            for code in missing:
                self.known[code] = []
            for obj in self._rows(code__in=missing):
                self.known[getattr(obj, self.lookup)].append(obj)
        rows = bulk.pending()
        found = []
        for code in dict.fromkeys(bare):
            stored = self.known.get(code, [])
            new = rows.find(self.model, self.lookup, code) if rows else []
            found += stored + [obj for obj in new if obj not in stored]
        return found

    def _rows(self, code__in=None):
        rows = self.model.objects.all()
        if code__in is not None:
            rows = rows.filter(**{f"{self.lookup}__in": code__in})
        if self.scope and "__" in self.scope:
            rows = rows.select_related(self.scope.rsplit("__", 1)[0])
        return rows

    def parse(self, row):
        raw = _text(row.get(self.column_name))
        codes = [c.strip() for c in raw.split(self.separator) if c.strip()]
        bare = [c.rsplit(":", 1)[-1] for c in codes]
        candidates = self.candidates(bare)
        found, ambiguous = {}, set()
        for obj in candidates:
            found[self._key(obj)] = obj
            plain = getattr(obj, self.lookup)
            if self.scope and plain in found and found[plain] is not obj:
                ambiguous.add(plain)
            found.setdefault(plain, obj)
        if ambiguous & set(codes):
            raise ValueError(
                _("%(codes)s: more than one plan has this code; write it as plan:code.")
                % {"codes": join_list(sorted(ambiguous & set(codes)))}
            )
        unknown = [c for c in codes if c not in found]
        if unknown:
            raise ValueError(
                _("Unknown %(things)s: %(codes)s.")
                % {"things": self.model._meta.verbose_name_plural, "codes": join_list(unknown)}
            )
        return [found[c] for c in dict.fromkeys(codes)]

    def export(self, instance, **kwargs):
        if instance.pk is None:
            return ""
        related = getattr(instance, self.attribute).all()
        if self.scope and "__" in self.scope:
            related = related.select_related(self.scope.rsplit("__", 1)[0])
        return self.separator.join(sorted(self._key(o) for o in related))

    def key(self, values):
        """What makes two values of this field equal, to skip unchanged rows."""
        return {o.pk for o in values}

    def current(self, instance):
        if instance.pk is None:
            return set()
        return self.key(getattr(instance, self.attribute).all())


_KEEPING = {}


def _keep_prefetched_on_copy(obj):
    """import-export deep-copies each row's instance (the "original" of the diff and of the
    unchanged-row check); a QuerySet's deep copy drops its results, so every prefetched list
    was read again, row by row. Here the copies keep them."""
    for queryset in getattr(obj, "_prefetched_objects_cache", {}).values():
        cls = type(queryset)
        if cls not in _KEEPING:

            def __deepcopy__(self, memo, _base=cls):
                copied = _base.__deepcopy__(self, memo)
                copied._result_cache = list(self._result_cache or [])
                copied._prefetch_done = True
                return copied

            _KEEPING[cls] = type(f"Kept{cls.__name__}", (cls,), {"__deepcopy__": __deepcopy__})
        queryset.__class__ = _KEEPING[cls]


class PlanResource(resources.ModelResource):
    """Base for every plan sheet: see the module docstring."""

    reason = ""  # the history's reason, when not "Imported from a spreadsheet"

    class Meta:
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True
        # Rows are checked one by one and written together at the end (after_import): no
        # savepoint a row.
        use_bulk = True

    @classmethod
    def widget_from_django_field(cls, f, default=widgets.Widget):
        if f.get_internal_type() == "BooleanField":
            return YesNoWidget
        if f.get_internal_type() == "DecimalField":
            return NumberWidget
        if f.get_internal_type() in ("PositiveSmallIntegerField", "IntegerField"):
            return WholeNumberWidget
        return super().widget_from_django_field(f, default=default)

    # -- import ---------------------------------------------------------------------------
    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        self._seen_keys = {}
        self._refused = False
        self._instance_index = None
        self._new, self._changed, self._changed_fields, self._lists = [], [], set(), {}
        self._user = kwargs.get("user")
        self._unique = bulk.UniqueIndex(
            self._meta.model,
            [self.fields[f].attribute for f in self.get_import_id_fields()],
        )
        for field in self.fields.values():
            if hasattr(field.widget, "cache"):
                field.widget.cache = {}
            if isinstance(field, CodeListField):
                field.known = {}  # read once for this import
        self._rows_in_sheet = len(dataset)
        headers = [_text(h) for h in (dataset.headers or [])]
        dataset.headers = headers
        # Spreadsheets keep formatted empty rows at the end; they are not data.
        for index in reversed(range(len(dataset))):
            if all(_text(cell) == "" for cell in dataset[index]):
                del dataset[index]
        self._rows_in_sheet = len(dataset)
        # A list column (links to another sheet's rows) may be left out: its links stay as
        # they are. Every other column must be there.
        self._absent = {
            f.column_name
            for f in self.get_import_fields()
            if isinstance(f, CodeListField) and f.column_name not in headers
        }
        missing = [
            f.column_name
            for f in self.get_import_fields()
            if f.column_name not in headers and f.column_name not in self._absent
        ]
        if missing:
            self._refused = True  # no row is read: each would only repeat this problem
            raise ValueError(
                _("The sheet lacks the column(s): %(columns)s. Export a sheet to see the layout.")
                % {"columns": join_list(missing)}
            )

    def import_row(self, row, instance_loader, **kwargs):
        if getattr(self, "_refused", False):
            result = self.get_row_result_class()()
            result.import_type = result.IMPORT_TYPE_SKIP
            return result
        result = super().import_row(row, instance_loader, **kwargs)
        progress = kwargs.get("progress")  # a background job's progress bar (jobs.progress)
        if progress is not None:
            progress(kwargs.get("row_number", 0), self._rows_in_sheet)
        return result

    def before_import_row(self, row, **kwargs):
        for key, value in list(row.items()):
            # An empty cell arrives as None from XLSX and "" from CSV; treat both as "".
            row[key] = "" if value is None else unneutralise(value)
        key = (
            _text(row.get("policy")),
            *(_text(row.get(self.fields[f].column_name)) for f in self.get_import_id_fields()),
        )
        line = kwargs.get("row_number", 0) + 1
        if key in self._seen_keys:
            column = self.fields[self.get_import_id_fields()[-1]].column_name
            raise ValidationError(
                {
                    column: _("Row %(line)s has the same %(key)s; each may appear once in a sheet.")
                    % {"line": self._seen_keys[key], "key": " + ".join(self.get_import_id_fields())}
                }
            )
        self._seen_keys[key] = line

    def get_instance(self, instance_loader, row):
        """The existing row with the sheet row's key, from an index of the table read once per
        import (with the queryset's related rows and lists) instead of a query a row."""
        try:
            key = tuple(
                self._key_part(self.fields[f].clean(row)) for f in self.get_import_id_fields()
            )
        except (ValueError, ObjectDoesNotExist):
            return None  # the field itself reports the bad code in import_instance
        return self._instances().get(key)

    @staticmethod
    def _key_part(value):
        return bulk.key_part(value)

    def _instances(self):
        if getattr(self, "_instance_index", None) is None:
            fields = [self.fields[f] for f in self.get_import_id_fields()]
            self._instance_index = {}
            for obj in self.get_queryset():
                _keep_prefetched_on_copy(obj)
                self._instance_index[tuple(self._stored_key_part(obj, f) for f in fields)] = obj
        return self._instance_index

    def _stored_key_part(self, obj, field):
        """A key column's value on a stored row; a foreign key by its id, without a query."""
        if "__" not in field.attribute:
            try:
                model_field = self._meta.model._meta.get_field(field.attribute)
            except Exception:
                model_field = None
            if model_field is not None and model_field.many_to_one:
                return getattr(obj, model_field.attname)
        return self._key_part(field.get_value(obj))

    def after_init_instance(self, instance, new, row, **kwargs):
        """What an existing row holds before the sheet's values are put in it: the fields the
        import may change, to write only those."""
        super().after_init_instance(instance, new, row, **kwargs)
        if not new:
            instance._stored_values = {
                f.attname: getattr(instance, f.attname) for f in self._meta.model._meta.fields
            }

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """The rules plan_save applies to a row, checked without a query a row (core/bulk.py):
        a row with unreadable cells gets those messages and the others together."""
        errors = {}
        for name, problems in (import_validation_errors or {}).items():
            errors[name] = [str(m) for p in problems for m in getattr(p, "messages", [p])]
        refused = refusal(self._user, instance, "change" if instance.pk else "add")
        if refused:  # as plan_save would refuse the row: the row's error, named by its number
            raise PermissionDenied(refused)
        bulk.validate(instance, errors, self._unique)
        self.validate_row(instance, errors)
        if errors:
            raise ValidationError(errors)

    def validate_row(self, instance, errors):
        """A sheet's own rules across columns (the activities' partners): add to `errors`."""

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        if field.column_name in getattr(self, "_absent", ()):
            return
        if isinstance(field, CodeListField):
            instance._pending_m2m = getattr(instance, "_pending_m2m", {})
            instance._pending_m2m[field.attribute] = field.parse(row)
            return
        super().import_field(field, instance, row, is_m2m=is_m2m, **kwargs)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        """Unchanged: every field and list as stored. Compared with the stored values read
        before the sheet's were put in (no copy of the row needed: quick())."""
        if not self._meta.skip_unchanged or import_validation_errors or instance.pk is None:
            return False
        stored = getattr(instance, "_stored_values", None)
        if stored is None:
            return False
        pending = getattr(instance, "_pending_m2m", {})
        for field in self.get_import_fields():
            if field.column_name in self._absent:
                continue
            # The stored list (prefetched): the sheet's own is kept apart, in pending.
            if isinstance(field, CodeListField) and field.key(
                pending.get(field.attribute, [])
            ) != field.current(instance):
                return False
        model = self._meta.model._meta
        return all(
            stored[f.attname] == getattr(instance, f.attname)
            for f in model.concrete_fields
            if f.attname in stored
        )

    def quick(self):
        """For an import whose rows nobody looks at one by one (a job, a workbook, a seed):
        no copy and no diff of each row, no result kept for the rows that do not change."""
        self._meta = copy.copy(type(self)._meta)
        self._meta.skip_diff = True
        self._meta.report_skipped = False
        return self

    def save_instance(self, instance, is_create, row, **kwargs):
        """Kept for after_import, which writes the sheet's rows together; a new row is found
        by the rows and sheets that follow (core/bulk.py pending)."""
        if is_create:
            self._new.append(instance)
            rows = bulk.pending()
            if rows is not None:
                rows.add(instance)
        else:
            stored = getattr(instance, "_stored_values", {})
            self._changed_fields |= {
                f.name
                for f in self._meta.model._meta.fields
                if f.attname in stored and stored[f.attname] != getattr(instance, f.attname)
            }
            self._changed.append(instance)
        for name, related in getattr(instance, "_pending_m2m", {}).items():
            self._lists.setdefault(name, []).append((instance, related))

    def save_m2m(self, instance, row, **kwargs):
        pass  # written with the rest of the sheet, in after_import

    def import_data(self, dataset, *args, **kwargs):
        with bulk.importing():  # the new rows of this sheet, for its later rows
            return super().import_data(dataset, *args, **kwargs)

    def after_import(self, dataset, result, **kwargs):
        """The sheet's rows, written together when every row is good and this is no preview:
        bulk statements, the user's rights, one history record a row (plan_bulk_save)."""
        if self._is_dry_run(kwargs) or result.has_errors() or result.has_validation_errors():
            return
        if not (self._new or self._changed):
            return
        self.write_rows(kwargs.get("user"), self.reason or _("Imported from a spreadsheet"))
        super().after_import(dataset, result, **kwargs)  # the id sequence, after new rows

    def write_rows(self, user, reason):
        model = self._meta.model
        names = {f.name for f in model._meta.many_to_many}
        plan_bulk_save(
            user=user,
            model=model,
            new=self._new,
            changed=self._changed,
            fields=self._changed_fields,
            lists={name: pairs for name, pairs in self._lists.items() if name in names},
            reason=reason,
        )

    # -- export ---------------------------------------------------------------------------
    def export_field(self, field, instance, **kwargs):
        return safe_cell(super().export_field(field, instance, **kwargs))


def describe_errors(result, row_numbers=None) -> list[str]:
    """One readable line per problem of an import result, naming row and column. Rows are
    numbered as the spreadsheet shows them: the header is row 1, unless `row_numbers` gives
    each data row's number (a workbook whose rows start lower)."""

    def line(number):  # import-export counts the data rows from 1
        if row_numbers and 0 < number <= len(row_numbers):
            return row_numbers[number - 1]
        return number + 1

    lines = [str(error.error) for error in result.base_errors]
    for number, errors in result.row_errors():
        for error in errors:
            lines.append(
                _("Row %(line)s: %(message)s") % {"line": line(number), "message": error.error}
            )
    for invalid in result.invalid_rows:
        for column, messages in invalid.error_dict.items():
            for message in messages:
                if column == "__all__":
                    lines.append(
                        _("Row %(line)s: %(message)s")
                        % {"line": line(invalid.number), "message": message}
                    )
                else:
                    lines.append(
                        _("Row %(line)s, column “%(column)s”: %(message)s")
                        % {"line": line(invalid.number), "column": column, "message": message}
                    )
    return lines
