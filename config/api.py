"""The REST API, version 1: /api/v1/. Schema at /api/schema/, its reference at /api/docs/."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from analytics.api import IATIActivitiesView, IndicatorValueViewSet
from config.paths import api_reference
from followup.api import AssessmentViewSet, LegalInstrumentViewSet, RecommendationViewSet
from governorates.api import GovernorateViewSet
from indicators.api import (
    FrameworkReferenceViewSet,
    IndicatorViewSet,
    PeriodViewSet,
    TargetViewSet,
)
from jobs.api import JobFileView, JobView
from pillars.api import PillarViewSet
from policy.api import (
    ActivityViewSet,
    EntityViewSet,
    ObjectiveViewSet,
    PolicyViewSet,
    ThemeViewSet,
    VulnerableGroupViewSet,
)
from reporting.api import ReportViewSet
from reporting.api_work import WorkbookView, WorkPeriodsView, WorkView

router = DefaultRouter()
router.register("policies", PolicyViewSet)
router.register("pillars", PillarViewSet)
router.register("objectives", ObjectiveViewSet)
router.register("activities", ActivityViewSet)
router.register("entities", EntityViewSet)
router.register("governorates", GovernorateViewSet)
router.register("vulnerable-groups", VulnerableGroupViewSet)
router.register("themes", ThemeViewSet)
router.register("indicators", IndicatorViewSet)
router.register("periods", PeriodViewSet)
router.register("targets", TargetViewSet)
router.register("framework-references", FrameworkReferenceViewSet)
router.register("indicator-values", IndicatorValueViewSet, basename="indicatorvalue")
router.register("reports", ReportViewSet, basename="report")
router.register("legal-instruments", LegalInstrumentViewSet)
router.register("recommendations", RecommendationViewSet)
router.register("assessments", AssessmentViewSet, basename="assessment")

urlpatterns = [
    path("v1/", include(router.urls)),
    path("v1/work/", WorkView.as_view(), name="api-work"),
    path("v1/work/periods/", WorkPeriodsView.as_view(), name="api-work-periods"),
    path("v1/work/workbook/", WorkbookView.as_view(), name="api-work-workbook"),
    path("v1/jobs/<uuid:pk>/", JobView.as_view(), name="api-job-detail"),
    path("v1/jobs/<uuid:pk>/file/", JobFileView.as_view(), name="api-job-file"),
    path("v1/iati/", IATIActivitiesView.as_view(), name="api-iati"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The reference for people: a plain page in the reader's language drawn from the schema
    # (config/paths.py), which replaced Swagger UI (545 KiB of script, English only).
    path("docs/", api_reference, name="api-docs"),
]
