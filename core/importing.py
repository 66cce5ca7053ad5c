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
        key = (value, *scope.values())
        if key in self.cache:
            return self.cache[key]
        try:
            found = self.model.objects.get(**{self.field: value}, **scope)
            self.cache[key] = found
            return found
        except self.model.DoesNotExist:
            if "policy" in (row or {}) and not _policy_exists(_text(row.get("policy"))):
                raise ValueError(
                    _("There is no policy with the code “%(code)s” (column “policy”).")
                    % {"code": _text(row.get("policy"))}
                ) from None
            raise ValueError(
                _("There is no %(thing)s with the code “%(code)s”.")
                % {"thing": self.model._meta.verbose_name, "code": value}
            ) from None
        except self.model.MultipleObjectsReturned:
            raise ValueError(
                _("The code “%(code)s” names more than one %(thing)s.")
                % {"thing": self.model._meta.verbose_name, "code": value}
            ) from None


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
        super().__init__(attribute=attribute, column_name=column_name or attribute, **kwargs)

    def _key(self, obj):
        code = getattr(obj, self.lookup)
        if self.scope is None:
            return code
        scope = obj
        for part in self.scope.split("__"):
            scope = getattr(scope, part)
        return f"{scope}:{code}"

    def parse(self, row):
        raw = _text(row.get(self.column_name))
        codes = [c.strip() for c in raw.split(self.separator) if c.strip()]
        bare = [c.rsplit(":", 1)[-1] for c in codes]
        candidates = self.model.objects.filter(**{f"{self.lookup}__in": bare})
        if self.scope:
            candidates = candidates.select_related(self.scope.rsplit("__", 1)[0])
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
        for field in self.fields.values():
            if hasattr(field.widget, "cache"):
                field.widget.cache = {}
            if isinstance(field, CodeListField):
                field.known = None
        headers = [_text(h) for h in (dataset.headers or [])]
        dataset.headers = headers
        # Spreadsheets keep formatted empty rows at the end; they are not data.
        for index in reversed(range(len(dataset))):
            if all(_text(cell) == "" for cell in dataset[index]):
                del dataset[index]
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
        return super().import_row(row, instance_loader, **kwargs)

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
        try:
            return super().get_instance(instance_loader, row)
        except (ValueError, ObjectDoesNotExist):
            return None  # the field itself reports the bad code in import_instance

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
