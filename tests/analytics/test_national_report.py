"""The public national progress report (analytics/report_views.py): what a visitor reads and
what stays hidden, its layout (objectives as headings, a summary by pillar and governorate),
its PDF in three languages, and the SVG charts over time (analytics/charts.py) on the report,
the pillar and the indicator pages."""

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from analytics import charts
from tests.analytics.test_disclosure import _rows, gbv  # noqa: F401 (a fixture)
from tests.reporting_helpers import approved
from tests.signin_helpers import verified_login

REPORT = "/progress-report/"
PDF = "/progress-report/pdf/"
SVG = "{http://www.w3.org/2000/svg}"


def pdf_text(data: bytes) -> str:
    """The text of a PDF, as poppler's pdftotext reads it (apt-get install poppler-utils)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (apt-get install poppler-utils)")
    assert data[:5] == b"%PDF-"
    done = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
    )
    return done.stdout.decode()


def published(world):
    world.policy.is_published = True
    world.policy.save()
    approved(world)
    return world


def test_a_visitor_reads_the_report_without_signing_in(client, world):
    published(world)
    page = client.get(REPORT, {"period": "2022-Q2"})
    assert page.status_code == 200  # was a redirect to the sign-in page
    html = page.content.decode()
    assert "National progress report" in html and world.policy.title in html
    assert "Women Empowerment Directorate" in html  # the publisher, on the cover
    assert 'id="by-pillar"' in html and 'id="by-governorate"' in html
    assert "Baghdad" in html and "Basra" in html  # the summary by governorate
    assert "1.1.1-a" in html and "33\xa0%" in html  # (20 - 5) / (50 - 5)
    # The objective is a heading over its activities' indicators, written once (not a column
    # repeated on every row).
    objective = world.activity.objective
    assert html.count(objective.title) == 1
    assert re.search(r"<h3[^>]*>.*?" + re.escape(objective.code), html)
    assert re.search(r"<h4[^>]*>.*?1\.1\.1<", html) and re.search(r"<h4[^>]*>.*?1\.1\.2<", html)
    assert "format=xlsx" not in html  # the workbook is for signed-in readers
    assert f"{PDF}?period=2022-Q2&amp;lang=en" in html  # the PDF in the page's language


def test_a_visitor_sees_only_published_plans(client, world):
    approved(world)  # world.policy is not published
    assert client.get(REPORT).status_code == 404
    assert client.get(PDF).status_code == 404


def test_a_visitor_asking_for_the_workbook_is_sent_to_sign_in(client, world):
    published(world)
    answer = client.get(REPORT, {"format": "xlsx"})
    assert answer.status_code == 302 and "/login/" in answer["Location"]


def test_wide_tables_scroll_in_a_focusable_named_region(client, world):
    published(world)
    html = client.get(REPORT, {"period": "2022-Q2"}).content.decode()
    regions = re.findall(r'<div class="table-scroll"[^>]*>', html)
    assert len(regions) >= 4
    for region in regions:
        assert 'role="region"' in region and 'tabindex="0"' in region
        assert "aria-label=" in region or "aria-labelledby=" in region


def test_hidden_figures_stay_hidden_in_the_report_and_its_pdf(client, gbv):  # noqa: F811
    # 1.1.2-a: 3 of 10 nationally, hidden from visitors (disclosure control); staff see it.
    html = client.get(REPORT, {"period": "2022-Q2"}).content.decode()
    row = next(r for r in _rows(html) if r and r[0].startswith("1.1.2-a"))
    assert row[2] == "hidden" and row[4] == "hidden" and "Hidden" in row[5]
    text = pdf_text(client.get(PDF, {"period": "2022-Q2"}).content)
    line = next(line for line in text.splitlines() if "1.1.2-a" in line)
    assert "hidden" in line and " 3 " not in f" {line} " and "30" not in line
    verified_login(client, gbv.partner)
    html = client.get(REPORT, {"period": "2022-Q2"}).content.decode()
    row = next(r for r in _rows(html) if r and r[0].startswith("1.1.2-a"))
    assert row[2] == "3" and row[4].replace(" ", "") == "30%"
    text = pdf_text(client.get(PDF, {"period": "2022-Q2"}).content)
    line = next(line for line in text.splitlines() if "1.1.2-a" in line)
    assert "hidden" not in line and "30" in line


@pytest.mark.parametrize("language", ["en", "ar", "ckb"])
def test_the_pdf_is_in_each_language(client, world, language):
    published(world)
    answer = client.get(PDF, {"period": "2022-Q2", "lang": language})
    assert answer.status_code == 200 and answer["Content-Type"] == "application/pdf"
    assert answer["Content-Disposition"] == (
        f'attachment; filename="progress-report-np-2022-Q2-{language}.pdf"'
    )
    text = pdf_text(answer.content)
    with translation.override(language):
        heading = translation.gettext("National progress report")
        period = str(world.period)
        summary = translation.gettext("Summary")
    assert heading in text and summary in text
    assert "1.1.1-a" in text  # codes keep their Latin digits in every language
    if language == "en":
        assert period in text and "33 %" in text
    else:
        # Translated headings from the catalogue, and the numbers in Eastern Arabic digits.
        assert heading != "National progress report" and summary != "Summary"
        assert re.search("٣٣٪|٪٣٣", text) and "٢٠٢٢" in text  # (pdftotext reads ٪ first)
        assert re.search(r"[٠-٩]+\s*/\s*[٠-٩]+", text)  # the page numbers
    fonts = subprocess.run(["pdffonts", "-"], input=answer.content, capture_output=True)
    if fonts.returncode == 0:  # the vendored fonts are embedded, and no other
        names = [line.split()[0] for line in fonts.stdout.decode().splitlines()[2:]]
        assert names and all("+Report-" in name for name in names), names
        assert any("Report-Latin" in name for name in names)
        if language != "en":
            assert any("Report-Arabic" in name for name in names)


def test_the_pdf_is_logged_as_an_export(client, world):
    from audit.models import AccessEvent, Kind

    published(world)
    verified_login(client, world.partner)
    assert client.get(PDF, {"period": "2022-Q2"}).status_code == 200
    event = AccessEvent.objects.get(kind=Kind.EXPORT)
    assert event.target == "progress-report-np-2022-Q2-en.pdf"
    assert event.details["source"] == "progress report"


def test_the_pdf_is_made_once_per_language_and_figures_version(
    client, world, settings, monkeypatch
):
    from django.core.cache import cache

    from analytics import figures, report

    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    published(world)
    made = []
    real = report.report_pdf

    def counted(content):
        made.append(translation.get_language())
        return real(content)

    monkeypatch.setattr(report, "report_pdf", counted)
    first = client.get(PDF, {"period": "2022-Q2"}).content
    assert client.get(PDF, {"period": "2022-Q2"}).content == first
    assert made == ["en"]
    client.get(PDF, {"period": "2022-Q2", "lang": "ar"})
    assert made == ["en", "ar"]
    figures.refresh(policy_ids=[world.policy.pk])  # a new figures version
    client.get(PDF, {"period": "2022-Q2"})
    assert made == ["en", "ar", "en"]
    cache.clear()


def _charts(html):
    """Every inline SVG chart of a page, parsed as XML (so: well-formed)."""
    found = re.findall(r'<svg class="chart".*?</svg>', html, re.S)
    return [ET.fromstring(svg) for svg in found]


def test_every_chart_is_well_formed_with_a_title_and_a_table(client, world):
    published(world)
    html = client.get(REPORT, {"period": "2022-Q2"}).content.decode()
    svgs = _charts(html)
    assert len(svgs) == 2 + 1  # achievement and reporting rate, one pillar
    for svg in svgs:
        assert svg.get("role") == "img"
        title = svg.find(f"{SVG}title")
        assert title is not None and title.text.strip()
        assert svg.find(f"{SVG}desc") is not None
        assert svg.get("aria-labelledby") == f"{title.get('id')} {svg.find(f'{SVG}desc').get('id')}"
    # each chart is followed by the table of its numbers
    for match in re.finditer(r"</svg></figure>\s*(<[^>]+>)", html):
        assert match.group(1).startswith('<div class="table-scroll"')


def test_the_pillar_and_indicator_pages_have_their_chart_over_time(client, world):
    published(world)
    pillar = client.get(reverse("analytics:pillar", args=[world.activity.objective.pillar.code]))
    (svg,) = _charts(pillar.content.decode())
    assert svg.find(f"{SVG}title").text == "Achievement over time"
    page = client.get(reverse("analytics:indicator", args=[world.indicator.pk])).content.decode()
    (svg,) = _charts(page)
    labels = [t.text for t in svg.iter(f"{SVG}text")]
    assert "2022-Q1" in labels and "2022-Q2" in labels and "20" in labels  # the approved 20


class _Period:
    def __init__(self, label):
        self.label = label

    def __str__(self):
        return self.label


def _label_positions(svg):
    return {t.text: float(t.get("x")) for t in svg.iter(f"{SVG}text")}


def test_in_right_to_left_the_time_axis_runs_from_right_to_left():
    from analytics.measures import Rollup

    over_time = [(_Period(p), Rollup(Decimal(v), 2, 2)) for p, v in (("A", "0.2"), ("B", "0.4"))]
    with translation.override("en"):
        ltr = _label_positions(
            ET.fromstring(str(charts.achievement_chart(over_time, title="t", chart_id="c")))
        )
    with translation.override("ar"):
        rtl = _label_positions(
            ET.fromstring(str(charts.achievement_chart(over_time, title="t", chart_id="c")))
        )
    assert ltr["A"] < ltr["B"]  # earliest at the left
    assert rtl["A"] > rtl["B"]  # earliest at the right
    assert ltr["0\xa0%"] < ltr["A"] and rtl["0\xa0%"] > rtl["A"]  # the value axis, reading side


def test_pdf_labels_in_right_to_left_are_in_visual_order():
    assert charts.visual_rtl("٤/٢٠٢٤") == "٢٠٢٤/٤"
    assert charts.visual_rtl("٢٥٪") == "٪٢٥"
    assert charts.visual_rtl("١٢٬٥") == "١٢٬٥"  # a number stays one run
