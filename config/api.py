"""The REST API, version 1: /api/v1/. Schema at /api/schema/, interactive docs at /api/docs/."""

from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from analytics.api import IndicatorValueViewSet
from followup.api import AssessmentViewSet, LegalInstrumentViewSet, RecommendationViewSet
from governorates.api import GovernorateViewSet
from indicators.api import (
    FrameworkReferenceViewSet,
    IndicatorViewSet,
    PeriodViewSet,
    TargetViewSet,
)
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
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves its set-up script from ?script: no inline script on the page.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="api-docs"),
    # ReDoc is gone: it needs inline styles, a worker from a blob: address and Redocly's logo
    # from their server, none of which the Content-Security-Policy allows. Old links still work.
    path("redoc/", RedirectView.as_view(pattern_name="api-docs", permanent=True), name="api-redoc"),
]
