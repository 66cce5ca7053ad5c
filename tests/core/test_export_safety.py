"""Every spreadsheet the portal hands out (API CSV/XLSX, admin export, progress report, chart
tables) goes through core.exports.safe_cell: a text a user typed never runs as a formula in
Excel or LibreOffice, and no text breaks the file."""

import csv
import io
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from core.exports import safe_cell
from pillars.models import Pillar
from reporting.models import ProgressReport
from tests.factories import api_key
from tests.job_helpers import job_file
from tests.reporting_helpers import approved, complete, draft
from tests.signin_helpers import verified_login

# A control character in front hides the `=` from a check that looks at the first character;
# openpyxl refuses the control character itself.
EVIL = '\x01=HYPERLINK("http://evil.example","click")'
SAFE = '\'=HYPERLINK("http://evil.example","click")'


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (EVIL, SAFE),
        ("\x00\x1f+1", "'+1"),
        ("\x7f-2", "'-2"),
        ("\x85@SUM(A1)", "'@SUM(A1)"),
        ("\x0b\tcalc", "'\tcalc"),
        ("\rcalc", "'\rcalc"),
        ("=1", "'=1"),
        ("plain\x04 text", "plain text"),
        ("two\nlines\tand a tab", "two\nlines\tand a tab"),
        ("", ""),
        (None, None),
        (12, 12),
        (-3, -3),
        (1.5, 1.5),
        (Decimal("-2.5"), Decimal("-2.5")),
    ],
)
def test_safe_cell_strips_then_neutralises_and_keeps_numbers(value, expected):
    assert safe_cell(value) == expected
    if isinstance(value, int | float | Decimal):
        assert type(safe_cell(value)) is type(value)


def test_every_safe_text_can_be_written_to_a_workbook():
    book = openpyxl.Workbook()
    book.active.append([safe_cell(chr(n) + "=1") for n in range(0, 0xA0)])
    book.save(io.BytesIO())  # IllegalCharacterError before


def _cells(xlsx: bytes):
    book = openpyxl.load_workbook(io.BytesIO(xlsx))
    return [
        c for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row
    ]


def _csv_cells(text: str):
    return [c for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))) for c in row]


def _api(user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_key(user)}")
    return client


# -- API ----------------------------------------------------------------------------------
@pytest.fixture
def evil_world(world):
    world.policy.is_published = True
    world.policy.save()
    world.activity.title_en = EVIL
    world.activity.save()
    return world


def test_the_api_csv_export_has_no_live_formula(evil_world):
    response = _api(evil_world.partner).get("/api/v1/activities/?format=csv")
    assert response.status_code == 200
    cells = _csv_cells(response.content.decode("utf-8"))
    assert SAFE in cells
    assert not any(c.lstrip("\x00\x01").startswith("=") for c in cells)


def test_the_api_xlsx_export_has_no_live_formula(evil_world):
    response = _api(evil_world.partner).get("/api/v1/activities/?format=xlsx")
    assert response.status_code == 200
    cells = _cells(response.content)
    assert SAFE in cells
    assert not any(isinstance(c, str) and c.startswith("=") for c in cells)


def test_report_achievements_export_safely_from_the_api(world):
    report = complete(world, draft(world))
    ProgressReport.objects.filter(pk=report.pk).update(achievements=EVIL)
    client = _api(world.admin)
    for fmt in ("csv", "xlsx"):
        response = client.get(f"/api/v1/reports/?format={fmt}")
        assert response.status_code == 200, fmt
        cells = (
            _cells(response.content)
            if fmt == "xlsx"
            else _csv_cells(response.content.decode("utf-8"))
        )
        assert SAFE in cells, fmt


# -- admin export ---------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", [0, 1])  # XLSX, CSV: ImportExportPlanAdmin.formats
def test_the_admin_export_has_no_live_formula_and_does_not_break(client, world, fmt):
    from policy.models import Activity

    Activity.objects.filter(pk=world.activity.pk).update(title_en=EVIL)
    staff = world.admin  # a Directorate admin: views and exports the plan
    verified_login(client, staff)
    form = client.get(reverse("admin:policy_activity_export")).context["form"]
    every_column = {name: "on" for name in form.fields if name.startswith("activityresource_")}
    response = client.post(
        reverse("admin:policy_activity_export"), {"format": fmt, "resource": 0, **every_column}
    )
    assert response.status_code == 200
    content = response.content
    cells = _cells(content) if fmt == 0 else _csv_cells(content.decode("utf-8"))
    assert SAFE in cells


# -- progress report and chart tables -------------------------------------------------------
def test_the_progress_report_xlsx_has_no_live_formula(client, world):
    from indicators.models import Indicator

    approved(world)
    Indicator.objects.filter(code="1.1.1-a").update(title_en=EVIL)
    world.policy.title_en = EVIL
    world.policy.save()
    Pillar.objects.filter(pk=world.activity.objective.pillar_id).update(name_en=EVIL)
    verified_login(client, world.reviewer)
    response = client.get(
        reverse("analytics:progress_report"), {"period": "2022-Q2", "format": "xlsx"}
    )
    cells = _cells(job_file(client, response))  # 500 before: IllegalCharacterError
    assert SAFE in cells
    assert not any(isinstance(c, str) and c.lstrip("\x01").startswith("=") for c in cells)
    assert any(isinstance(c, str) and c.startswith(SAFE + ":") for c in cells)  # the title


def test_the_chart_csv_has_no_live_formula(client, world):
    approved(world)
    Pillar.objects.filter(pk=world.activity.objective.pillar_id).update(name_en=EVIL)
    verified_login(client, world.reviewer)
    response = client.get(reverse("analytics:overview"), {"csv": "pillars"})
    cells = _csv_cells(response.content.decode("utf-8"))
    assert SAFE in cells


def test_the_map_csv_has_no_live_formula(client, world):
    approved(world)
    world.baghdad.name_en = EVIL
    world.baghdad.save()
    verified_login(client, world.reviewer)
    response = client.get(reverse("analytics:map"), {"csv": "map"})
    cells = _csv_cells(response.content.decode("utf-8"))
    assert SAFE in cells
