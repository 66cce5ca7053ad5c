from import_export import fields

from core.importing import CodeWidget, PlanResource
from governorates.models import District, Governorate

NAMES = ("name_en", "name_ar", "name_ckb")


class GovernorateResource(PlanResource):
    class Meta(PlanResource.Meta):
        model = Governorate
        import_id_fields = ("code",)
        fields = ("code", "region", *NAMES)


class DistrictResource(PlanResource):
    governorate = fields.Field(
        attribute="governorate", column_name="governorate", widget=CodeWidget(Governorate)
    )

    class Meta(PlanResource.Meta):
        model = District
        import_id_fields = ("governorate", "code")
        fields = ("governorate", "code", *NAMES)

    def get_queryset(self):
        return super().get_queryset().select_related("governorate")
