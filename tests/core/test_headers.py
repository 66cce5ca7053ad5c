"""Security headers, beyond tests/test_security_headers.py: the admin's pages (the third-party
templates for history and export included) and the API reference under the strict policy
with nothing inline; an API token's answers never stored; no template of the project with an
inline script, style or handler; a class in the style sheet for every bar width and map
place."""

import re
from pathlib import Path

from django.contrib.staticfiles import finders
from django.urls import reverse

from analytics import selectors

ROOT = Path(__file__).resolve().parents[2]
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


def test_an_api_answer_to_a_token_is_never_stored_and_a_visitors_may_be(client, world):
    from tests.factories import api_key

    url = reverse("indicator-list")
    assert "no-store" not in client.get(url).get("Cache-Control", "")
    answer = client.get(url, HTTP_AUTHORIZATION=f"Token {api_key(world.reviewer)}")
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


def test_the_api_reference_is_a_plain_page_under_the_strict_policy(client, db):
    """It was Swagger UI (a start-up script served from ?script, styles set through the DOM):
    now a server-rendered page with no script at all."""
    docs = client.get(reverse("api-docs"))
    assert_strict_policy(docs)
    page = docs.content.decode()
    assert_no_inline_script_or_style(page, "api docs")
    assert "<script" not in page


def test_a_view_that_already_forbids_storing_keeps_its_own_cache_control(rf, world):
    from django.http import HttpResponse

    from core.headers import SecurityHeadersMiddleware

    def view(request):
        response = HttpResponse()
        response["Cache-Control"] = "public, max-age=600"
        return response

    request = rf.get("/")
    request.user = world.reporter
    cache = SecurityHeadersMiddleware(view)(request)["Cache-Control"]
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


def test_every_bar_width_and_map_place_has_its_rule_in_the_style_sheet():
    css = Path(finders.find("css/site.css")).read_text()
    for width in range(0, 101):
        assert f".bar > .w-{width} {{ inline-size: {width}%; }}" in css
    places = [*selectors.TILES.values(), (8, 1)]  # (8, 1): a governorate the map does not know
    for row, column in places:
        assert f".tilemap > .row-{row} {{ grid-row: {row}; }}" in css
        assert f".tilemap > .col-{column} {{ grid-column: {column}; }}" in css
