from django.urls import path

from analytics import plan_pages, report_views, views

app_name = "analytics"

urlpatterns = [
    path("", views.overview, name="overview"),  # the one national overview, for everybody
    path("dashboard/", views.overview_moved, name="overview_moved"),
    path("map/", views.governorate_map, name="map"),
    path("pillars/<slug:code>/", views.pillar, name="pillar"),
    path("objectives/<int:pk>/", plan_pages.objective, name="objective"),
    path("activities/<int:pk>/", plan_pages.activity, name="activity"),
    path("indicators/<int:pk>/", views.indicator, name="indicator"),
    path("compliance/", views.compliance, name="compliance"),
    path("progress-report/", report_views.progress_report, name="progress_report"),
    path("progress-report/pdf/", report_views.progress_report_pdf, name="progress_report_pdf"),
    path("governorates/<str:code>/", views.governorate, name="governorate"),
]
