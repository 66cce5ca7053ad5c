from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin import NAME_FIELDS, PlanAdmin
from pillars.models import Pillar


@admin.register(Pillar)
class PillarAdmin(PlanAdmin):
    list_display = ("number", "code", "name_en", "name_ar", "name_ckb", "is_cross_cutting")
    list_display_links = ("number", "code")
    search_fields = ("code", *NAME_FIELDS)
    fieldsets = (
        (None, {"fields": ("number", "code", "is_cross_cutting")}),
        (_("Names"), {"fields": NAME_FIELDS}),
        (_("Description"), {"fields": ("description_en", "description_ar", "description_ckb")}),
    )
