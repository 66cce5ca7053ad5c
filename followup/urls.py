from django.urls import path

from followup import views

app_name = "followup"

urlpatterns = [
    path("follow-up/", views.follow_up, name="hub"),
    path("legislation/", views.legislation, name="legislation"),
    path("legislation/<slug:code>/", views.instrument, name="instrument"),
    path("recommendations/", views.recommendations, name="recommendations"),
    path("recommendations/<int:pk>/", views.recommendation, name="recommendation"),
    path("disputed/", views.disputed, name="disputed"),
    path("assessments/new/", views.assessment_new, name="assessment_new"),
    path("assessments/<int:pk>/", views.assessment, name="assessment"),
    path("follow-up/files/<str:kind>/<int:pk>/", views.evidence, name="evidence"),
]
