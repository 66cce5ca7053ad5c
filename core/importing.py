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
- every row is written through core.services.plan_save, with the importing user's permissions
  and history.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from core.exports import safe_cell, unneutralise
from core.services import plan_save


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
        if value not in index:
            # Written since the index was read (an earlier row of this sheet), or unknown.
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
    from policy.models import Policy

    return Policy.objects.filter(code=code).exists()


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
        return "" if value is None else format(value.normalize(), "f")


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
        return [obj for code in dict.fromkeys(bare) for obj in self.known.get(code, [])]

    def _rows(self, code__in=None):
        rows = self.model.objects.all()
        if code__in is not None:
            rows = rows.filter(**{f"{self.lookup}__in": code__in})
        if self.scope:
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
                % {"codes": ", ".join(sorted(ambiguous & set(codes)))}
            )
        unknown = [c for c in codes if c not in found]
        if unknown:
            raise ValueError(
                _("Unknown %(things)s: %(codes)s.")
                % {"things": self.model._meta.verbose_name_plural, "codes": ", ".join(unknown)}
            )
        return [found[c] for c in dict.fromkeys(codes)]

    def export(self, instance, **kwargs):
        if instance.pk is None:
            return ""
        related = getattr(instance, self.attribute).all()
        if self.scope:
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

    class Meta:
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True

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
        missing = [f.column_name for f in self.get_import_fields() if f.column_name not in headers]
        if missing:
            self._refused = True  # no row is read: each would only repeat this problem
            raise ValueError(
                _("The sheet lacks the column(s): %(columns)s. Export a sheet to see the layout.")
                % {"columns": ", ".join(missing)}
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
        return value.pk if hasattr(value, "_meta") else value

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

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """A row whose cells were all read is validated once, by plan_save (its ValidationError
        makes the row invalid, with a message per column, as here). Only a row with unreadable
        cells is checked here as well, so that all its problems are listed together."""
        if import_validation_errors:
            super().validate_instance(instance, import_validation_errors, validate_unique)

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        if isinstance(field, CodeListField):
            instance._pending_m2m = getattr(instance, "_pending_m2m", {})
            instance._pending_m2m[field.attribute] = field.parse(row)
            return
        super().import_field(field, instance, row, is_m2m=is_m2m, **kwargs)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if not self._meta.skip_unchanged or self._meta.skip_diff or import_validation_errors:
            return False
        pending = getattr(instance, "_pending_m2m", {})
        for field in self.get_import_fields():
            if isinstance(field, CodeListField):
                if field.key(pending.get(field.attribute, [])) != field.current(original):
                    return False
            elif not field.readonly and field.get_value(instance) != field.get_value(original):
                return False
        return True

    def save_instance(self, instance, is_create, row, **kwargs):
        if self._is_dry_run(kwargs) and not self._is_using_transactions(kwargs):
            return
        plan_save(
            user=kwargs.get("user"),
            instance=instance,
            m2m=getattr(instance, "_pending_m2m", None),
            reason=_("Imported from a spreadsheet"),
        )
        self.after_save_instance(instance, row, **kwargs)

    def save_m2m(self, instance, row, **kwargs):
        pass  # done by plan_save with the rest of the row

    # -- export ---------------------------------------------------------------------------
    def export_field(self, field, instance, **kwargs):
        return safe_cell(super().export_field(field, instance, **kwargs))


def describe_errors(result) -> list[str]:
    """One readable line per problem of an import result, naming row and column."""
    lines = [str(error.error) for error in result.base_errors]
    for number, errors in result.row_errors():
        for error in errors:
            lines.append(
                _("Row %(line)s: %(message)s") % {"line": number + 1, "message": error.error}
            )
    for invalid in result.invalid_rows:
        for column, messages in invalid.error_dict.items():
            for message in messages:
                if column == "__all__":
                    lines.append(
                        _("Row %(line)s: %(message)s")
                        % {"line": invalid.number + 1, "message": message}
                    )
                else:
                    lines.append(
                        _("Row %(line)s, column “%(column)s”: %(message)s")
                        % {"line": invalid.number + 1, "column": column, "message": message}
                    )
    return lines
