"""The access log: who signed in or failed to, used a token, exported or downloaded what, and
changed accounts, memberships and tokens; when and from where. Read by Directorate admins only."""

import datetime
import io
import json

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from accounts import services as account_services
from accounts.models import Role
from audit import receivers
from audit.models import AccessEvent, Kind
from audit.services import access_log_purge
from indicators.models import Indicator
from tests.factories import api_key
from tests.reporting_helpers import approved, draft
from tests.signin_helpers import verified_login

BROWSER = "Mozilla/5.0 (test)"
PASSWORD = "pass12345"  # tests/factories.py UserFactory


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def events(kind):
    return list(AccessEvent.objects.filter(kind=kind).order_by("pk"))


def only(kind):
    found = events(kind)
    assert len(found) == 1, [(e.kind, e.username, e.target) for e in found]
    return found[0]


def everything_stored(event):
    return " ".join(
        str(v) for v in AccessEvent.objects.filter(pk=event.pk).values().get().values()
    ) + json.dumps(event.details)


# -- signing in -------------------------------------------------------------------------------
def test_a_sign_in_and_a_sign_out_are_logged_with_who_when_and_where(world, client):
    AccessEvent.objects.all().delete()  # the accounts the fixture made
    before = timezone.now()
    client.post(
        reverse("login"),
        {"username": "reporter", "password": PASSWORD},
        REMOTE_ADDR="203.0.113.7",
        HTTP_USER_AGENT=BROWSER,
    )
    event = only(Kind.LOGIN)
    assert (event.actor, event.username, event.ip) == (world.reporter, "reporter", "203.0.113.7")
    assert event.user_agent == BROWSER and event.path == reverse("login")
    assert event.at >= before
    client.post(reverse("logout"), REMOTE_ADDR="203.0.113.7")
    event = only(Kind.LOGOUT)
    assert (event.actor, event.ip) == (world.reporter, "203.0.113.7")
    assert not events(Kind.USER_CHANGED)  # "last login" is not a change to the account


def test_a_failed_sign_in_keeps_the_name_typed_and_never_the_password(world, client):
    typed = "a-wrong-Passw0rd!"
    for url in (reverse("login"), reverse("admin:login")):
        client.post(url, {"username": "reporter", "password": typed}, REMOTE_ADDR="198.51.100.4")
    failed = events(Kind.LOGIN_FAILED)
    assert len(failed) == 2
    for event in failed:
        assert (event.username, event.actor, event.ip) == ("reporter", None, "198.51.100.4")
        assert typed not in everything_stored(event)
        assert "password" not in json.dumps(event.details)


def test_the_address_is_the_one_behind_the_configured_proxies(world, client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    client.post(
        reverse("login"),
        {"username": "nobody", "password": "wrong"},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9",
    )
    assert only(Kind.LOGIN_FAILED).ip == "203.0.113.9"


def test_a_lock_out_is_logged(world):
    request = RequestFactory().post("/accounts/login/", REMOTE_ADDR="192.0.2.5")
    receivers.locked_out(None, request=request, username="reporter", ip_address="192.0.2.5")
    event = only(Kind.LOCKOUT)
    assert (event.username, event.ip, event.actor) == ("reporter", "192.0.2.5", None)


@pytest.mark.skipif(not apps.is_installed("axes"), reason="django-axes is not installed")
def test_axes_lock_outs_reach_the_log(world):
    from axes.signals import user_locked_out

    request = RequestFactory().post("/accounts/login/", REMOTE_ADDR="192.0.2.6")
    user_locked_out.send("axes", request=request, username="reporter", ip_address="192.0.2.6")
    assert only(Kind.LOCKOUT).ip == "192.0.2.6"


# -- tokens -----------------------------------------------------------------------------------
def test_a_token_use_is_logged_once_an_hour_per_address(world):
    key = api_key(world.partner)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    for _ in range(3):
        assert client.get("/api/v1/pillars/", REMOTE_ADDR="203.0.113.1").status_code == 200
    event = only(Kind.TOKEN_USED)
    token = world.partner.api_tokens.get()
    assert (event.actor, event.ip, event.target_id) == (world.partner, "203.0.113.1", str(token.pk))
    assert token.prefix in event.target and key not in everything_stored(event)
    client.get("/api/v1/pillars/", REMOTE_ADDR="198.51.100.1")  # the same key elsewhere
    assert [e.ip for e in events(Kind.TOKEN_USED)] == ["203.0.113.1", "198.51.100.1"]


def test_making_and_revoking_a_token_are_logged_with_the_admin_and_the_address(world, client):
    verified_login(client, world.admin)
    answer = client.post(
        reverse("admin:accounts_apitoken_add"),
        {"user": world.partner.pk, "name": "dashboard"},
        REMOTE_ADDR="203.0.113.20",
    )
    key = answer.content.decode().split('id="api-key">')[1].split("<")[0]
    made = only(Kind.TOKEN_CREATED)
    token = world.partner.api_tokens.get()
    assert (made.actor, made.ip, made.target_id) == (world.admin, "203.0.113.20", str(token.pk))
    assert made.details["owner"] == "partner" and key not in everything_stored(made)
    client.post(
        reverse("admin:accounts_apitoken_changelist"),
        {"action": "revoke", "_selected_action": [token.pk]},
        REMOTE_ADDR="203.0.113.20",
    )
    revoked = only(Kind.TOKEN_REVOKED)
    assert (revoked.actor, revoked.ip, revoked.target_id) == (
        world.admin,
        "203.0.113.20",
        str(token.pk),
    )


def test_a_token_made_on_the_command_line_is_logged_as_such(world):
    call_command("create_api_token", "partner", stdout=io.StringIO())
    event = only(Kind.TOKEN_CREATED)
    assert event.actor is None and event.details["by"] == "manage.py"


# -- exports and downloads ---------------------------------------------------------------------
def test_api_exports_by_an_account_are_logged_and_a_visitors_are_not(world):
    world.policy.is_published = True
    world.policy.save()
    APIClient().get("/api/v1/activities/?format=csv")
    assert not events(Kind.EXPORT)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_key(world.partner)}")
    answer = client.get("/api/v1/activities/?format=xlsx&search=1.1", REMOTE_ADDR="203.0.113.3")
    assert answer.status_code == 200
    event = only(Kind.EXPORT)
    assert (event.actor, event.ip, event.target) == (
        world.partner,
        "203.0.113.3",
        "/api/v1/activities/",
    )
    assert event.details["format"] == "xlsx" and event.details["query"]["search"] == "1.1"


def test_the_progress_report_and_chart_files_are_logged(world, client):
    verified_login(client, world.reviewer)
    answer = client.get(reverse("analytics:progress_report"), {"format": "xlsx"})
    assert answer.status_code == 302  # to the job that makes the file
    assert only(Kind.EXPORT).details["source"] == "progress report"
    assert client.get(reverse("analytics:overview"), {"csv": "pillars"}).status_code == 200
    assert [e.details["source"] for e in events(Kind.EXPORT)] == ["progress report", "chart"]


def test_an_admin_spreadsheet_export_is_logged(world, client):
    verified_login(client, world.admin)
    answer = client.post(
        reverse("admin:governorates_governorate_export"),
        {"format": "0", "resource": "0", "governorateresource_code": "on"},
        REMOTE_ADDR="203.0.113.30",
    )
    assert answer.status_code == 200, answer.content[:500]
    event = only(Kind.EXPORT)
    assert (event.actor, event.ip) == (world.admin, "203.0.113.30")
    assert event.details == {"source": "admin", "model": "governorates.governorate", "query": {}}


def test_reading_sensitive_values_is_logged_for_accounts(world):
    approved(world)
    Indicator.objects.filter(pk=world.indicator.pk).update(is_sensitive=True)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_key(world.partner)}")
    assert client.get("/api/v1/indicator-values/").status_code == 200
    event = only(Kind.SENSITIVE_VALUES)
    assert event.actor == world.partner and event.details["indicators"] == ["1.1.1-a"]
    Indicator.objects.filter(pk=world.indicator.pk).update(is_sensitive=False)
    client.get("/api/v1/indicator-values/")
    assert len(events(Kind.SENSITIVE_VALUES)) == 1


def test_an_evidence_download_is_logged(world, client, settings, tmp_path):
    from reporting.services import evidence_add

    settings.MEDIA_ROOT = tmp_path
    report = draft(world)
    upload = SimpleUploadedFile("minutes.pdf", b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n")
    evidence = evidence_add(user=world.reporter, report=report, upload=upload)
    verified_login(client, world.colleague)
    answer = client.get(reverse("reporting:evidence", args=[evidence.pk]), REMOTE_ADDR="192.0.2.9")
    assert answer.status_code == 200
    event = only(Kind.EVIDENCE_DOWNLOAD)
    assert (event.actor, event.ip, event.target) == (world.colleague, "192.0.2.9", "minutes.pdf")
    assert event.details["report"] == report.pk


# -- accounts and memberships ------------------------------------------------------------------
def test_account_changes_in_the_admin_are_logged_with_the_fields_changed(world, director, client):
    verified_login(client, director)
    AccessEvent.objects.all().delete()
    user = world.colleague
    url = reverse("admin:accounts_user_change", args=[user.pk])
    form = {
        "username": user.username,
        "email": user.email,
        "first_name": "",
        "last_name": "",
        "is_active": "",  # deactivated
        "is_staff": "",
        "date_joined_0": "2024-01-01",
        "date_joined_1": "00:00:00",
        "digits": "latn",
        "language": "",
        "groups": [g.pk for g in user.groups.all()],
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
    }
    answer = client.post(url, form, REMOTE_ADDR="203.0.113.40")
    assert answer.status_code == 302, answer.content.decode()[:2000]
    event = only(Kind.USER_CHANGED)
    assert (event.actor, event.ip, event.target_id) == (director, "203.0.113.40", str(user.pk))
    assert "is_active" in event.details["fields"] and event.details["is_active"] is False


def test_memberships_given_are_logged(world):
    AccessEvent.objects.all().delete()
    account_services.membership_grant(
        user=world.partner, entity=world.office, role=Role.FOCAL_POINT, governorate=world.basra
    )
    membership = only(Kind.MEMBERSHIP_CHANGED)
    assert membership.details == {
        "action": "created",
        "user": "partner",
        "role": "focal_point",
        "entity": "office",
        "governorate": "IQ-BA",
        "is_active": True,
    }
    assert not events(Kind.USER_CHANGED)  # no group to give: the membership is the role
    world.partner.memberships.filter(entity=world.office).delete()
    assert [e.details["action"] for e in events(Kind.MEMBERSHIP_CHANGED)] == ["created", "deleted"]


def test_a_password_change_is_logged_without_the_password(world):
    AccessEvent.objects.all().delete()
    world.reporter.set_password("a-new-Secret-1")
    world.reporter.save()
    event = only(Kind.USER_CHANGED)
    assert event.details["fields"] == ["password"]
    assert "a-new-Secret-1" not in everything_stored(event)
    assert world.reporter.password not in everything_stored(event)


# -- who reads the log -------------------------------------------------------------------------
def test_only_directorate_admins_see_the_log_and_nobody_edits_it(world, director, client):
    from django.contrib.auth.models import Permission

    changelist = reverse("admin:audit_accessevent_changelist")
    event = AccessEvent.objects.first()
    detail = reverse("admin:audit_accessevent_change", args=[event.pk])
    world.reviewer.user_permissions.add(Permission.objects.get(codename="view_accessevent"))
    verified_login(client, world.reviewer)  # staff, and even given the permission
    assert client.get(changelist).status_code == 403
    assert client.get(detail).status_code == 403
    assert "audit" not in client.get(reverse("admin:index")).content.decode()
    for reader in (world.admin, director):
        verified_login(client, reader)
        assert client.get(changelist, {"kind": "login", "q": reader.username}).status_code == 200
        assert client.get(detail).status_code == 200
        assert client.get(reverse("admin:audit_accessevent_add")).status_code == 403
        assert (
            client.post(
                reverse("admin:audit_accessevent_delete", args=[event.pk]), {"post": "yes"}
            ).status_code
            == 403
        )
    assert AccessEvent.objects.filter(pk=event.pk).exists()


# -- retention ---------------------------------------------------------------------------------
def test_the_purge_removes_only_events_older_than_the_retention(world, settings):
    settings.ACCESS_LOG_RETENTION_DAYS = 30
    AccessEvent.objects.all().delete()
    now = timezone.now()
    old = AccessEvent.objects.create(kind=Kind.LOGIN, at=now - datetime.timedelta(days=31))
    kept = AccessEvent.objects.create(kind=Kind.LOGIN, at=now - datetime.timedelta(days=29))
    out = io.StringIO()
    call_command("purge_access_log", stdout=out)
    assert "1 access-log events" in out.getvalue()
    assert list(AccessEvent.objects.values_list("pk", flat=True)) == [kept.pk]
    assert not AccessEvent.objects.filter(pk=old.pk).exists()
    assert access_log_purge(days=1, now=now + datetime.timedelta(days=29)) == 1
