from django.urls import path

from reporting import offline, views

app_name = "reporting"

urlpatterns = [
    path("my/", views.my_work, name="my_work"),
    # The reporter's service worker, at the root so that it may serve /my/ and /reports/.
    path("sw.js", offline.service_worker, name="service_worker"),
    path("reports/start/", views.report_start, name="start"),
    path("reports/<int:pk>/", views.report_detail, name="report"),
    path("reports/<int:pk>/edit/", views.report_edit, name="edit"),
    path("review/", views.review_queue, name="queue"),
    path("my/workbook/", views.workbook_page, name="workbook"),
    path("my/workbook/download/", views.workbook_download, name="workbook_download"),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence"),
]
