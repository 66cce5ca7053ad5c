"""Plan content in three languages: one column per language, read in the active language.

We keep explicit `<field>_en`, `<field>_ar`, `<field>_ckb` columns instead of a translation
library: they import and export as plain spreadsheet columns, show as plain admin fields, and
filter with ordinary queries. docs/architecture.md says more.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

CONTENT_LANGUAGES = ("en", "ar", "ckb")


def language_order(language=None):
    """The active language first, then the others, English before Arabic before Kurdish."""
    code = (language or get_language() or "en").split("-")[0].lower()
    return [code, *[c for c in CONTENT_LANGUAGES if c != code]]


def translated(obj, field, language=None):
    """The value of `field` in the active language, falling back to one that is filled in."""
    for code in language_order(language):
        value = getattr(obj, f"{field}_{code}", "")
        if value:
            return value
    return ""


class NameTranslations(models.Model):
    name_en = models.CharField(_("name (English)"), max_length=255)
    name_ar = models.CharField(_("name (Arabic)"), max_length=255, blank=True)
    name_ckb = models.CharField(_("name (Kurdish)"), max_length=255, blank=True)

    class Meta:
        abstract = True

    @property
    def name(self) -> str:
        return translated(self, "name")


class TitleTranslations(models.Model):
    title_en = models.CharField(_("title (English)"), max_length=500)
    title_ar = models.CharField(_("title (Arabic)"), max_length=500, blank=True)
    title_ckb = models.CharField(_("title (Kurdish)"), max_length=500, blank=True)

    class Meta:
        abstract = True

    @property
    def title(self) -> str:
        return translated(self, "title")
