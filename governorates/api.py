from rest_framework import serializers, viewsets

from core.api import PlanFilterSet
from core.cache import CachedListMixin
from governorates.models import District, Governorate

NAMES = ("name", "name_en", "name_ar", "name_ckb")


class DistrictSerializer(serializers.ModelSerializer):
    class Meta:
        model = District
        fields = ("id", "code", *NAMES)


class GovernorateSerializer(serializers.ModelSerializer):
    districts = DistrictSerializer(many=True, read_only=True)

    class Meta:
        model = Governorate
        fields = ("id", "code", "region", *NAMES, "districts", "updated_at")


class GovernorateFilter(PlanFilterSet):
    class Meta:
        model = Governorate
        fields = ["region"]


class GovernorateViewSet(CachedListMixin, viewsets.ReadOnlyModelViewSet):
    """The 19 governorates (18 of ISO 3166-2:IQ and Halabja), each with its districts."""

    queryset = Governorate.objects.prefetch_related("districts").order_by("code")
    serializer_class = GovernorateSerializer
    filterset_class = GovernorateFilter
    search_fields = ["code", "name_en", "name_ar", "name_ckb"]
    ordering_fields = ["code", "name_en", "updated_at"]
    lookup_field = "code"
