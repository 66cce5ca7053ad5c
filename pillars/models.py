from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.i18n import NameTranslations, translated
from core.models import Timestamped


class Pillar(NameTranslations, Timestamped):
    """A pillar of the Women, Peace and Security agenda: participation, protection ..."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    is_cross_cutting = models.BooleanField(_("cross-cutting"), default=False)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_ar = models.TextField(_("description (Arabic)"), blank=True)
    description_ckb = models.TextField(_("description (Kurdish)"), blank=True)
    history = HistoricalRecords()

    class Meta:
        permissions = [("import_pillar", _("Can import pillars from a spreadsheet"))]
        ordering = ["number"]
        verbose_name = _("pillar")
        verbose_name_plural = _("pillars")

    def __str__(self):
        return f"{self.number}. {self.name}"

    @property
    def description(self) -> str:
        return translated(self, "description")
