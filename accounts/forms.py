from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from accounts.models import Digits


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=())
    digits = forms.ChoiceField(
        label=_("Digits"),
        choices=Digits.choices,
        widget=forms.RadioSelect,
        help_text=_("Codes, the numbers in forms and the files you download keep 0-9."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from django.utils.translation import get_language_info

        # Each language in its own name, as in the switcher at the top of every page.
        self.fields["language"].choices = [
            (code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES
        ]


class SecondFactorForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=40,
        help_text=_(
            "The six digits your authenticator app shows now, or one of your recovery codes."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )


class FirstCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the app"),
        max_length=40,
        help_text=_("The six digits the app shows for this account now."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
