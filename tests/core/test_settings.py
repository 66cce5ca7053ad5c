"""Production settings refuse to start half-configured and pass Django's deployment check."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STRONG_KEY = "k3y-" + "x7Qp9vL2mN8rT4wZ6yB1cD5fG0hJ3kS" * 2


def manage(*args, **env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k
        not in ("SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE", "REDIS_URL")
    }
    # Nothing here connects to Redis; production only needs to be told where it is.
    env.setdefault("REDIS_URL", "redis://localhost:6379/0")
    environment.update(DJANGO_SETTINGS_MODULE="config.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_passes_the_deployment_check_with_no_warnings():
    run = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="tracker.example.org",
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "no issues" in run.stdout


def test_production_refuses_to_start_without_a_secret_key():
    run = manage("check", ALLOWED_HOSTS="tracker.example.org")
    assert run.returncode != 0
    assert "SECRET_KEY" in run.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    run = manage("check", SECRET_KEY=STRONG_KEY)
    assert run.returncode != 0
    assert "ALLOWED_HOSTS" in run.stderr


def test_production_refuses_to_start_without_redis():
    run = manage("check", SECRET_KEY=STRONG_KEY, ALLOWED_HOSTS="tracker.example.org", REDIS_URL="")
    assert run.returncode != 0
    assert "REDIS_URL" in run.stderr


def test_production_counts_rate_limits_in_redis():
    run = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])",
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="tracker.example.org",
        REDIS_URL="redis://cache.internal:6379/2",
    )
    assert run.stdout.strip().endswith("RedisCache"), run.stderr


def test_production_keeps_debug_off_by_default():
    run = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DEBUG)",
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="tracker.example.org",
    )
    assert run.stdout.strip().endswith("False"), run.stderr


def test_the_gunicorn_configuration_allows_long_imports_and_reads_the_environment():
    import runpy

    config = runpy.run_path(str(ROOT / "config" / "gunicorn.py"))
    assert config["timeout"] == 120 and config["preload_app"] is True
    os.environ["WEB_CONCURRENCY"] = "5"
    try:
        assert runpy.run_path(str(ROOT / "config" / "gunicorn.py"))["workers"] == 5
    finally:
        del os.environ["WEB_CONCURRENCY"]
    check = subprocess.run(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "-c",
            "config/gunicorn.py",
            "--check-config",
            "config.wsgi",
        ],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert check.returncode == 0, check.stdout + check.stderr
