from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

admin.site.site_header = "National Policy for Empowerment of Iraqi Women: tracker"
admin.site.site_title = "Women Empowerment tracker"
admin.site.index_title = "Plan administration"

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", RedirectView.as_view(pattern_name="admin:index", permanent=False), name="home"),
]

if settings.DEBUG:
    # Only the development server; production serves nothing from MEDIA_ROOT directly.
    pass
