"""The pillars as a sheet, keyed by code (reference data: docs/architecture.md, Spreadsheets)."""

from core.importing import PlanResource
from pillars.models import Pillar

NAMES = ("name_en", "name_ar", "name_ckb")


class PillarResource(PlanResource):
    class Meta(PlanResource.Meta):
        model = Pillar
        import_id_fields = ("code",)
        fields = (
            "code",
            "number",
            "is_cross_cutting",
            *NAMES,
            "description_en",
            "description_ar",
            "description_ckb",
        )
