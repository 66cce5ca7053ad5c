from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from core.forms import LocalizedDecimalField, LocalizedIntegerField
from core.text import join_list
from indicators.models import PERCENT_RANGE, Indicator, value_range
from policy.models import Activity
from reporting import plausibility
from reporting.evidence import ALLOWED_NAMES, KINDS, check_evidence
from reporting.models import COMMENT_LIMIT, TEXT_LIMIT, AgeBand, IndicatorValue, Sex
from reporting.services import NotAvailable

NOTE_LIMIT = IndicatorValue._meta.get_field("note").max_length


# Kept for what imported them by these names: core.forms has the shared fields.
LocalIntegerField = LocalizedIntegerField
LocalDecimalField = LocalizedDecimalField

# The evidence input: the kinds we accept, and image/* so that a phone offers its camera beside
# its files (no `capture`, which would allow the camera only).
EVIDENCE_ACCEPT = ",".join(
    ["image/*", *sorted({kind for kind, _check in KINDS.values()}), *sorted(KINDS)]
)


class ReportForm(forms.Form):
    """The progress report of one activity and period, as a reporter fills it in.

    Built per report: a people-reached field per sex and age band and per target group of the
    activity, and a value field per indicator and governorate (see selectors.value_rows).
    """

    version = forms.IntegerField(widget=forms.HiddenInput)
    activity_status = forms.ChoiceField(
        label=_("Where does the activity stand?"),
        choices=[("", _("Choose…")), *Activity.Status.choices],
        required=False,
    )
    percent_complete = LocalizedIntegerField(
        label=_("Percent complete"),
        help_text=_("How much of the whole activity is done, from 0 to 100."),
        min_value=PERCENT_RANGE[0],
        max_value=PERCENT_RANGE[1],
        required=False,
    )
    achievements = forms.CharField(
        label=_("Achievements in this period"),
        help_text=_("What was done, where and for whom."),
        widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
        required=False,
        max_length=TEXT_LIMIT,
    )
    challenges = forms.CharField(
        label=_("Challenges"),
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        required=False,
        max_length=TEXT_LIMIT,
    )
    next_steps = forms.CharField(
        label=_("Next steps"),
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        required=False,
        max_length=TEXT_LIMIT,
    )
    evidence = forms.FileField(
        label=_("Add an evidence file"),
        required=False,
        widget=forms.FileInput(attrs={"accept": EVIDENCE_ACCEPT}),
        error_messages={
            "empty": _("The file is empty. Nothing else was lost: choose the file again."),
            "invalid": _("No file was sent. Nothing else was lost: choose the file again."),
        },
    )

    figures_confirmed = forms.BooleanField(
        label=_("The figures are correct"),
        help_text=_(
            "Some figures look unusual (see the warnings beside them). Tick this box if "
            "they are right, or correct them."
        ),
        required=False,
    )

    def __init__(self, *args, rows, groups, governorates=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evidence"].help_text = _(
            "%(kinds)s, at most %(limit)s. Photos of attendance sheets are fine."
        ) % {"kinds": ALLOWED_NAMES, "limit": filesizeformat(settings.EVIDENCE_MAX_BYTES)}
        self.rows = rows
        self.groups = groups
        self.people_keys = []
        for sex, sex_label in Sex.choices:
            for band, band_label in AgeBand.choices:
                name = f"people-{sex}-{band}"
                self.fields[name] = self._count(join_list([sex_label, band_label]))
                self.people_keys.append((name, (sex, band)))
        for group in groups:
            name = f"group-{group.code}"
            self.fields[name] = self._count(group.name)
            self.people_keys.append((name, group.pk))
        self.governorates = governorates
        self.warnings = {}  # {row key: why its value looks implausible}
        for row in rows:
            where = row.governorate.name if row.governorate else _("national total")
            lowest, top = value_range(row.indicator.unit)
            yes_no = row.indicator.unit == Indicator.Unit.YES_NO
            self.fields[row.key] = LocalizedDecimalField(
                label=f"{row.indicator.title} ({where})",
                help_text=_("1 for yes, 0 for no.") if yes_no else "",
                required=False,
                min_value=lowest,
                max_value=top,
                max_digits=18,
                decimal_places=4,
            )
            self.fields[f"{row.key}-na"] = forms.BooleanField(
                label=_("Not available"),
                required=False,
            )
            self.fields[f"{row.key}-reason"] = forms.CharField(
                label=_("Why not available? (optional)"),
                required=False,
                max_length=NOTE_LIMIT,
                widget=forms.TextInput(attrs={"dir": "auto"}),
            )

    @staticmethod
    def _count(label):
        return LocalizedIntegerField(label=label, required=False, min_value=0, max_value=10_000_000)

    def people_fields(self):
        return [self[name] for name, key in self.people_keys if not isinstance(key, int)]

    def group_fields(self):
        return [self[name] for name, key in self.people_keys if isinstance(key, int)]

    def value_fields(self):
        """(row, value field, "not available" box, its reason, the warning or "") per cell."""
        for key in self.warnings:  # read by screen readers with the field, as its errors
            field = self[key]
            ids = [f"{field.auto_id}_helptext"] if field.help_text else []
            ids += [f"{field.auto_id}_error"] if field.errors else []
            field.field.widget.attrs["aria-describedby"] = " ".join(
                [*ids, f"{field.auto_id}_warning"]
            )
        return [
            (
                row,
                self[row.key],
                self[f"{row.key}-na"],
                self[f"{row.key}-reason"],
                self.warnings.get(row.key, ""),
            )
            for row in self.rows
        ]

    def summary_warnings(self):
        """(field id, label, warning) for the error summary's links."""
        return [
            (self[row.key].id_for_label, self[row.key].label, self.warnings[row.key])
            for row in self.rows
            if row.key in self.warnings
        ]

    def clean(self):
        data = super().clean()
        for row in self.rows:
            value = data.get(row.key)
            if data.get(f"{row.key}-na") and value is not None:
                self.add_error(
                    row.key,
                    _("Give a value or tick “Not available”, not both."),
                )
                continue
            saved = row.value.value if row.value is not None else None
            # A figure already saved was confirmed then (or needs no confirmation).
            if value is not None and value != saved and row.key not in self.errors:
                warning = plausibility.row_warning(row, value, self.governorates)
                if warning:
                    self.warnings[row.key] = warning
        if self.warnings and not data.get("figures_confirmed"):
            self.add_error(
                "figures_confirmed",
                _(
                    "Some figures look unusual. Check them; if they are right, tick “The figures "
                    "are correct” and save again."
                ),
            )
        return data

    def clean_evidence(self):
        upload = self.cleaned_data.get("evidence")
        if upload:
            try:
                check_evidence(upload)
            except ValidationError as error:
                raise ValidationError(
                    [*error.messages, _("Nothing else was lost: choose the file again.")]
                ) from None
        return upload

    def report_data(self):
        return {
            k: self.cleaned_data.get(k)
            for k in (
                "activity_status",
                "percent_complete",
                "achievements",
                "challenges",
                "next_steps",
            )
        }

    def people_data(self):
        return {key: self.cleaned_data.get(name) for name, key in self.people_keys}

    def values_data(self):
        """{(indicator id, governorate id): Decimal, None or services.NotAvailable}."""
        values = {}
        for row in self.rows:
            key = (row.indicator.pk, row.governorate.pk if row.governorate else None)
            if self.cleaned_data.get(f"{row.key}-na"):
                values[key] = NotAvailable(self.cleaned_data.get(f"{row.key}-reason") or "")
            else:
                values[key] = self.cleaned_data.get(row.key)
        return values


class ReviewForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    comment = forms.CharField(
        label=_("Comment for the reporter"),
        help_text=_("Required when you return the report."),
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        required=False,
        max_length=COMMENT_LIMIT,
    )
    confirm = forms.BooleanField(
        label=_("I have checked the figures and evidence; approving locks the report"),
        help_text=_("Required to approve. Only a Directorate admin can reopen an approved report."),
        required=False,
    )


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("Why reopen this approved report?"),
        widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"}),
        max_length=COMMENT_LIMIT,
    )


class WorkbookUploadForm(forms.Form):
    """A report workbook coming back, filled in."""

    file = forms.FileField(label=_("Report workbook (.xlsx)"))
    submit = forms.BooleanField(
        label=_("Then submit the reports that are complete"),
        required=False,
        help_text=_("Reports with something still missing stay drafts; the check says what."),
    )

    def clean_file(self):
        from core.workbook import WorkbookRefused, check_upload

        upload = self.cleaned_data["file"]
        try:
            check_upload(upload, upload.name)
        except WorkbookRefused as refused:
            raise ValidationError(refused.problems) from None
        upload.seek(0)
        return upload
