"""The national overview and the figures of every dashboard, as a reader meets them: one
overview at / for everybody, its sections each under its own heading, pillars that lead to
their pages, reports not yet due never counted as missing, and numbers written for reading
(no "17.9666666666667", no "45000000.00")."""

import csv
import datetime
import io
import re
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation

from analytics.selectors import ReportingRate
from core.templatetags.numbers import figure_text, money_text
from tests.signin_helpers import verified_login


def _text(html):
    """What a reader sees of a page: its text, without scripts, styles and tags."""
    html = re.sub(r"<(script|style)\b[^>]*>.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _rows(html):
    """The rows (<tr>...</tr>) of a page."""
    return re.findall(r"<tr\b.*?</tr>", html, flags=re.S)


def _cell(row, label):
    """The text of the cell of `row` labelled `label` (the data-label of the stacked tables)."""
    found = re.search(rf'data-label="{re.escape(label)}">(.*?)</td>', row, flags=re.S)
    assert found, (label, row)
    return _text(found.group(1)).strip()


def _user(name):
    return get_user_model().objects.get(username=name)


# -- reports not yet due are not missing ---------------------------------------------------------


def test_a_period_not_yet_due_has_no_missing_report_and_no_rate():
    waiting = ReportingRate(expected=36, on_time=2, late=0, due=False)
    assert (waiting.missing, waiting.not_yet_due, waiting.rate) == (0, 34, None)
    over = ReportingRate(expected=36, on_time=2, late=1, due=True)
    assert (over.missing, over.not_yet_due, over.rate) == (33, 0, 3 / 36)
    assert ReportingRate(0, 0, 0).rate is None  # nothing expected: no rate either


def _q3_q4():
    from indicators.models import ReportingPeriod

    q3 = ReportingPeriod.objects.get(policy__code__isnull=False, label="2024-Q3")
    q4 = ReportingPeriod.objects.get(policy__code__isnull=False, label="2024-Q4")
    today = timezone.localdate()
    assert q3.due_date < today < q4.due_date  # the demo's: one quarter late, one due soon
    return q3, q4


def _rate_row(html, period):
    rows = [r for r in _rows(html) if 'data-label="Not yet due"' in r and str(period) in r]
    assert len(rows) == 1, period
    return rows[0]


def test_the_public_home_counts_no_report_missing_before_the_due_date(client, demo):
    """The issue: 2024-Q4, due in three weeks, showed 36 missing and 0 % on the public home."""
    q3, q4 = _q3_q4()
    page = client.get("/").content.decode()
    row = _rate_row(page, q4)
    assert _cell(row, "Missing") == "0"
    assert int(_cell(row, "Not yet due")) > 0
    assert _cell(row, "Reporting rate") == "not yet due"
    assert "%" not in _cell(row, "Reporting rate")
    late = _rate_row(page, q3)  # past its due date: what did not come in is missing
    assert int(_cell(late, "Missing")) > 0 and _cell(late, "Not yet due") == "0"
    assert "%" in _cell(late, "Reporting rate")


def test_the_overview_csv_and_the_compliance_page_agree_on_what_is_not_yet_due(client, demo):
    _q3, q4 = _q3_q4()
    answer = client.get("/", {"csv": "reporting"})
    rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))
    header = rows[0]
    assert header == [
        "Period",
        "Due date",
        "Reports expected",
        "On time",
        "Late",
        "Missing",
        "Not yet due",
        "Reporting rate",
    ]
    by_period = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    waiting = by_period["2024-Q4"]
    outstanding = int(waiting["Reports expected"]) - int(waiting["On time"]) - int(waiting["Late"])
    assert waiting["Missing"] == "0" and int(waiting["Not yet due"]) == outstanding > 0
    assert waiting["Reporting rate"] == "" and waiting["Due date"] == q4.due_date.isoformat()
    over = by_period["2024-Q3"]
    assert int(over["Missing"]) > 0 and over["Not yet due"] == "0" and over["Reporting rate"]

    verified_login(client, _user("reviewer"))
    page = client.get(reverse("analytics:compliance")).content.decode()
    header_cells = re.findall(r'<th scope="col">(.*?)</th>', page, flags=re.S)
    column = next(i for i, h in enumerate(header_cells) if str(q4) in h)
    every_entity = next(r for r in _rows(page) if "All entities" in r)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", every_entity, flags=re.S)
    waiting_cell = _text(cells[column - 1])
    assert "not yet due" in waiting_cell and "0 missing" not in waiting_cell
    assert f"{outstanding} not yet due" in waiting_cell
    assert "%" not in waiting_cell
    assert " missing" in _text(cells[column - 2])  # 2024-Q3, past its due date


def test_the_national_progress_report_counts_no_report_missing_before_the_due_date(client, demo):
    _q3, q4 = _q3_q4()
    verified_login(client, _user("reviewer"))
    page = client.get(reverse("analytics:progress_report"), {"period": q4.label})
    text = _text(page.content.decode())
    assert re.search(r"Reports: \d+ expected, \d+ on time, \d+ late, [1-9]\d* not yet due\.", text)
    assert not re.search(r"[1-9]\d* missing", text)
    row = _rate_row(page.content.decode(), q4)
    assert _cell(row, "Missing") == "0" and _cell(row, "Reporting rate") == "not yet due"
    html = page.content.decode()
    by_governorate = html[html.index('id="by-governorate"') :]
    by_governorate = by_governorate[: by_governorate.index("</table>")]
    assert "not yet due" in by_governorate  # each governorate's rate, too


def test_reports_become_missing_once_the_due_date_has_passed(world, monkeypatch):
    """The test world's open period is due in 2099: nothing is missing yet; the day after its
    due date, the report nobody sent is."""
    from analytics.selectors import reporting_rate, reporting_rate_by_entity
    from tests.reporting_helpers import submitted

    submitted(world)
    rate = reporting_rate(world.period)
    assert (rate.expected, rate.on_time, rate.missing, rate.not_yet_due) == (3, 1, 0, 2)
    assert rate.rate is None
    monkeypatch.setattr(timezone, "localdate", lambda *a: datetime.date(2099, 7, 31))
    rate = reporting_rate(world.period)
    assert (rate.missing, rate.not_yet_due, rate.rate) == (2, 0, 1 / 3)
    office = dict(reporting_rate_by_entity([world.period]))[world.office][0]
    assert (office.missing, office.rate) == (1, 0)


# -- figures written for reading ------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "ar", "ckb"])
def test_figures_are_rounded_and_grouped_in_every_language(language):
    with translation.override(language):
        assert figure_text(Decimal("17.9666666666667")) == "18"
        assert figure_text(Decimal("65.3333333333333"), "percent") == "65.3\xa0%"
        assert figure_text(Decimal("2.345")) == "2.35"
        assert figure_text(Decimal("1234567.0000")) == "1,234,567"
        assert figure_text(600) == "600" and figure_text(Decimal("6E+2")) == "600"
        assert figure_text(None) == "–"
        assert money_text(Decimal("45000000.00")) == "45,000,000"
        assert money_text(Decimal("1250.5"), "USD") == "1,250.50\xa0USD"
    with translation.override("en"):
        assert figure_text(Decimal(1), "yes_no") == "Yes"
        assert figure_text(Decimal("45000000.00"), "amount") == "45,000,000"


RAW = [
    re.compile(r"\d\.\d{3,}"),  # 17.9666666666667, 59.675
    re.compile(r"\d{4,}\.\d"),  # 45000000.00
    re.compile(r"(?<![\d,.-])\d{5,}(?![\d,])"),  # 45000000: ungrouped thousands
]


def _raw_numbers(html):
    text = _text(html)
    return sorted({m.group(0) for pattern in RAW for m in pattern.finditer(text)})


def _figure_pages():
    from governorates.models import Governorate
    from indicators.models import Indicator
    from pillars.models import Pillar

    pages = ["/", reverse("analytics:map"), reverse("analytics:map") + "?measure=activities"]
    pages += [reverse("analytics:pillar", args=[p.code]) for p in Pillar.objects.all()]
    pages += [reverse("analytics:indicator", args=[i.pk]) for i in Indicator.objects.all()]
    pages += [reverse("analytics:governorate", args=[g.code]) for g in Governorate.objects.all()]
    pages += [reverse(f"followup:{name}") for name in ("hub", "legislation", "recommendations")]
    pages.append(reverse("followup:disputed"))
    return pages


def test_no_page_shows_a_raw_number(client, demo):
    """Every dashboard, follow-up and review page, as a visitor and as the Directorate (whose
    admin lists the funding lines), in English and Arabic."""
    from reporting.models import ProgressReport

    staff_pages = [
        reverse("analytics:compliance"),
        reverse("analytics:progress_report"),
        reverse("reporting:queue"),
        "/admin/policy/funding/",
        "/admin/policy/activity/",
        *(
            reverse("reporting:report", args=[r.pk])
            for r in ProgressReport.objects.exclude(status="draft")[:10]
        ),
    ]
    found = {}
    for who in (None, "director"):
        if who:
            verified_login(client, _user(who))
        pages = _figure_pages() + (staff_pages if who else [])
        for language in ("en", "ar"):
            for url in pages:
                answer = client.get(url, HTTP_ACCEPT_LANGUAGE=language, follow=True)
                assert answer.status_code == 200, url
                raw = _raw_numbers(answer.content.decode())
                if raw:
                    found[(who, language, url)] = raw
    assert not found


def test_the_indicator_page_rounds_a_mean_and_the_overview_groups_money(client, demo):
    from indicators.models import Indicator

    # The demo's first indicator, whose mean over the governorates was shown as 17.9666666666667
    # (found by its code: on PostgreSQL the snapshot's ids need not start at 1).
    indicator = Indicator.objects.get(code="1.1-o1")
    page = client.get(reverse("analytics:indicator", args=[indicator.pk]))
    text = _text(page.content.decode())
    assert "17.9666666666667" not in text and " 18 " in text
    verified_login(client, _user("director"))
    funding = _text(client.get("/admin/policy/funding/").content.decode())
    assert re.search(r"\d{1,3}(,\d{3})+", funding)  # amounts grouped by thousands
    assert not re.search(r"\d{4,}\.00", funding)


# -- one overview, in order, with pillars that lead somewhere ------------------------------------


def test_the_old_dashboard_address_sends_everybody_to_the_one_overview(client, demo):
    answer = client.get("/dashboard/?policy=x&csv=pillars")
    assert answer.status_code == 301
    assert answer["Location"] == "/?policy=x&csv=pillars"
    assert reverse("analytics:overview") == reverse("home") == "/"
    assert client.get("/dashboard/")["Location"] == "/"


@pytest.mark.parametrize("who", [None, "partner", "focal", "cso", "reviewer", "director"])
def test_everybody_gets_the_national_overview_at_the_root(client, demo, who):
    if who:
        verified_login(client, _user(who))
    answer = client.get("/")
    assert answer.status_code == 200
    page = answer.content.decode()
    assert "<h1>National overview</h1>" in page
    visitor_text = "Organisations that report"
    assert (visitor_text in page) is (who is None)  # the sign-in invitation, for visitors only
    reviewer_links = reverse("analytics:compliance") in page
    assert reviewer_links is (who in ("reviewer", "director"))


def test_the_overview_sections_each_have_their_heading_and_table(client, demo):
    """The issue: the "Reporting rate" heading was empty and its table sat under "Follow-up"."""
    page = client.get("/").content.decode()
    sections = re.findall(r"<section\b[^>]*>(.*?)</section>", page, flags=re.S)
    headings = [
        _text(re.search(r"<h2\b[^>]*>(.*?)</h2>", s, flags=re.S).group(1)).strip() for s in sections
    ]
    assert headings == [
        "Where implementation stands",
        "By pillar",
        "Budget by funding source",
        "Achievement over time",
        "Reporting rate",
        "Follow-up",
    ]
    by_heading = dict(zip(headings, sections, strict=True))
    for heading, section in by_heading.items():
        assert _text(section).strip() != heading  # nothing empty under a heading
    assert 'data-label="Not yet due"' in by_heading["Reporting rate"]
    assert "<table" not in by_heading["Follow-up"]
    assert page.count("<h2") == len(sections)  # no heading outside its section


def test_each_pillar_on_the_overview_leads_to_its_page(client, demo):
    from pillars.models import Pillar

    page = client.get("/").content.decode()
    for pillar in Pillar.objects.all():
        address = reverse("analytics:pillar", args=[pillar.code])
        link = re.search(rf'<a href="({address}[^"]*)"', page)
        assert link, pillar.code
        assert client.get(link.group(1).replace("&amp;", "&")).status_code == 200


def test_no_page_links_to_the_old_overview_address(client, demo):
    verified_login(client, _user("director"))
    for url in [*_figure_pages()[:8], reverse("analytics:progress_report")]:
        page = client.get(url).content.decode()
        assert 'href="/dashboard/' not in page, url
