import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from governorates.models import Governorate
from indicators.models import ReportingPeriod
from pillars.models import Pillar
from policy.models import Entity, covering_q
from reporting.models import ProgressReport, ReportStatus


class ReviewQueueFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=ReportStatus.choices, empty_label=_("Any status")
    )
    pillar = django_filters.ModelChoiceFilter(
        label=_("Pillar"),
        field_name="activity__objective__pillar",
        queryset=Pillar.objects.all(),
        empty_label=_("Any pillar"),
    )
    governorate = django_filters.ModelChoiceFilter(
        label=_("Governorate"),
        method="filter_governorate",
        queryset=Governorate.objects.all(),
        empty_label=_("Any governorate"),
    )
    entity = django_filters.ModelChoiceFilter(
        label=_("Entity"),
        queryset=Entity.objects.all(),
        empty_label=_("Any entity"),
    )
    period = django_filters.ModelChoiceFilter(
        label=_("Period"),
        queryset=ReportingPeriod.objects.order_by("-start_date"),
        empty_label=_("Any period"),
    )

    class Meta:
        model = ProgressReport
        fields = ["status", "pillar", "governorate", "entity", "period"]

    def filter_governorate(self, queryset, name, value):
        return queryset.filter(Q(governorate=value) | covering_q(value, path="activity"))
