from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("National Policy for Empowerment of Iraqi Women: tracker")
admin.site.site_title = _("Women empowerment tracker")
admin.site.index_title = _("Plan administration")

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("api/", include("config.api")),
    path("", include("analytics.urls")),
    path("", include("reporting.urls")),
]
