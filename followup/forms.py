from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from followup.models import FollowUpStatus, Rating, Stage
from reporting.evidence import ALLOWED_NAMES

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _evidence_help():
    return _("Optional. %(kinds)s, at most %(size)s.") % {
        "kinds": ALLOWED_NAMES,
        "size": filesizeformat(settings.EVIDENCE_MAX_BYTES),
    }


def _evidence_field():
    return forms.FileField(
        label=_("Evidence file"),
        required=False,
        # Lazy: the fields are made once, when the module is imported, and the help is read in
        # each request's language (it was English on every page).
        help_text=lazy(_evidence_help, str)(),
    )


class StageForm(forms.Form):
    stage = forms.ChoiceField(label=_("Stage reached"), choices=Stage.choices)
    date = forms.DateField(label=_("Date"), widget=DATE)
    source = forms.CharField(
        label=_("Source"),
        max_length=500,
        help_text=_("Where this is recorded: a gazette issue, a decision, a report, a page."),
    )
    source_url = forms.URLField(
        label=_("Source address"), required=False, max_length=500, assume_scheme="https"
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"})
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        help_text=_("Required when the instrument goes back a stage."),
        widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"}),
    )


class FollowUpNoteForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DATE)
    status = forms.ChoiceField(label=_("Follow-up status"), choices=FollowUpStatus.choices)
    text = forms.CharField(
        label=_("What was done, or why not"),
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
    )
    evidence = _evidence_field()


class AssessmentForm(forms.Form):
    organisation = forms.ChoiceField(label=_("Organisation"))
    period = forms.ChoiceField(label=_("Period"))
    rating = forms.TypedChoiceField(
        label=_("How far has it gone, in your organisation's view?"),
        choices=Rating.choices,
        coerce=int,
        widget=forms.RadioSelect,
    )
    narrative = forms.CharField(
        label=_("What your organisation observed"),
        help_text=_("Where, when, and what you saw. This stands beside the official report."),
        widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
    )
    evidence = _evidence_field()

    def __init__(self, *args, organisations=(), periods=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [(o.pk, o.name) for o in organisations]
        self.fields["period"].choices = [(p.pk, p.name) for p in periods]


class ReplyForm(forms.Form):
    reply = forms.CharField(
        label=_("The Directorate's reply"), widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"})
    )
