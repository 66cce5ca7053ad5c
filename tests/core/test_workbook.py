"""core/workbook.py: the workbooks people download, fill in a spreadsheet program and upload
again. What they see (headings in their language, locked columns, drop-down lists, number
checks, right to left) and what an upload that cannot be read tells them."""

import io
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from django.utils import translation

from core.workbook import (
    ABOUT,
    FIRST_ROW,
    Check,
    Column,
    WorkbookRefused,
    WorkbookWriter,
    cell_name,
    read_workbook,
)

STATUS = Check.choice([("planned", "Planned"), ("done", "Completed")], aliases=[("done", "مكتمل")])
COLUMNS = [
    Column("code", "Code"),
    Column("title", "Title", width=40),
    Column("status", "Status", check=STATUS),
    Column("count", "People", check=Check.integer(minimum=0, maximum=1000)),
    Column("value", "Value", check=Check.number(minimum=0, decimals=4)),
    Column("note", "Note", check=Check.text(max_length=20)),
]
KEYS = [c.key for c in COLUMNS]


def make(rows=(), *, kind="test-book", version=3, plan="np", rtl=False, **append):
    book = WorkbookWriter(
        kind=kind, version=version, plan=plan, details={"period": "2024-Q4"}, right_to_left=rtl
    )
    sheet = book.add_sheet("values", "Values", COLUMNS)
    for row in rows:
        sheet.append(row, **append)
    book.add_instructions("How to fill in", ["Type in the white cells.", "Save as .xlsx."])
    return book.save()


def edit(content, changes, sheet="Values"):
    """The workbook after someone typed into it (openpyxl, as a program or LibreOffice would
    save it): changes {"F3": value}."""
    book = openpyxl.load_workbook(io.BytesIO(content))
    for ref, value in changes.items():
        book[sheet][ref] = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def read_rows(content, keys=KEYS, **kwargs):
    reader = read_workbook(content, kind="test-book", version=3, **kwargs)
    return reader, list(reader.sheet("values").rows(keys))


def refused(content, **kwargs):
    with pytest.raises(WorkbookRefused) as caught:
        read_workbook(content, kind=kwargs.pop("kind", "test-book"), version=3, **kwargs)
    return " ".join(caught.value.problems)


ROW = {"code": "1.1.1", "title": "Train judges", "status": "Planned", "count": 4, "value": 12}


def test_what_a_person_sees_headings_keys_locked_columns_and_checks():
    content = make([ROW, {**ROW, "code": "1.1.2"}])
    book = openpyxl.load_workbook(io.BytesIO(content))
    sheet = book["Values"]
    assert [c.value for c in sheet[1]] == [c.heading for c in COLUMNS]
    assert [c.value for c in sheet[2]] == KEYS
    assert sheet.protection.sheet  # the read-only columns cannot be typed over
    row = sheet[FIRST_ROW]
    assert row[0].protection.locked and row[1].protection.locked  # code, title
    assert not any(c.protection.locked for c in row[2:])  # status, people, value, note
    assert sheet.freeze_panes == f"A{FIRST_ROW}"
    checks = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    assert checks["C3:C4"].type == "list"
    assert checks["C3:C4"].formula1.startswith("lists!")
    assert [c.value for c in book["lists"]["A"]] == ["Planned", "Completed"]
    assert (checks["D3:D4"].type, checks["D3:D4"].formula1, checks["D3:D4"].formula2) == (
        "whole",
        "0",
        "1000",
    )
    assert checks["E3:E4"].type == "decimal" and checks["E3:E4"].operator == "greaterThanOrEqual"
    assert checks["E3:E4"].error == "A number, at least 0."
    assert book["lists"].sheet_state == "hidden" and book[ABOUT].sheet_state == "hidden"
    about = {r[0]: r[1] for r in book[ABOUT].iter_rows(values_only=True)}
    assert about["kind"] == "test-book" and about["template"] == 3 and about["plan"] == "np"
    assert about["period"] == "2024-Q4" and about["sheet:values"] == "Values"
    assert book["How to fill in"]["A1"].value == "Type in the white cells."
    assert not sheet.sheet_view.rightToLeft


def test_a_row_can_stay_read_only_and_a_cell_can_have_its_own_check():
    book = WorkbookWriter(kind="test-book", version=3)
    sheet = book.add_sheet("values", "Values", COLUMNS)
    sheet.append(ROW, editable=[])
    sheet.append(ROW, editable=["value"], checks={"value": Check.number(0, 1)})
    book_ = openpyxl.load_workbook(io.BytesIO(book.save()))
    rows = book_["Values"]
    assert all(c.protection.locked for c in rows[3])
    assert [c.protection.locked for c in rows[4]] == [True, True, True, True, False, True]
    (check,) = book_["Values"].data_validations.dataValidation
    assert str(check.sqref) == "E4" and (check.formula1, check.formula2) == ("0", "1")


def test_right_to_left_in_arabic_and_kurdish():
    for language in ("ar", "ckb"):
        with translation.override(language):
            book = WorkbookWriter(kind="k", version=1)
            book.add_sheet("values", "القيم", COLUMNS).append(ROW)
            book.add_instructions("تعليمات", ["…"])
            opened = openpyxl.load_workbook(io.BytesIO(book.save()))
        assert all(opened[t].sheet_view.rightToLeft for t in ("القيم", "تعليمات"))


def test_text_that_a_spreadsheet_would_run_is_neutralised_and_read_back_as_typed():
    evil = '=HYPERLINK("http://evil.example","click")'
    content = make([{**ROW, "title": evil, "note": "\x01+1"}])
    sheet = openpyxl.load_workbook(io.BytesIO(content))["Values"]
    assert sheet["B3"].value == "'" + evil and sheet["B3"].data_type == "s"
    assert sheet["F3"].value == "'+1"
    _reader, (row,) = read_rows(content)
    assert row.text("title") == evil and row.text("note") == "+1"


def test_values_are_read_back_exactly_and_labels_in_any_language():
    content = make([ROW])
    content = edit(content, {"C3": "مكتمل", "D3": 7, "E3": 12.3456, "F3": "ok"})
    reader, (row,) = read_rows(content)
    assert row.number == FIRST_ROW
    assert row.code("code") == "1.1.1"
    assert row.choice("status", STATUS) == "done"
    assert row.integer("count", Check.integer(0, 1000)) == 7
    assert row.decimal("value", Check.number(0, decimals=4)) == Decimal("12.3456")
    assert row.text("note", Check.text(20)) == "ok"
    assert reader.problems == []


def test_numbers_typed_as_text_with_eastern_arabic_digits_are_taken():
    content = edit(make([ROW]), {"E3": "١٢٫٥", "D3": "1,200"})
    reader, (row,) = read_rows(content)
    assert row.decimal("value") == Decimal("12.5")
    assert row.integer("count", Check.integer(0, 10_000)) == 1200
    assert reader.problems == []


def test_each_bad_cell_is_named_by_sheet_row_and_column():
    content = make([ROW, ROW, ROW, ROW])
    content = edit(
        content,
        {
            "E3": "twelve",  # text in a number cell
            "E4": "=2*6",  # a formula
            "D5": 2.5,  # not whole
            "E5": 1.23456,  # too many decimals
            "C6": "Finished",  # not a choice
            "D6": -1,  # below the minimum
            "F6": "x" * 25,  # too long
        },
    )
    reader, rows = read_rows(content)
    for row in rows:
        row.decimal("value", Check.number(0, decimals=4))
        row.integer("count", Check.integer(0, 1000))
        row.choice("status", STATUS)
        row.text("note", Check.text(20))
    problems = reader.problems
    assert problems == [
        "Sheet “Values”, row 3, column E: “twelve” is not a number. A number, at least 0.",
        "Sheet “Values”, row 4, column E: a formula (=2*6). Type the value itself, not a formula.",
        "Sheet “Values”, row 5, column E: 1.23456 has more than 4 decimal places.",
        "Sheet “Values”, row 5, column D: 2.5 is not a whole number. A whole number from 0 to "
        "1000.",
        "Sheet “Values”, row 6, column D: -1 is out of range. A whole number from 0 to 1000.",
        "Sheet “Values”, row 6, column C: “Finished” is not one of the choices (Planned, "
        "Completed).",
        "Sheet “Values”, row 6, column F: 25 characters; at most 20 are taken.",
    ]
    assert cell_name(12, 6) == "row 12, column F"


def test_a_date_in_a_number_cell_is_a_problem_not_a_number():
    import datetime

    content = edit(make([ROW]), {"E3": datetime.date(2024, 3, 12)})
    reader, (row,) = read_rows(content)
    assert row.decimal("value") is None
    assert reader.problems == ["Sheet “Values”, row 3, column E: a date, not a number. A number."]


def test_rows_keep_the_sheet_numbering_over_empty_rows():
    content = make([ROW, {}, {}, {**ROW, "code": "9.9.9"}])
    _reader, rows = read_rows(content)
    assert [(r.number, r.code("code")) for r in rows] == [(3, "1.1.1"), (6, "9.9.9")]


def test_reading_in_another_language_finds_columns_by_key():
    with translation.override("ar"):
        book = WorkbookWriter(kind="test-book", version=3)
        sheet = book.add_sheet("values", "القيم", list(reversed(COLUMNS)))
        sheet.append(ROW)
        content = book.save()
    _reader, (row,) = read_rows(content)
    assert row.code("code") == "1.1.1" and row.name("code") == "row 3, column F"


def test_a_file_too_large_is_refused_before_it_is_read(settings):
    settings.WORKBOOK_MAX_BYTES = 1000
    message = refused(b"PK" + b"\0" * 2000, name="big.xlsx")
    assert message.replace("\xa0", " ").startswith(
        "big.xlsx is 2.0 KB; the largest workbook the portal takes is 1000 bytes."
    )


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"code,value\n1.1.1,12\n", "is not an Excel workbook (.xlsx)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "an old Excel workbook (.xls)"),
        (b"PK\x03\x04 broken", "is not an Excel workbook (.xlsx)"),
        (b"", "is empty"),
    ],
)
def test_what_is_not_an_xlsx_workbook_is_refused_with_what_to_do(content, says):
    assert says in refused(content, name="values.xlsx")


def test_an_opendocument_sheet_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    assert "is not an Excel workbook (.xlsx)" in refused(buffer.getvalue())


def test_a_workbook_that_unpacks_too_large_is_refused(settings):
    settings.WORKBOOK_MAX_UNPACKED_BYTES = 10_000
    content = make([{**ROW, "title": "x" * 20_000}])
    assert "would unpack to" in refused(content)


def test_a_workbook_not_made_by_the_portal_is_recognised():
    book = openpyxl.Workbook()
    book.active.append(["code", "value"])
    out = io.BytesIO()
    book.save(out)
    assert "was not made by the portal" in refused(out.getvalue())


def test_another_kind_an_older_template_or_another_plan_is_recognised():
    assert "another kind of workbook (“plan”)" in refused(make(kind="plan"))
    assert "another version of the template (2; the portal now uses 3)" in refused(make(version=2))
    assert "for the plan np, not for np-2025" in refused(make(), plan="np-2025")


def test_a_missing_sheet_or_column_key_is_refused():
    content = make([ROW])
    book = openpyxl.load_workbook(io.BytesIO(content))
    book["Values"]["E2"] = "valeur"
    out = io.BytesIO()
    book.save(out)
    reader = read_workbook(out.getvalue(), kind="test-book", version=3)
    with pytest.raises(WorkbookRefused) as caught:
        list(reader.sheet("values").rows(KEYS))
    assert caught.value.problems == [
        "Sheet “Values”, row 2: the column “value” is missing. The keys in row 2 tell the "
        "portal what each column holds: do not change them. Download a new workbook."
    ]
    book["Values"].title = "Renamed"
    out = io.BytesIO()
    book.save(out)
    reader = read_workbook(out.getvalue(), kind="test-book", version=3)
    with pytest.raises(WorkbookRefused) as caught:
        reader.sheet("values")
    assert "The sheet “Values” is missing" in caught.value.problems[0]


def test_rows_are_counted_without_reading_them_once_a_program_saved_the_file():
    content = make([ROW] * 30)
    reader = read_workbook(content, kind="test-book", version=3)
    assert reader.sheet("values").count_rows() == 30
    resaved = edit(content, {})  # as LibreOffice or Excel save it: with its size declared
    assert read_workbook(resaved, kind="test-book", version=3).sheet("values").count_rows() == 30


def as_excel_saves(content):
    """The workbook with its text in a shared-strings table, as Excel and LibreOffice save it
    (openpyxl writes each text into its cell)."""
    import re

    source = zipfile.ZipFile(io.BytesIO(content))
    strings = []

    def shared(match):
        strings.append(match.group(3))
        return f'<c{match.group(1)} t="s"{match.group(2)}><v>{len(strings) - 1}</v></c>'

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            data = source.read(entry.filename)
            if entry.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(
                    r'<c([^>]*?) t="inlineStr"([^>]*)><is><t(?: [^>]*)?>(.*?)</t></is></c>',
                    shared,
                    data.decode(),
                ).encode()
            elif entry.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
                )
            elif entry.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdShared" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/sharedStrings" '
                    b'Target="sharedStrings.xml"/></Relationships>',
                )
            target.writestr(entry, data)
        items = "".join(f"<si><t>{s}</t></si>" for s in strings)
        target.writestr(
            "xl/sharedStrings.xml",
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            f'count="{len(strings)}" uniqueCount="{len(strings)}">{items}</sst>',
        )
    assert strings  # the text did move to the table
    return out.getvalue()


def test_a_workbook_saved_with_a_shared_strings_table_reads_the_same():
    content = edit(make([ROW, {**ROW, "code": "1.1.2"}]), {"C4": "Completed", "E4": "7.5"})
    saved = as_excel_saves(content)
    assert b"inlineStr" not in zipfile.ZipFile(io.BytesIO(saved)).read("xl/worksheets/sheet1.xml")
    reader, rows = read_rows(saved)
    assert [(r.code("code"), r.choice("status", STATUS), r.decimal("value")) for r in rows] == [
        ("1.1.1", "planned", Decimal("12")),
        ("1.1.2", "done", Decimal("7.5")),
    ]
    assert reader.problems == []
