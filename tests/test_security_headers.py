"""Every page carries a Content-Security-Policy and a Permissions-Policy; signed-in pages are
never cached."""

import re

import pytest
from django.urls import reverse

from tests.reporting_helpers import approved
from tests.signin_helpers import verified_login

pytestmark = pytest.mark.django_db

PUBLIC = ["/", "/map/", "/follow-up/", "/accounts/login/", "/api/docs/"]


def _pages(world):
    pillar = world.activity.objective.pillar.code
    return [
        *PUBLIC,
        reverse("analytics:pillar", args=[pillar]),
        reverse("analytics:indicator", args=[world.indicator.pk]),
        reverse("analytics:governorate", args=["IQ-BG"]),
    ]


def _policy(response):
    header = response.headers.get("Content-Security-Policy", "")
    return dict((part.split()[0], part.split()[1:]) for part in header.split(";") if part.strip())


def test_every_public_page_has_a_strict_content_security_policy(client, world):
    world.policy.is_published = True
    world.policy.save()
    approved(world)
    for url in _pages(world):
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        policy = _policy(response)
        assert policy.get("object-src") == ["'none'"], url
        assert policy.get("frame-ancestors") == ["'none'"], url
        assert "'unsafe-inline'" not in policy.get("script-src", []), url
        assert "camera=()" in response.headers["Permissions-Policy"], url
        if url != "/accounts/login/":  # Django never caches the login page anyway
            assert "no-store" not in response.headers.get("Cache-Control", ""), url
        if not url.startswith("/api/docs/"):
            assert "'unsafe-inline'" not in policy.get("style-src", []), url
            page = response.content.decode()
            # Nothing inline that the policy would block: no style attribute, no inline script.
            assert not re.search(r"\sstyle=", page), url
            assert not re.search(r"<script(?![^>]*\ssrc=)(?![^>]*application/json)", page), url


def test_signed_in_pages_are_never_stored_by_the_browser(client, world):
    approved(world)
    verified_login(client, world.reviewer)
    for url in [reverse("reporting:home"), reverse("analytics:overview"), *PUBLIC[:3]]:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        cache = response.headers.get("Cache-Control", "")
        assert "no-store" in cache and "private" in cache, url
        assert _policy(response).get("object-src") == ["'none'"], url


def test_the_admin_has_the_policy_too(client, world):
    verified_login(client, world.admin)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "Content-Security-Policy" in response.headers
    assert "no-store" in response.headers["Cache-Control"]
