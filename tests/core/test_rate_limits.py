"""The API's rate limits key on the client's address as seen behind the configured proxies
(core/net.py client_ip), not on what a client writes in X-Forwarded-For, and are counted in the
shared cache (Redis when REDIS_URL is set), not per worker."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from rest_framework import throttling
from rest_framework.test import APIClient

ROOT = Path(__file__).resolve().parents[2]
PILLARS = "/api/v1/pillars/"


@pytest.fixture
def three_a_minute(db, monkeypatch):
    monkeypatch.setattr(throttling.AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})
    monkeypatch.setattr(throttling.UserRateThrottle, "THROTTLE_RATES", {"user": "1000/minute"})
    cache.clear()
    yield
    cache.clear()


def test_rotating_x_forwarded_for_does_not_escape_the_limit(three_a_minute):
    client = APIClient()
    statuses = [
        client.get(PILLARS, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code for n in range(5)
    ]
    assert statuses[:3] == [200, 200, 200]
    assert statuses[3:] == [429, 429]


def test_behind_one_proxy_the_address_the_proxy_saw_is_counted(three_a_minute, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    client = APIClient(REMOTE_ADDR="10.0.0.2")  # the reverse proxy

    def ask(forwarded):
        return client.get(PILLARS, HTTP_X_FORWARDED_FOR=forwarded).status_code

    # The client writes anything it likes on the left; the proxy appends the real address.
    statuses = [ask(f"192.0.2.{n}, 203.0.113.5") for n in range(4)]
    assert statuses == [200, 200, 200, 429]
    # Another visitor behind the same proxy has a count of her own.
    assert ask("203.0.113.77") == 200
    assert ask("1.2.3.4, 203.0.113.77") == 200


def test_the_cache_is_shared_when_redis_is_configured():
    expected = (
        "django_redis.cache.RedisCache"  # django-redis (docs/architecture.md, libraries)
        if os.environ.get("REDIS_URL")
        else "django.core.cache.backends.locmem.LocMemCache"
    )
    assert settings.CACHES["default"]["BACKEND"] == expected


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL (CI starts Redis)")
def test_two_workers_count_against_one_limit_in_redis(three_a_minute):
    """Two processes stand for two gunicorn workers: requests counted in one are counted in
    the other."""
    client = APIClient(REMOTE_ADDR="203.0.113.9")
    assert [client.get(PILLARS).status_code for _ in range(3)] == [200, 200, 200]
    script = (
        "import django; django.setup()\n"
        "from types import SimpleNamespace\n"
        "from django.contrib.auth.models import AnonymousUser\n"
        "from core.throttling import AnonRateThrottle\n"
        "AnonRateThrottle.THROTTLE_RATES = {'anon': '3/minute'}\n"
        "request = SimpleNamespace(user=AnonymousUser(), META={'REMOTE_ADDR': '203.0.113.9'})\n"
        "print(AnonRateThrottle().allow_request(request, None))\n"
    )
    other_worker = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert other_worker.stdout.strip() == "False", other_worker.stderr


def test_a_limited_client_is_told_when_to_come_back(three_a_minute):
    client = APIClient(REMOTE_ADDR="203.0.113.20")
    answers = [client.get(PILLARS) for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert 0 < int(answers[-1]["Retry-After"]) <= 60


def test_the_count_of_a_client_is_one_number_whatever_the_rate(db, monkeypatch):
    """DRF's throttle kept every request's time in a list, rewritten on each request (at a high
    limit, thousands of entries a request): ours keeps one counter per client and window."""
    from core.throttling import AnonRateThrottle

    monkeypatch.setattr(throttling.AnonRateThrottle, "THROTTLE_RATES", {"anon": "1000/minute"})
    cache.clear()
    client = APIClient(REMOTE_ADDR="203.0.113.21")
    for _ in range(30):
        assert client.get(PILLARS).status_code == 200
    key = AnonRateThrottle().cache_format % {"scope": "anon", "ident": "203.0.113.21"}
    assert cache.get(key) == 30
    cache.clear()
