"""Security headers: a Content-Security-Policy without inline script or style on every page,
Permissions-Policy on every response, `Cache-Control: no-store` on what a signed-in person
is answered (and not on the public pages, which proxies may keep)."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.template import engines
from django.urls import reverse

from analytics import selectors
from core.templatetags.numbers import bar_class
from tests.reporting_helpers import approved, draft

ROOT = Path(__file__).resolve().parent.parent
POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}


def directives(response):
    header = response["Content-Security-Policy"]
    pairs = (part.strip().partition(" ") for part in header.split(";") if part.strip())
    return {name: value for name, _, value in pairs}


def assert_strict_policy(response):
    got = directives(response)
    for name, value in POLICY.items():
        assert got.get(name) == value, (name, response["Content-Security-Policy"])
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]


@pytest.fixture
def published(world):
    """The world's plan published, with one approved report: bars and map shades to draw."""
    approved(world)
    world.policy.is_published = True
    world.policy.save()
    return world


def public_pages(world):
    return [
        reverse("reporting:home"),
        reverse("analytics:overview"),
        reverse("analytics:map"),
        reverse("analytics:pillar", args=[world.activity.objective.pillar.code]),
        reverse("analytics:indicator", args=[world.indicator.pk]),
        reverse("analytics:governorate", args=[world.baghdad.code]),
        reverse("followup:hub"),
        reverse("api-docs"),
    ]


def test_every_public_page_has_the_strict_policy_and_may_be_cached(client, published):
    for url in public_pages(published):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith("text/html"), url
        assert_strict_policy(response)
        assert "no-store" not in response.get("Cache-Control", ""), url
    # The sign-in page is Django's never_cache: it keeps that, and the policy.
    assert_strict_policy(client.get(reverse("login")))


def test_signed_in_pages_have_the_policy_and_are_never_stored(client, world):
    report = draft(world)
    client.force_login(world.reporter)
    for url in (
        reverse("reporting:my_work"),
        reverse("reporting:edit", args=[report.pk]),
        reverse("reporting:report", args=[report.pk]),
        reverse("analytics:overview"),
        reverse("accounts:preferences"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_strict_policy(response)
        cache = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"no-store", "private"} <= cache, url
        assert "public" not in cache


def test_an_api_answer_to_a_token_is_never_stored_and_a_visitors_may_be(client, world):
    from rest_framework.authtoken.models import Token

    url = reverse("indicator-list")
    assert "no-store" not in client.get(url).get("Cache-Control", "")
    token = Token.objects.create(user=world.reviewer)
    answer = client.get(url, HTTP_AUTHORIZATION=f"Token {token.key}")
    assert "no-store" in answer["Cache-Control"]


def test_the_admin_works_under_the_policy(director_client, world):
    for url in (
        reverse("admin:index"),
        reverse("admin:indicators_indicator_changelist"),
        reverse("admin:indicators_indicator_change", args=[world.indicator.pk]),
        reverse("admin:indicators_indicator_history", args=[world.indicator.pk]),
        reverse("admin:indicators_indicator_export"),
    ):
        response = director_client.get(url)
        assert response.status_code == 200, url
        assert_strict_policy(response)
        assert "no-store" in response["Cache-Control"]
        assert_no_inline_script_or_style(response.content.decode(), url)


def test_the_api_docs_load_their_set_up_script_from_the_site(client, db):
    docs = client.get(reverse("api-docs"))
    assert_strict_policy(docs)
    page = docs.content.decode()
    assert_no_inline_script_or_style(page, "api docs")
    script = re.search(r'<script src="([^"]*\?[^"]*script[^"]*)"', page).group(1)
    setup = client.get(script.replace("&amp;", "&"))
    assert setup.status_code == 200
    assert "SwaggerUIBundle(" in setup.content.decode()

    # ReDoc would need inline styles, a blob: worker and an image from Redocly: old links
    # lead to Swagger UI instead.
    redoc = client.get(reverse("api-redoc"))
    assert redoc.status_code == 301 and redoc["Location"] == reverse("api-docs")


def test_permissions_policy_is_on_every_response(client, published):
    urls = [*public_pages(published), reverse("api-root"), "/static/css/site.css", "/no-such-page/"]
    for url in urls:
        header = client.get(url)["Permissions-Policy"]
        for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
            assert f"{feature}=()" in header, (url, header)


def test_a_view_that_already_forbids_storing_keeps_its_own_cache_control(rf, world):
    from django.http import HttpResponse

    from core.middleware import PrivateCacheMiddleware

    def view(request):
        response = HttpResponse()
        response["Cache-Control"] = "public, max-age=600"
        return response

    request = rf.get("/")
    request.user = world.reporter
    cache = PrivateCacheMiddleware(view)(request)["Cache-Control"]
    parts = {part.strip() for part in cache.split(",")}
    assert {"no-store", "private"} <= parts and "public" not in parts


INLINE_STYLE = re.compile(r"\sstyle\s*=", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
STYLE_ELEMENT = re.compile(r"<style[\s>]", re.IGNORECASE)


def assert_no_inline_script_or_style(html, where):
    for pattern in (INLINE_STYLE, INLINE_HANDLER, INLINE_SCRIPT, STYLE_ELEMENT):
        found = pattern.search(html)
        assert not found, (where, html[max(0, found.start() - 80) : found.end() + 80])


def test_no_template_of_the_project_has_inline_script_style_or_handlers():
    templates = sorted((ROOT / "templates").rglob("*.html"))
    assert templates
    for path in templates:
        text = re.sub(r"\{#.*?#\}", "", path.read_text())
        assert_no_inline_script_or_style(text, str(path.relative_to(ROOT)))


@pytest.mark.parametrize(
    ("ratio", "expected"),
    [
        (None, "w-0"),
        (0, "w-0"),
        (0.02, "w-0"),
        (0.03, "w-5"),
        (0.5, "w-50"),
        (0.97, "w-95"),
        (0.98, "w-100"),
        (1.7, "w-100"),
        (-1, "w-0"),
    ],
)
def test_a_bar_gets_the_class_of_its_width_in_steps_of_five(ratio, expected):
    assert bar_class(ratio) == expected


def test_every_bar_width_and_map_place_has_its_rule_in_the_style_sheet():
    css = Path(finders.find("css/site.css")).read_text()
    for width in range(0, 101, 5):
        assert f".bar > .w-{width} {{ inline-size: {width}%; }}" in css
    places = [*selectors.TILES.values(), (8, 1)]  # (8, 1): a governorate the map does not know
    for row, column in places:
        assert f".tile.row-{row} {{ grid-row: {row}; }}" in css
        assert f".tile.col-{column} {{ grid-column: {column}; }}" in css


def test_the_map_places_its_tiles_with_classes(client, published):
    page = client.get(reverse("analytics:map")).content.decode()
    row, column = selectors.TILES["IQ-BG"]
    assert f"row-{row} col-{column}" in page
    template = engines["django"].from_string(
        '{% load numbers %}<span class="{{ r|bar_class }}"></span>'
    )
    assert template.render({"r": 0.5}) == '<span class="w-50"></span>'
