from rest_framework import serializers, viewsets

from core.api import PlanFilterSet
from core.cache import CachedListMixin
from pillars.models import Pillar


class PillarSerializer(serializers.ModelSerializer):
    class Meta:
        model = Pillar
        fields = (
            "id",
            "code",
            "number",
            "name",
            "name_en",
            "name_ar",
            "name_ckb",
            "is_cross_cutting",
            "description",
            "updated_at",
        )


class PillarFilter(PlanFilterSet):
    class Meta:
        model = Pillar
        fields = ["is_cross_cutting"]


class PillarViewSet(CachedListMixin, viewsets.ReadOnlyModelViewSet):
    """The pillars of the policy: participation, protection and prevention, economic recovery,
    legislation (cross-cutting)."""

    queryset = Pillar.objects.order_by("number")
    serializer_class = PillarSerializer
    filterset_class = PillarFilter
    ordering_fields = ["number", "code"]
    lookup_field = "code"
