"""API tokens are stored hashed: the key is shown once, then only its digest is kept."""

import datetime
import hashlib
import importlib
import io
import types

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from accounts import services
from accounts.models import ApiToken
from tests.signin_helpers import verified_login

REPORTS = "/api/v1/reports/"


def api(key):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_only_the_digest_and_a_prefix_of_the_key_are_stored(world):
    token, key = services.token_create(user=world.admin, owner=world.partner, name="dashboard")
    assert len(key) >= 43  # 32 random bytes
    row = ApiToken.objects.filter(pk=token.pk).values().get()
    assert key not in [str(v) for v in row.values()]
    assert row["digest"] == hashlib.sha256(key.encode()).hexdigest()
    assert row["prefix"] == key[:8]
    assert row["created_by_id"] == world.admin.pk
    assert api(key).get(REPORTS).status_code == 200


@pytest.mark.parametrize("who", ["reviewer", "reporter", "partner", "nobody"])
def test_only_directorate_admins_make_and_revoke_tokens(world, who):
    """For someone else's account (a partner makes their own: tests/accounts/test_data_api.py)."""
    actor = getattr(world, who)
    with pytest.raises(PermissionDenied):
        services.token_create(user=actor, owner=world.reporter, name="x")
    token, _key = services.token_create(user=world.admin, owner=world.reporter, name="x")
    with pytest.raises(PermissionDenied):
        services.token_revoke(user=actor, token=token)
    assert ApiToken.objects.get(pk=token.pk).revoked_at is None


def test_a_directorate_admin_cannot_make_a_token_for_a_superuser(world, director):
    with pytest.raises(PermissionDenied):
        services.token_create(user=world.admin, owner=director, name="x")


def test_revoked_expired_and_inactive_tokens_fail_with_401(world):
    token, key = services.token_create(user=world.admin, owner=world.partner, name="a")
    services.token_revoke(user=world.admin, token=token)
    assert api(key).get(REPORTS).status_code == 401

    token, key = services.token_create(
        user=world.admin,
        owner=world.partner,
        name="b",
        expires_at=timezone.now() + datetime.timedelta(days=1),
    )
    assert api(key).get(REPORTS).status_code == 200
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now())
    expired = api(key).get(REPORTS)
    assert expired.status_code == 401 and "expired" in expired.json()["detail"]

    _token, key = services.token_create(user=world.admin, owner=world.reporter, name="c")
    world.reporter.is_active = False
    world.reporter.save()
    assert api(key).get(REPORTS).status_code == 401
    assert api(key[:-1] + ("A" if key[-1] != "A" else "B")).get(REPORTS).status_code == 401


def test_last_used_is_written_at_most_once_an_hour(world, django_assert_num_queries):
    token, key = services.token_create(user=world.admin, owner=world.partner, name="a")
    client = api(key)
    client.get("/api/v1/pillars/")
    first = ApiToken.objects.get(pk=token.pk).last_used_at
    assert first is not None
    client.get("/api/v1/pillars/")
    assert ApiToken.objects.get(pk=token.pk).last_used_at == first
    earlier = timezone.now() - datetime.timedelta(hours=2)
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=earlier)
    client.get("/api/v1/pillars/")
    assert ApiToken.objects.get(pk=token.pk).last_used_at > earlier


def test_the_command_prints_a_key_once_and_reset_revokes_the_others(world):
    out = io.StringIO()
    call_command("create_api_token", "partner", "--name", "sync", stdout=out)
    first = out.getvalue().strip()
    call_command("create_api_token", "partner", stdout=io.StringIO())
    assert world.partner.api_tokens.filter(revoked_at__isnull=True).count() == 2
    assert api(first).get(REPORTS).status_code == 200
    out = io.StringIO()
    call_command("create_api_token", "partner", "--reset", stdout=out)
    assert api(first).get(REPORTS).status_code == 401
    assert api(out.getvalue().strip()).get(REPORTS).status_code == 200
    assert world.partner.api_tokens.filter(revoked_at__isnull=True).count() == 1


# -- the admin --------------------------------------------------------------------------------
def test_the_admin_shows_the_key_once_and_never_again(world, client):
    verified_login(client, world.admin)
    add = reverse("admin:accounts_apitoken_add")
    assert client.get(add).status_code == 200
    answer = client.post(add, {"user": world.partner.pk, "name": "UNFPA dashboard"})
    assert answer.status_code == 200
    assert "no-store" in answer["Cache-Control"]
    token = ApiToken.objects.get(name="UNFPA dashboard")
    page = answer.content.decode()
    key = page.split('id="api-key">')[1].split("<")[0]
    assert ApiToken.digest_of(key) == token.digest
    assert api(key).get(REPORTS).status_code == 200
    for url in (
        reverse("admin:accounts_apitoken_changelist"),
        reverse("admin:accounts_apitoken_change", args=[token.pk]),
    ):
        shown = client.get(url)
        assert shown.status_code == 200
        assert key not in shown.content.decode() and token.prefix in shown.content.decode()


def test_the_admin_refuses_a_token_without_a_purpose_and_says_so(world, client):
    verified_login(client, world.admin)
    answer = client.post(reverse("admin:accounts_apitoken_add"), {"user": world.partner.pk})
    assert answer.status_code == 200 and "This field is required" in answer.content.decode()
    assert not ApiToken.objects.exists()


def test_the_admin_revokes_selected_tokens(world, client):
    token, key = services.token_create(user=world.admin, owner=world.partner, name="a")
    verified_login(client, world.admin)
    client.post(
        reverse("admin:accounts_apitoken_changelist"),
        {"action": "revoke", "_selected_action": [token.pk]},
    )
    token.refresh_from_db()
    assert token.revoked_at is not None and token.revoked_by == world.admin
    assert api(key).get(REPORTS).status_code == 401


def test_a_reviewer_cannot_reach_the_tokens(world, client):
    verified_login(client, world.reviewer)
    assert client.get(reverse("admin:accounts_apitoken_changelist")).status_code == 403
    assert client.get(reverse("admin:accounts_apitoken_add")).status_code == 403


# -- carrying over DRF's tokens ---------------------------------------------------------------
def test_keys_of_the_old_token_table_keep_working_and_the_table_goes(world):
    migration = importlib.import_module("accounts.migrations.0005_carry_over_drf_tokens")
    created = "timestamp with time zone" if connection.vendor == "postgresql" else "datetime"
    old_key = "401f7ac837da42b97f613d789819ff93537bee6a"
    with connection.cursor() as cursor:
        cursor.execute(
            'CREATE TABLE authtoken_token ("key" varchar(40) PRIMARY KEY, '
            f'"created" {created} NOT NULL, "user_id" bigint NOT NULL)'
        )
        cursor.execute(
            "INSERT INTO authtoken_token VALUES (%s, %s, %s)",
            [old_key, timezone.now(), world.partner.pk],
        )
    editor = types.SimpleNamespace(
        connection=connection,
        quote_name=connection.ops.quote_name,
        execute=lambda sql: connection.cursor().execute(sql),
    )
    migration.carry_over(apps, editor)
    assert "authtoken_token" not in connection.introspection.table_names()
    token = ApiToken.objects.get(user=world.partner)
    assert token.prefix == old_key[:8] and token.digest == ApiToken.digest_of(old_key)
    assert api(old_key).get(REPORTS).status_code == 200
    migration.carry_over(apps, editor)  # a database without the table: nothing happens
    assert ApiToken.objects.count() == 1
