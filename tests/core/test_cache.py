"""The cache of the dashboards' figures and the API's lists (core/cache.py): visitors and
partners are served from it, never a stale figure after an approval, never staff, never
another visitor's CSRF token, one entry per language."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from reporting import services
from tests.factories import api_key
from tests.reporting_helpers import submitted
from tests.signin_helpers import verified_login


@pytest.fixture
def cached(settings, world):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    world.policy.is_published = True
    world.policy.save()
    yield world
    cache.clear()


def _approve(world, report):
    return services.report_approve(user=world.reviewer, report=report, version=report.version)


def test_an_approval_shows_at_once_on_the_cached_overview(client, cached):
    report = submitted(cached)
    before = client.get("/").content.decode()
    assert "0 of 2 indicators" in before
    token = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    again = client.get("/").content.decode()  # from the cache, with a token of its own
    assert token.sub("", again) == token.sub("", before)
    _approve(cached, report)
    after = client.get("/").content.decode()
    assert "1 of 2 indicators" in after and "33\xa0%" in after


def test_an_approval_shows_at_once_in_the_cached_api_list(cached):
    report = submitted(cached)
    visitor = APIClient()
    assert visitor.get("/api/v1/indicator-values/").json()["results"] == []
    _approve(cached, report)
    values = visitor.get("/api/v1/indicator-values/").json()["results"]
    assert sorted(v["value"] for v in values) == ["12.0000", "8.0000"]


def test_a_reopening_takes_the_figure_off_the_cached_pages_at_once(client, cached):
    report = _approve(cached, submitted(cached))
    map_url = reverse("analytics:map")
    assert "33\xa0%" in client.get("/").content.decode()
    client.get(map_url)
    services.report_reopen(user=cached.admin, report=report, reason="Wrong governorate.")
    assert "0 of 2 indicators" in client.get("/").content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/map/",
        "/governorates/IQ-BG/",
        "/indicators/{indicator}/",
        "/pillars/{pillar}/",
        "/objectives/{objective}/",
        "/activities/{activity}/",
        "/api/v1/indicator-values/",
        "/api/v1/activities/",
    ],
)
def test_a_cached_page_reads_no_figures(client, cached, url):
    """The second visitor's request reads the version and nothing of the figures."""
    _approve(cached, submitted(cached))
    url = url.format(
        indicator=cached.indicator.pk,
        pillar=cached.activity.objective.pillar.code,
        objective=cached.activity.objective.pk,
        activity=cached.activity.pk,
    )
    first = client.get(url)
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url)
    assert second.status_code == first.status_code == 200
    tables = " ".join(q["sql"] for q in queries.captured_queries)
    assert "analytics_progressfigure" not in tables and "reporting_indicatorvalue" not in tables
    assert "analytics_indicatorfigure" not in tables
    assert len(queries) < 6


def test_staff_are_never_served_from_the_cache(client, cached, monkeypatch):
    stored = []
    real_set = cache.set
    monkeypatch.setattr(cache, "set", lambda k, *a, **kw: stored.append(k) or real_set(k, *a, **kw))
    verified_login(client, cached.reviewer)
    for url in ("/", "/map/", "/governorates/IQ-BG/"):
        assert client.get(url).status_code == 200
    assert APIClient().get("/api/v1/activities/").status_code == 200  # a visitor: stored
    staff_api = APIClient()
    staff_api.credentials(HTTP_AUTHORIZATION=f"Token {api_key(cached.reviewer)}")
    staff_api.get("/api/v1/activities/")
    stored = [k for k in stored if not k.startswith("throttle")]
    assert len(stored) == 1 and ":visitor:" in stored[0]  # the visitor's API list only


def test_a_reporter_is_not_served_a_partners_or_visitors_figures(client, cached, monkeypatch):
    stored = []
    real_set = cache.set
    monkeypatch.setattr(cache, "set", lambda k, *a, **kw: stored.append(k) or real_set(k, *a, **kw))
    verified_login(client, cached.reporter)
    client.get("/")
    verified_login(client, cached.partner)
    client.get("/")
    stored = [k.removeprefix("body:") for k in stored if not k.startswith("throttle")]
    assert {k.split(":")[3] for k in stored} == {"partner"}  # the figures, and the page body


@pytest.fixture(params=["database version", "token in the shared cache"])
def whole(request, cached, settings):
    """Both ways of filing the cached pages: under the figures version (one process's own
    memory) and under a token kept in the shared cache (Redis in production; the same code on
    the test's cache here)."""
    if request.param == "token in the shared cache":
        settings.REDIS_URL = settings.REDIS_URL or "redis://shared.example"
    else:
        settings.REDIS_URL = ""
    return cached


def test_a_visitors_page_comes_whole_from_the_cache_without_the_database(client, whole, settings):
    """The second visitor's page: the same bytes and headers (the security headers of every
    response included), no template rendered, and no query at all with the token in the shared
    cache (one, the figures version, in one process's own memory). A reopening shows at once."""
    report = _approve(whole, submitted(whole))
    first = client.get("/")
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/")
    assert len(queries) == (0 if settings.REDIS_URL else 1), [q["sql"] for q in queries]
    assert second.content == first.content and "1 of 2 indicators" in second.content.decode()
    assert first.templates and not second.templates  # no view, no template: the whole page
    for header in ("Content-Security-Policy", "X-Frame-Options", "Content-Language", "Vary"):
        assert second[header] == first[header], header
    services.report_reopen(user=whole.admin, report=report, reason="Wrong governorate.")
    assert "0 of 2 indicators" in client.get("/").content.decode()


def test_a_lost_token_serves_nothing_cached_before(client, whole):
    """The token evicted or cleared from Redis: a new one is made, and no page cached under
    the old one can be served again."""
    from core.cache import TOKEN_KEY

    report = submitted(whole)
    assert "0 of 2 indicators" in client.get("/").content.decode()
    _approve(whole, report)
    cache.delete(TOKEN_KEY)
    assert "1 of 2 indicators" in client.get("/").content.decode()


def test_a_visitors_page_holds_no_csrf_token_and_the_language_form_needs_none(whole):
    visitor = Client(enforce_csrf_checks=True)
    for _ in range(2):  # made, then from the cache
        page = visitor.get("/")
        assert "csrfmiddlewaretoken" not in page.content.decode() and not page.cookies
    response = visitor.post(reverse("set_language"), {"language": "ar", "next": "/map/"})
    assert response.status_code == 302 and response["Location"] == "/map/"
    assert response.cookies["django_language"].value == "ar"
    assert 'lang="ar"' in visitor.get("/").content.decode()


def test_a_signed_in_persons_language_change_still_needs_their_token(whole):
    person = Client(enforce_csrf_checks=True)
    verified_login(person, whole.reporter)
    refused = person.post(reverse("set_language"), {"language": "ar", "next": "/"})
    assert refused.status_code == 403
    whole.reporter.refresh_from_db()
    assert whole.reporter.language != "ar"
    page = person.get(reverse("reporting:my_work")).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    answer = person.post(
        reverse("set_language"), {"language": "ar", "next": "/", "csrfmiddlewaretoken": token}
    )
    assert answer.status_code == 302
    whole.reporter.refresh_from_db()
    assert whole.reporter.language == "ar"


def test_a_visitor_with_a_session_is_not_served_the_shared_page(client, whole):
    client.get("/")
    client.cookies["sessionid"] = "not-a-session"
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    assert len(queries) > 0  # through the whole stack, not the shared page


def test_only_public_pages_are_kept_whole(client, whole, monkeypatch):
    stored = []
    real_set = cache.set
    monkeypatch.setattr(cache, "set", lambda k, *a, **kw: stored.append(k) or real_set(k, *a, **kw))
    for url in ("/accounts/login/", "/follow-up/", "/?csv=pillars"):
        assert client.get(url).status_code == 200
    assert not [k for k in stored if k.startswith("page:")]
    client.get("/map/")
    assert [k for k in stored if k.startswith("page:")]


def test_each_language_has_its_own_cached_page(client, cached):
    english = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    arabic = client.get("/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert 'lang="en"' in english and 'lang="ar"' in arabic
    assert "National overview" in english and "National overview" not in arabic


def test_a_partners_cached_list_of_sensitive_values_is_still_logged(cached):
    from audit.models import AccessEvent, Kind
    from indicators.models import Indicator

    Indicator.objects.filter(pk=cached.indicator.pk).update(is_sensitive=True)
    _approve(cached, submitted(cached))
    partner = APIClient()
    partner.credentials(HTTP_AUTHORIZATION=f"Token {api_key(cached.partner)}")
    first = partner.get("/api/v1/indicator-values/").json()
    second = partner.get("/api/v1/indicator-values/").json()  # from the cache
    assert first == second and first["results"][0]["value"] is not None
    assert AccessEvent.objects.filter(kind=Kind.SENSITIVE_VALUES).count() == 2


def test_the_overview_costs_the_same_queries_cached_at_any_volume(client, cached):
    from analytics import figures
    from tests.factories import IndicatorFactory, TargetFactory

    _approve(cached, submitted(cached))
    client.get("/")
    with CaptureQueriesContext(connection) as small:
        client.get("/")
    for n in range(10):
        indicator = IndicatorFactory(
            policy=cached.policy, objective=cached.activity.objective, code=f"C{n}"
        )
        TargetFactory(indicator=indicator, period=cached.period)
    figures.refresh(policy_ids=[cached.policy.pk])
    client.get("/")
    with CaptureQueriesContext(connection) as large:
        client.get("/")
    assert len(large) == len(small)


@pytest.mark.parametrize(
    "url", ["/governorates/IQ-BG/", "/indicators/{indicator}/", "/pillars/{pillar}/"]
)
def test_a_cached_body_is_served_without_reading_the_pages_figures_again(
    client, cached, url, monkeypatch
):
    """The pillar page's cached context is hundreds of rows; once its body is cached, a
    partner gets the body and the title's object, and the context is not read (unpickled)."""
    _approve(cached, submitted(cached))
    verified_login(client, cached.partner)
    url = url.format(
        indicator=cached.indicator.pk,
        pillar=cached.activity.objective.pillar.code,
        objective=cached.activity.objective.pk,
        activity=cached.activity.pk,
    )
    first = client.get(url).content.decode()
    asked = []
    real_get = cache.get
    monkeypatch.setattr(cache, "get", lambda k, *a, **kw: asked.append(k) or real_get(k, *a, **kw))
    second = client.get(url).content.decode()
    strip = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert strip.sub("", second) == strip.sub("", first)
    kept = ("head:", "body:", "throttle", "figures-token")
    assert not [k for k in asked if not k.startswith(kept)], asked
    assert "<title>" in second and "</title>" in second
