"""axe-core over every page of the portal, in English (1280 px wide) and in Arabic and Kurdish
(360 px, a phone), as each kind of person who sees it: no violation of impact "serious" or
"critical".

PAGES lists the pages: every template of the project (templates/) is drawn by at least one of
them, which test_the_pages_cover_every_template checks by loading them all with Django's test
client and recording the templates drawn, so that a new template without a page here fails.
A page reached only by sending a form (a form with its errors, a token just made, the
lock-out, the 500 page) is fetched by the test client as that person and handed to the browser
at its own address (`via`), its style sheets and scripts still served by the live server.

axe-core is vendored for the tests only (tests/browser/vendor/axe-core/, MPL-2.0) and run in
the page through Playwright's evaluate, which the pages' Content-Security-Policy does not
govern; the pages themselves keep their policy.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.test.signals import template_rendered

from tests.signin_helpers import verified_login

AXE_SOURCE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
LANGUAGES = ("en", "ar", "ckb")
# Each language at one width: English on a computer, Arabic and Kurdish (right to left) on a
# phone, where reporters work and where tables scroll or stack.
WIDTHS = {"en": 1280, "ar": 360, "ckb": 360}
HEIGHT = 800
BLOCKING = ("serious", "critical")
PASSWORD = "demo12345"

# Templates that are not pages: an e-mail (the password reset's, named .html by Django), and
# the source WeasyPrint turns into the national report's PDF.
NOT_PAGES = {
    "registration/password_reset_email.html",
    "analytics/progress_report_pdf.html",
}


# --- the pages ----------------------------------------------------------------------------


def _first(queryset):
    row = queryset.order_by("pk").first()
    assert row is not None, f"the demo data has no {queryset.model.__name__} for this page"
    return row


def _report(status, username):
    from reporting.models import ProgressReport

    return _first(
        ProgressReport.objects.filter(status=status, entity__memberships__user__username=username)
    )


def _draft_of(username):
    from reporting.models import ReportStatus

    return _report(ReportStatus.DRAFT, username)


def _submitted():
    from reporting.models import ProgressReport, ReportStatus

    return _first(ProgressReport.objects.filter(status=ReportStatus.SUBMITTED))


def _indicator():
    from indicators.models import Indicator

    return _first(Indicator.objects.filter(is_sensitive=False))


def _pillar():
    from pillars.models import Pillar

    return Pillar.objects.order_by("number").first()


def _activity():
    from policy.models import Activity

    return _first(Activity.objects.all())


def _recommendation():
    from followup.models import Recommendation

    return _first(Recommendation.objects.all())


def _job(username, kind, result, params=None, state="done"):
    """A finished background job of `kind` for `username`, as its page shows it."""
    from accounts.models import User
    from jobs.models import Job

    job = Job.objects.create(
        user=User.objects.get(username=username),
        kind=kind,
        params=params or {"file": "plan.xlsx", "sheet": "Activities"},
        state=state,
        done=10,
        total=10,
        result=result,
    )
    return f"/jobs/{job.pk}/"


IMPORT_RESULT = {"rows": 12, "new": 2, "update": 3, "skip": 7}
WORKBOOK_RESULT = {"sheets": [{"title": "Activities", "new": 1, "update": 2, "skip": 3}]}


def _report_workbook_result():
    report = _draft_of("focal")
    return {
        "period_name": str(report.period),
        "counts": {"new": 0, "changed": 1, "unchanged": 0, "refused": 1},
        "blocked": True,
        "problems": ["Sheet Values, cell D4: not a number"],
        "reports": [
            {
                "activity": report.activity.code,
                "entity": str(report.entity),
                "where": "",
                "state": "refused",
                "reasons": ["D4: not a number"],
                "fields": ["achievements"],
                "values_new": 1,
                "values_changed": 0,
                "values_cleared": 0,
                "missing": ["1.1.1-a"],
                "report": report.pk,
            }
        ],
    }


def _password_reset_link():
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    from accounts.models import User

    user = User.objects.get(username="focal")
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return f"/accounts/reset/{uid}/{default_token_generator.make_token(user)}/"


def _published(model_path, path="policy"):
    from django.apps import apps

    from policy.models import published_q

    return _first(apps.get_model(model_path).objects.filter(published_q(path)))


def _nothing_published():
    from policy.models import Policy

    Policy.objects.update(is_published=False)
    return "/"


# `via` functions: the page is what this request answers (client signed in as the page's role).


def _csrf_refused(client, path):
    refusing = Client(enforce_csrf_checks=True)
    refusing.cookies = client.cookies
    return refusing.post(
        path,
        {"username": "focal", "password": "typed before the cookie was lost"},
        HTTP_ORIGIN="http://testserver",
    )


def _signed_out_save(client, path):
    return client.post(path, {"achievements": "Typed before the session ended."})


def _login_with_errors(client, path):
    return client.post(path, {"username": "focal", "password": "not-the-password"})


def _locked_out(client, path):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(path, {"username": "someone", "password": "wrong"})
    return response


def _server_error(client, path):
    """Django's handler500 runs inside the middleware, in the person's language."""
    from django.test import RequestFactory
    from django.utils import translation
    from django.views.defaults import server_error

    with translation.override(client.cookies[settings.LANGUAGE_COOKIE_NAME].value):
        return server_error(RequestFactory().get(path))


def _too_large(client, path):
    with override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000):
        return client.post(path, {"achievements": "a" * 2000}, HTTP_REFERER=path)


def _report_with_errors(client, path):
    return client.post(path, {"achievements": ""})


def _token_made(client, path):
    from accounts.models import User

    return client.post(path, {"user": User.objects.get(username="partner").pk, "name": "Test"})


def _recovery_codes_new(client, path):
    return client.post(path)


def _enrolment(client, path):
    from accounts.models import Role, User
    from tests.factories import with_role

    newcomer = User.objects.filter(username="newcomer").first()
    if newcomer is None:
        newcomer = User.objects.create_user("newcomer", password=PASSWORD)
        with_role(newcomer, Role.DIRECTORATE_REVIEWER)
    client.force_login(newcomer)
    return client.get(path)


@dataclass(frozen=True)
class Page:
    name: str
    role: str | None  # the demo account that sees it; None: a visitor
    path: str | Callable[[], str]
    status: int = 200
    via: Callable | None = None  # reached by a form: see the module's docstring
    verified: bool = True  # signed in with the second factor, for accounts that need one
    # Where a redirect leads (a path, or a function of the page's path); by default the page
    # stays at its own path.
    lands: str | Callable[[str], str] | None = None

    def address(self) -> str:
        return self.path() if callable(self.path) else self.path

    def landing(self, path) -> str:
        if callable(self.lands):
            return self.lands(path)
        return self.lands or urlsplit(path).path


def _code(model_path, **filters):
    def path():
        from django.apps import apps

        return _first(apps.get_model(model_path).objects.filter(**filters))

    return path


PAGES = [
    # Visitors: the public pages.
    Page("home", None, "/"),
    Page("map", None, "/map/"),
    Page("pillar", None, lambda: f"/pillars/{_pillar().code}/"),
    Page("indicator", None, lambda: f"/indicators/{_indicator().pk}/"),
    Page("governorate", None, lambda: f"/governorates/{_code('governorates.Governorate')().code}/"),
    Page("objective", None, lambda: f"/objectives/{_published('policy.Objective').pk}/"),
    Page(
        "activity",
        None,
        lambda: f"/activities/{_published('policy.Activity', 'objective__policy').pk}/",
    ),
    Page("progress-report", None, "/progress-report/"),
    Page("follow-up", None, "/follow-up/"),
    Page("legislation", None, "/legislation/"),
    Page("instrument", None, lambda: f"/legislation/{_code('followup.LegalInstrument')().code}/"),
    Page("recommendations", None, "/recommendations/"),
    Page("recommendation", None, lambda: f"/recommendations/{_recommendation().pk}/"),
    Page("disputed", None, "/disputed/"),
    Page("assessment", None, lambda: f"/assessments/{_code('followup.Assessment')().pk}/"),
    Page("nothing-published", None, _nothing_published),
    Page("api-docs", None, "/api/docs/"),
    Page("login", None, "/accounts/login/"),
    Page("csrf-failure", None, "/accounts/login/", status=403, via=_csrf_refused),
    Page(
        "signed-out-save",
        None,
        lambda: f"/reports/{_draft_of('focal').pk}/edit/",
        status=401,
        via=_signed_out_save,
    ),
    Page("login-errors", None, "/accounts/login/", via=_login_with_errors),
    Page("locked-out", None, "/accounts/login/", status=429, via=_locked_out),
    Page("password-reset", None, "/accounts/password_reset/"),
    Page("password-reset-sent", None, "/accounts/password_reset/done/"),
    Page(
        "password-reset-new",
        None,
        _password_reset_link,
        lands=lambda path: path.rstrip("/").rsplit("/", 1)[0] + "/set-password/",
    ),
    Page("password-reset-done", None, "/accounts/reset/done/"),
    Page("admin-login", None, "/admin/login/"),
    Page("not-found", None, "/no-such-page/", status=404),
    Page("server-error", None, "/server-error/", status=500, via=_server_error),
    # Reporters (a focal point; a civil-society organisation).
    Page("my-work", "focal", "/my/"),
    Page("report-form", "focal", lambda: f"/reports/{_draft_of('focal').pk}/edit/"),
    Page(
        "report-form-errors",
        "focal",
        lambda: f"/reports/{_draft_of('focal').pk}/edit/",
        via=_report_with_errors,
    ),
    Page(
        "too-large",
        "focal",
        lambda: f"/reports/{_draft_of('focal').pk}/edit/",
        status=400,
        via=_too_large,
    ),
    Page("report", "focal", lambda: f"/reports/{_draft_of('focal').pk}/"),
    Page("report-workbook", "focal", "/my/workbook/"),
    Page(
        "report-workbook-check",
        "focal",
        lambda: _job(
            "focal",
            "reporting.workbook_check",
            _report_workbook_result(),
            params={"file": "reports.xlsx"},
        ),
    ),
    Page("jobs", "focal", "/jobs/"),
    Page("forbidden", "focal", "/review/", status=403),
    Page("preferences", "focal", "/accounts/preferences/"),
    Page("my-work-cso", "cso", "/my/"),
    Page(
        "assessment-new",
        "cso",
        lambda: f"/assessments/new/?recommendation={_recommendation().pk}",
    ),
    # Reviewers.
    Page("queue", "reviewer", "/review/"),
    Page("review", "reviewer", lambda: f"/reports/{_submitted().pk}/"),
    Page("progress-report-reviewer", "reviewer", "/progress-report/"),
    Page("compliance-reviewer", "reviewer", "/compliance/"),
    Page("admin-index-reviewer", "reviewer", "/admin/"),
    Page(
        "admin-activity-view",
        "reviewer",
        lambda: f"/admin/policy/activity/{_activity().pk}/change/",
    ),
    # Partners.
    Page("dashboard-partner", "partner", "/dashboard/", lands="/"),
    Page("progress-report-partner", "partner", "/progress-report/"),
    Page("api-docs-partner", "partner", "/api/docs/"),
    Page("data-api", "partner", "/data/"),
    Page("preferences-partner", "partner", "/accounts/preferences/"),
    # The Directorate: its pages and the admin, where it builds the plan.
    Page("two-factor", "director", "/accounts/two-factor/", verified=False),
    Page("two-factor-set-up", "director", "/accounts/two-factor/set-up/", via=_enrolment),
    Page("recovery-codes-left", "director", "/accounts/two-factor/recovery-codes/"),
    Page(
        "recovery-codes-new",
        "director",
        "/accounts/two-factor/recovery-codes/",
        via=_recovery_codes_new,
    ),
    Page("admin-index", "director", "/admin/"),
    Page("admin-activities", "director", "/admin/policy/activity/"),
    Page("admin-activity-add", "director", "/admin/policy/activity/add/"),
    Page(
        "admin-activity-change",
        "director",
        lambda: f"/admin/policy/activity/{_activity().pk}/change/",
    ),
    Page("admin-objective-add", "director", "/admin/policy/objective/add/"),
    Page("admin-indicator-add", "director", "/admin/indicators/indicator/add/"),
    Page(
        "admin-indicator-change",
        "director",
        lambda: f"/admin/indicators/indicator/{_indicator().pk}/change/",
    ),
    Page(
        "admin-indicator-history",
        "director",
        lambda: f"/admin/indicators/indicator/{_indicator().pk}/history/",
    ),
    Page("admin-indicator-import", "director", "/admin/indicators/indicator/import/"),
    Page("admin-indicator-export", "director", "/admin/indicators/indicator/export/"),
    Page("admin-target-add", "director", "/admin/indicators/target/add/"),
    Page("admin-period-add", "director", "/admin/indicators/reportingperiod/add/"),
    Page("admin-funding-add", "director", "/admin/policy/funding/add/"),
    Page("admin-entity-add", "director", "/admin/policy/entity/add/"),
    Page(
        "admin-pillar-change", "director", lambda: f"/admin/pillars/pillar/{_pillar().pk}/change/"
    ),
    Page("admin-policies", "director", "/admin/policy/policy/"),
    Page("admin-policy-add", "director", "/admin/policy/policy/add/"),
    Page("admin-plan-workbook", "director", "/admin/policy/policy/workbook/"),
    Page("admin-legislation-add", "director", "/admin/followup/legalinstrument/add/"),
    Page("admin-recommendation-add", "director", "/admin/followup/recommendation/add/"),
    Page("admin-user-add", "director", "/admin/accounts/user/add/"),
    Page("admin-membership-add", "director", "/admin/accounts/membership/add/"),
    Page(
        "admin-user-change",
        "director",
        lambda: f"/admin/accounts/user/{_code('accounts.User', username='focal')().pk}/change/",
    ),
    Page("admin-users", "director", "/admin/accounts/user/"),
    Page("admin-sign-in-failures", "director", "/admin/axes/accessattempt/"),
    Page("admin-access-log", "director", "/admin/audit/accessevent/"),
    Page("admin-indicators", "director", "/admin/indicators/indicator/"),
    Page("admin-governorates", "director", "/admin/governorates/governorate/"),
    Page("admin-assessments", "director", "/admin/followup/assessment/"),
    Page("admin-tokens", "director", "/admin/accounts/apitoken/"),
    Page("admin-token-add", "director", "/admin/accounts/apitoken/add/"),
    Page("admin-token-made", "director", "/admin/accounts/apitoken/add/", via=_token_made),
    Page(
        "job-import",
        "director",
        lambda: _job("director", "plan.import_check", IMPORT_RESULT),
    ),
    Page(
        "job-workbook",
        "director",
        lambda: _job("director", "plan.workbook_check", WORKBOOK_RESULT),
    ),
    Page(
        "job-export",
        "director",
        lambda: _job(
            "director",
            "api.export",
            {"rows": 40},
            params={"path": "/api/v1/activities/", "format": "csv"},
        ),
    ),
    Page("jobs-director", "director", "/jobs/"),
]


# --- signing in and fetching --------------------------------------------------------------


def _client(page: Page, language: str) -> Client:
    from accounts.models import User

    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    if page.role:
        user = User.objects.get(username=page.role)
        # The account's own language wins over the cookie (core/middleware.py): set both.
        User.objects.filter(pk=user.pk).update(language=language)
        user.refresh_from_db()
        if page.verified:
            verified_login(client, user)
        else:
            client.force_login(user)
    return client


def _fetch(page: Page, path: str, language: str):
    """What the test client gets for the page: the answer to its form, or to a GET."""
    client = _client(page, language)
    if page.via:
        return client, page.via(client, path)
    return client, client.get(path, follow=True)


# --- axe ----------------------------------------------------------------------------------


def _violations(browser_page) -> list[dict]:
    browser_page.evaluate(_axe_source() + "\n;true")
    results = browser_page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    )
    return [v for v in results if v["impact"] in BLOCKING]


_AXE = []


def _axe_source() -> str:
    if not _AXE:
        _AXE.append(AXE_SOURCE.read_text(encoding="utf-8"))
    return _AXE[0]


def _describe(name, path, language, violations) -> list[str]:
    lines = []
    for violation in violations:
        targets = [
            " ".join(
                json.dumps(part) if not isinstance(part, str) else part for part in n["target"]
            )
            for n in violation["nodes"]
        ]
        shown = "; ".join(targets[:6]) + (
            f"; … {len(targets) - 6} more" if len(targets) > 6 else ""
        )
        lines.append(
            f"[{language}, {WIDTHS[language]} px] {name} {path}: {violation['id']} "
            f"({violation['impact']}, {len(targets)}×) {violation['help']}: {shown}"
        )
    return lines


def _answer_with(status, headers, body):
    def fulfil(route):
        route.fulfill(status=status, headers=headers, body=body)

    return fulfil


@pytest.fixture
def desktop(chromium, live_server):
    context = chromium.new_context(
        viewport={"width": WIDTHS["en"], "height": HEIGHT}, base_url=live_server.url
    )
    context.set_default_timeout(20_000)
    yield context
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_no_serious_accessibility_violation(page, desktop, demo_data, live_server):
    path = page.address()
    problems = []
    for language in LANGUAGES:
        if page.via:
            client, response = _fetch(page, path, language)
        else:
            client = _client(page, language)
        desktop.clear_cookies()
        cookies = [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language}]
        session = client.cookies.get(settings.SESSION_COOKIE_NAME)
        if session is not None:
            cookies.append({"name": settings.SESSION_COOKIE_NAME, "value": session.value})
        desktop.add_cookies([{**cookie, "url": live_server.url} for cookie in cookies])
        tab = desktop.new_page()
        tab.set_viewport_size({"width": WIDTHS[language], "height": HEIGHT})
        try:
            if page.via:
                body = response.content
                headers = {
                    key: value
                    for key, value in response.items()
                    if key.lower() not in ("content-length", "content-encoding")
                }
                tab.route(
                    f"{live_server.url}{path}",
                    _answer_with(response.status_code, headers, body),
                    times=1,
                )
            answer = tab.goto(path)
            assert answer.status == page.status, (page.name, language, answer.status, tab.url)
            landed = urlsplit(tab.url)
            assert landed.path == page.landing(path), (page.name, tab.url)
            tab.wait_for_load_state("load")
            lang = tab.evaluate("document.documentElement.lang")
            assert lang == language or lang.startswith(language), (page.name, language, lang)
            problems += _describe(page.name, path, language, _violations(tab))
        finally:
            tab.close()
    assert not problems, "axe-core, serious or critical:\n" + "\n".join(problems)


# --- the list covers every template -------------------------------------------------------


def _project_templates() -> set[str]:
    return {
        str(path.relative_to(TEMPLATES))
        for path in TEMPLATES.rglob("*.html")
        if str(path.relative_to(TEMPLATES)) not in NOT_PAGES
    }


def test_the_pages_cover_every_template(demo):
    drawn = set()

    def record(sender, template, **kwargs):
        if template.name:
            drawn.add(template.name)

    template_rendered.connect(record, dispatch_uid="accessibility-coverage")
    wrong = []
    try:
        for page in PAGES:
            path = page.address()
            _, response = _fetch(page, path, "en")
            landed = (
                response.redirect_chain[-1][0]
                if getattr(response, "redirect_chain", None)
                else path
            )
            if response.status_code != page.status:
                wrong.append(f"{page.name} {path}: {response.status_code}, not {page.status}")
            elif urlsplit(landed).path != page.landing(path):
                wrong.append(f"{page.name} {path}: lands on {landed}")
    finally:
        template_rendered.disconnect(dispatch_uid="accessibility-coverage")
    assert not wrong, "pages that do not answer as listed: " + "; ".join(wrong)
    missing = sorted(_project_templates() - drawn)
    assert not missing, (
        "templates no page of PAGES draws (add a page that shows each): " + ", ".join(missing)
    )
