from django.contrib import admin
from django.urls import include, path

from accounts.views import language_set
from analytics.views import overview
from config import paths

urlpatterns = [
    # Django's set_language, which also remembers the choice on a signed-in person's account.
    path("i18n/setlang/", language_set, name="set_language"),
    path("accounts/", include("accounts.urls")),
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("api/", include("config.api")),
    # Where each person starts after signing in, and the page for those who take the data away.
    path("start/", paths.landing, name="landing"),
    path("data/", paths.data_api, name="data-api"),
    path("", include("jobs.urls")),
    path("", include("analytics.urls")),
    path("", include("followup.urls")),
    path("", include("reporting.urls")),
    # The start page is the national overview for everybody, visitors and people signed in
    # alike (analytics:overview, which answers / first; this name is the same page).
    path("", overview, name="home"),
]

handler400 = "config.views.bad_request"
