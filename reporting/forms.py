from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from core.digits import western
from core.text import join_list
from indicators.models import PERCENT_RANGE, Indicator, value_range
from policy.models import Activity
from reporting.evidence import ALLOWED_NAMES, check_evidence
from reporting.models import COMMENT_LIMIT, TEXT_LIMIT, AgeBand, Sex


class LocalIntegerField(forms.IntegerField):
    """Also takes the Eastern Arabic (٣٥) and Persian (۳۵) digits people type on their phones."""

    def to_python(self, value):
        return super().to_python(western(value))


class LocalDecimalField(forms.DecimalField):
    """Also takes ١٢٫٥ and ۱۲٫۵ as 12.5."""

    def to_python(self, value):
        return super().to_python(western(value))


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
    percent_complete = LocalIntegerField(
        label=_("Percent complete"),
        help_text=_("How much of the whole activity is done, from 0 to 100."),
        min_value=PERCENT_RANGE[0],
        max_value=PERCENT_RANGE[1],
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
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
        error_messages={
            "empty": _("The file is empty. Nothing else was lost: choose the file again."),
            "invalid": _("No file was sent. Nothing else was lost: choose the file again."),
        },
    )

    def __init__(self, *args, rows, groups, **kwargs):
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
        for row in rows:
            where = row.governorate.name if row.governorate else _("national total")
            lowest, top = value_range(row.indicator.unit)
            yes_no = row.indicator.unit == Indicator.Unit.YES_NO
            self.fields[row.key] = LocalDecimalField(
                label=f"{row.indicator.title} ({where})",
                help_text=_("1 for yes, 0 for no.") if yes_no else "",
                required=False,
                min_value=lowest,
                max_value=top,
                max_digits=18,
                decimal_places=4,
                widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "any"}),
            )

    @staticmethod
    def _count(label):
        return LocalIntegerField(
            label=label,
            required=False,
            min_value=0,
            max_value=10_000_000,
            widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        )

    def people_fields(self):
        return [self[name] for name, key in self.people_keys if not isinstance(key, int)]

    def group_fields(self):
        return [self[name] for name, key in self.people_keys if isinstance(key, int)]

    def value_fields(self):
        return [(row, self[row.key]) for row in self.rows]

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
        return {
            (
                row.indicator.pk,
                row.governorate.pk if row.governorate else None,
            ): self.cleaned_data.get(row.key)
            for row in self.rows
        }


class ReviewForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    comment = forms.CharField(
        label=_("Comment for the reporter"),
        help_text=_("Required when you return the report."),
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        required=False,
        max_length=COMMENT_LIMIT,
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
