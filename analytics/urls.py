from django.urls import path

from analytics import views

app_name = "analytics"

urlpatterns = [
    path("dashboard/", views.overview, name="overview"),
    path("map/", views.governorate_map, name="map"),
    path("governorates/<str:code>/", views.governorate, name="governorate"),
]
