from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.i18n import NameTranslations
from core.models import Timestamped


class Region(models.TextChoices):
    FEDERAL = "federal", _("Federal Iraq")
    KURDISTAN = "kurdistan", _("Kurdistan Region")


class Governorate(NameTranslations, Timestamped):
    """One of the 18 governorates of ISO 3166-2:IQ, or Halabja."""

    code = models.CharField(
        _("code"), max_length=10, unique=True, help_text=_("ISO 3166-2 code, e.g. IQ-BG.")
    )
    region = models.CharField(_("region"), max_length=12, choices=Region.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("governorate")
        verbose_name_plural = _("governorates")
        permissions = [("import_governorate", _("Can import governorates from a spreadsheet"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(region__in=Region.values), name="governorate_region_valid"
            ),
        ]

    def __str__(self):
        return self.name


class District(NameTranslations, Timestamped):
    governorate = models.ForeignKey(
        Governorate,
        on_delete=models.PROTECT,
        related_name="districts",
        verbose_name=_("governorate"),
    )
    code = models.CharField(_("code"), max_length=20)
    history = HistoricalRecords()

    class Meta:
        ordering = ["governorate__name_en", "name_en"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        permissions = [("import_district", _("Can import districts from a spreadsheet"))]
        constraints = [
            models.UniqueConstraint(
                fields=["governorate", "code"], name="district_code_unique_in_governorate"
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.governorate})"


class SubDistrict(NameTranslations):
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="subdistricts", verbose_name=_("district")
    )
    code = models.CharField(_("code"), max_length=20)
    history = HistoricalRecords()

    class Meta:
        ordering = ["district__name_en", "name_en"]
        verbose_name = _("sub-district")
        verbose_name_plural = _("sub-districts")
        constraints = [
            models.UniqueConstraint(
                fields=["district", "code"], name="subdistrict_code_unique_in_district"
            ),
        ]

    def __str__(self):
        return self.name
