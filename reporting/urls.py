from django.urls import path

from reporting import views

app_name = "reporting"

urlpatterns = [
    path("my/", views.my_work, name="my_work"),
    path("reports/start/", views.report_start, name="start"),
    path("reports/<int:pk>/", views.report_detail, name="report"),
    path("reports/<int:pk>/edit/", views.report_edit, name="edit"),
    path("review/", views.review_queue, name="queue"),
    path("my/workbook/", views.workbook_page, name="workbook"),
    path("my/workbook/download/", views.workbook_download, name="workbook_download"),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence"),
]
