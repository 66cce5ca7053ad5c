from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin import NAME_FIELDS, ImportExportPlanAdmin, PlanAdmin
from governorates.models import District, Governorate, SubDistrict
from governorates.resources import DistrictResource, GovernorateResource


class DistrictInline(admin.TabularInline):
    model = District
    fields = ("code", *NAME_FIELDS)
    extra = 0
    show_change_link = True


@admin.register(Governorate)
class GovernorateAdmin(ImportExportPlanAdmin):
    resource_classes = [GovernorateResource]
    list_display = ("code", "name_en", "name_ar", "name_ckb", "region", "district_count")
    list_filter = ("region",)
    search_fields = ("code", *NAME_FIELDS)
    inlines = [DistrictInline]

    def get_queryset(self, request):
        from django.db.models import Count

        return super().get_queryset(request).annotate(n_districts=Count("districts"))

    @admin.display(description=_("districts"), ordering="n_districts")
    def district_count(self, obj):
        return obj.n_districts


class SubDistrictInline(admin.TabularInline):
    model = SubDistrict
    fields = ("code", *NAME_FIELDS)
    extra = 0


@admin.register(District)
class DistrictAdmin(ImportExportPlanAdmin):
    resource_classes = [DistrictResource]
    list_display = ("code", "name_en", "name_ar", "governorate")
    list_filter = ("governorate__region", "governorate")
    list_select_related = ("governorate",)
    search_fields = ("code", *NAME_FIELDS, "governorate__name_en")
    autocomplete_fields = ("governorate",)
    inlines = [SubDistrictInline]


@admin.register(SubDistrict)
class SubDistrictAdmin(PlanAdmin):
    list_display = ("code", "name_en", "district")
    list_filter = ("district__governorate",)
    list_select_related = ("district__governorate",)
    search_fields = ("code", *NAME_FIELDS)
    autocomplete_fields = ("district",)
