"""Disclosure control of protection and GBV figures (analytics/disclosure.py): the rules on
hand-computed cases, the rules about changing a sensitive indicator, and an attacker who
fetches everything a visitor can and tries to work out each hidden figure."""

import csv
import io
import json
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from lxml import etree

from analytics.disclosure import NATIONAL, protect_period
from indicators.models import Indicator, Target
from reporting.models import IndicatorValue, ProgressReport
from tests.signin_helpers import verified_login

D = Decimal


# -- the rule of one period, on hand-computed cases --------------------------------------------
def test_a_period_without_small_cells_hides_nothing():
    assert protect_period({1: D(12), 2: D(8)}, D(20)) == set()


def test_a_small_cell_hides_a_second_so_that_the_total_does_not_give_it_away():
    # the case: national 9, Ninawa 6, Dahuk 3
    assert protect_period({"dahuk": D(3), "ninawa": D(6)}, D(9)) == {"dahuk", "ninawa"}


def test_the_partner_is_the_smallest_cell_that_adds_to_what_is_hidden():
    # 3 and 0 are small; hidden together they come to 3, so Basra's 7 joins them, not 40
    parts = {"dahuk": D(3), "ninawa": D(40), "basra": D(7), "anbar": D(0)}
    assert protect_period(parts, D(50)) == {"dahuk", "anbar", "basra"}


def test_two_small_cells_that_together_stay_small_hide_a_third():
    # hidden together 1 + 3 = 4: a visitor would know each is 0 to 4
    assert protect_period({"a": D(1), "b": D(3), "c": D(20)}, D(24)) == {"a", "b", "c"}


def test_what_nation_wide_reports_add_protects_a_small_cell_by_itself():
    # 13 from nation-wide reports is never shown: Dahuk's 3 cannot be worked out from 19
    assert protect_period({"dahuk": D(3), "ninawa": D(6)}, D(19), D(10)) == {"dahuk"}


def test_a_small_share_of_nation_wide_reports_is_protected_too():
    # 32 - 10 - 20 = 2 would be worked out by subtraction
    assert protect_period({"a": D(10), "b": D(20)}, D(32), D(2)) == {"a"}


def test_a_small_national_figure_hides_every_part_of_it():
    assert protect_period({"a": D(1), "b": D(2)}, D(3)) == {"a", "b", NATIONAL}


def test_a_single_small_governorate_hides_the_national_figure_it_equals():
    assert protect_period({"a": D(3)}, D(3)) == {"a", NATIONAL}
    assert protect_period({"a": D(30)}, D(30)) == set()


def test_zero_is_a_small_number():
    assert protect_period({"a": D(0), "b": D(10)}, D(10)) == {"a", "b"}


def test_percentages_show_the_national_figure_and_no_governorate():
    parts = {"a": D(3), "b": D(60)}
    assert protect_period(parts, D(40), count=False, additive=False) == {"a", "b"}


def test_a_mean_is_not_a_sum_so_a_small_cell_needs_no_partner():
    assert protect_period({"a": D(3), "b": D(60)}, D(31), additive=False) == {"a"}


# -- a published plan with protection figures, as in the issue -----------------------------------
def _approved(world, activity, entity, period, values):
    """An approved report with these values ({governorate or None: value}), written as the
    seeds do (the workflow is tested elsewhere)."""
    report = ProgressReport.objects.create(
        activity=activity, entity=entity, period=period, created_by=world.admin
    )
    for governorate, value in values.items():
        IndicatorValue.objects.create(
            report=report, indicator=activity._indicator, governorate=governorate, value=D(value)
        )
    ProgressReport.objects.filter(pk=report.pk).update(status="approved")
    return report


@pytest.fixture
def gbv(world):
    """The issue's figures: a sensitive count in two governorates, 3 and 6 in one quarter
    (national 9), 7 and 1 in the next; a sensitive national count of 3 against a target of
    10 from 0; and a public indicator beside them in the same objective."""
    from tests.factories import IndicatorFactory

    world.policy.is_published = True
    world.policy.save()
    cases = world.indicator  # 1.1.1-a, Baghdad and Basra
    Indicator.objects.filter(pk=cases.pk).update(is_sensitive=True, baseline_value=0)
    cases.refresh_from_db()
    Target.objects.filter(indicator=cases).update(value=D(40))
    Target.objects.create(
        indicator=cases, period=world.period, governorate=world.baghdad, value=D(20)
    )
    Target.objects.create(
        indicator=cases, period=world.period, governorate=world.basra, value=D(20)
    )
    national = Indicator.objects.get(code="1.1.2-a")  # the nation-wide activity
    Indicator.objects.filter(pk=national.pk).update(is_sensitive=True, baseline_value=0)
    national.refresh_from_db()
    Target.objects.create(indicator=national, period=world.period, value=D(10))
    public = IndicatorFactory(
        policy=world.policy, objective=None, activity=world.activity, code="1.1.1-b"
    )
    public.baseline_value = D(0)
    public.save()
    Target.objects.create(indicator=public, period=world.period, value=D(100))
    Target.objects.create(
        indicator=public, period=world.period, governorate=world.baghdad, value=D(50)
    )

    world.activity._indicator = cases
    _approved(world, world.activity, world.cso_entity, world.previous, {
        world.baghdad: 3, world.basra: 6,
    })  # fmt: skip
    _approved(world, world.activity, world.cso_entity, world.period, {
        world.baghdad: 7, world.basra: 1,
    })  # fmt: skip
    world.other_activity._indicator = national
    _approved(world, world.other_activity, world.other_cso_entity, world.period, {None: 3})
    world.activity._indicator = public
    report = ProgressReport.objects.get(activity=world.activity, period=world.period)
    ProgressReport.objects.filter(pk=report.pk).update(status="draft")
    for governorate, value in ((world.baghdad, 30), (world.basra, 25)):
        IndicatorValue.objects.create(
            report=report, indicator=public, governorate=governorate, value=D(value)
        )
    ProgressReport.objects.filter(pk=report.pk).update(status="approved")
    world.cases, world.national_cases, world.public_indicator = cases, national, public
    from analytics import figures  # written past the services, as the seeds do; so refreshed

    figures.refresh(policy_ids=[world.policy.pk])
    return world


# What the hidden figures are, and which of them a visitor must not be able to work out:
# (indicator, governorate code or None, period label) -> true value.
def _secrets(w):
    return {
        (w.cases.pk, "IQ-BG", "2022-Q1"): 3,
        (w.cases.pk, "IQ-BA", "2022-Q2"): 1,
        (w.national_cases.pk, None, "2022-Q2"): 3,
    }


class _Tables(HTMLParser):
    """Every table row of a page as a list of cell texts."""

    def __init__(self):
        super().__init__()
        self.rows, self._row, self._cell = [], None, None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def _rows(html):
    parser = _Tables()
    parser.feed(html)
    return parser.rows


def _number(text):
    text = text.replace(",", "").replace("\xa0", " ").split(" ")[0].rstrip("%")
    try:
        return D(text)
    except ArithmeticError:
        return None


def _everything_a_visitor_can_fetch(client, w):
    """Every page, CSV and API answer of the published plan, as a visitor gets them."""
    pillar = w.activity.objective.pillar.code
    urls = [
        "/",
        reverse("analytics:overview"),
        reverse("analytics:pillar", args=[pillar]),
        reverse("analytics:objective", args=[w.activity.objective.pk]),
        *(reverse("analytics:activity", args=[a.pk]) for a in (w.activity, w.other_activity)),
        reverse("analytics:map"),
        reverse("analytics:map") + "?measure=activities",
        reverse("analytics:map") + "?csv=map",
        reverse("analytics:map") + "?csv=map&measure=activities",
        *(reverse("analytics:overview") + f"?csv={t}" for t in ("pillars", "achievement")),
        *(reverse("analytics:governorate", args=[c]) for c in ("IQ-BG", "IQ-BA")),
        *(
            reverse("analytics:indicator", args=[i.pk])
            for i in (w.cases, w.national_cases, w.public_indicator)
        ),
        "/api/v1/indicator-values/",
        "/api/v1/indicator-values/?format=csv",
        "/api/v1/indicators/",
        "/api/v1/targets/",
        "/api/v1/iati/",  # the IATI activity file (analytics/iati.py)
        reverse("analytics:progress_report"),  # the national report, and its PDF
        reverse("analytics:progress_report_pdf"),
    ]
    answers = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        if response["Content-Type"] == "application/pdf":
            from tests.analytics.test_national_report import pdf_text

            answers[url] = pdf_text(response.content)  # the text a reader of the PDF gets
        else:
            answers[url] = response.content.decode("utf-8-sig")
    return answers


def _pdf_rows(answers, url, plan):
    """The national report's PDF, as rows like its page's (code and title, baseline, to date,
    target, achievement, status): each line of its text that starts with an indicator's code,
    cut at runs of spaces (pdftotext -layout)."""
    import re

    if url != reverse("analytics:progress_report"):
        return []
    text = answers[reverse("analytics:progress_report_pdf")]
    rows = []
    for line in text.splitlines():
        cells = [c for c in re.split(r"\s{2,}", line.strip()) if c]
        if cells and any(cells[0].startswith(i.code) for i in plan) and len(cells) >= 6:
            rows.append([cells[0], *cells[-5:]])
    assert rows, "the PDF lists the protection indicators"
    return rows


def test_a_visitor_cannot_work_out_any_hidden_protection_figure(client, gbv):
    w = gbv
    answers = _everything_a_visitor_can_fetch(client, w)
    secrets = _secrets(w)
    periods = ["2022-Q1", "2022-Q2"]

    # The API gives no value of a sensitive indicator to a visitor, nor a note that may hold it.
    values = json.loads(answers["/api/v1/indicator-values/"])["results"]
    for row in values:
        if row["indicator_id"] in (w.cases.pk, w.national_cases.pk):
            assert row["value"] is None and row["suppressed"] is True and row["note"] == ""
    exported = list(csv.DictReader(io.StringIO(answers["/api/v1/indicator-values/?format=csv"])))
    assert all(r["value"] == "" for r in exported if r["indicator"] in ("1.1.1-a", "1.1.2-a"))

    # Every number the pages give of a sensitive indicator, as equations over the unknown
    # cells (governorate x period; None for what nation-wide reports gave).
    equations = []  # ({cell: coefficient}, value)
    for indicator in (w.cases, w.national_cases):
        page = answers[reverse("analytics:indicator", args=[indicator.pk])]
        header = next(r for r in _rows(page) if r[:2] == ["Period", "National"])
        places = header[3:]
        codes = {"Baghdad": "IQ-BG", "Basra": "IQ-BA"}
        for row in _rows(page):
            if row[0] not in periods:
                continue
            national = _number(row[1])
            cells = [(indicator.pk, codes[p], row[0]) for p in places]
            if national is not None:
                unallocated = (indicator.pk, None, row[0])
                equations.append(({c: 1 for c in [*cells, unallocated]}, national))
            for cell, text in zip(cells, row[3:], strict=True):
                shown = _number(text.split("/")[0])
                if shown is not None:
                    equations.append(({cell: 1}, shown))
    # The pillar, objective and activity pages and the national report: the figure to date, or
    # the achievement it follows from (baseline 0).
    plan = {w.cases: (("IQ-BG", "IQ-BA"), 40), w.national_cases: ((), 10)}
    national_pages = [
        reverse("analytics:progress_report"),
        reverse("analytics:pillar", args=[w.activity.objective.pillar.code]),
        reverse("analytics:objective", args=[w.activity.objective.pk]),
        *(reverse("analytics:activity", args=[a.pk]) for a in (w.activity, w.other_activity)),
    ]
    for url in national_pages:
        for row in _rows(answers[url]) + _pdf_rows(answers, url, plan):
            for indicator, (places, target) in plan.items():
                if row and row[0].startswith(indicator.code):
                    to_date = _number(row[2])
                    achievement = _number(row[4])
                    if achievement is not None and to_date is None:
                        to_date = (achievement / 100 * target).quantize(D(1))
                    if to_date is not None:
                        cells = [(indicator.pk, g, p) for g in (*places, None) for p in periods]
                        equations.append(({c: 1 for c in cells}, to_date))
    # The governorate pages' indicators: the figure to date there, against its own target.
    for code in ("IQ-BG", "IQ-BA"):
        for row in _rows(answers[reverse("analytics:governorate", args=[code])]):
            for indicator in plan:
                if row and len(row) == 6 and row[0].startswith(indicator.code):
                    to_date, target = _number(row[2]), _number(row[3])
                    achievement = _number(row[4])
                    if achievement is not None and to_date is None and target:
                        to_date = (achievement / 100 * target).quantize(D(1))
                    if to_date is not None:
                        cells = [(indicator.pk, code, p) for p in periods]
                        equations.append(({c: 1 for c in cells}, to_date))
    # The IATI file: each period's actual values of an indicator, nationally (the sum of the
    # governorates and what nation-wide reports gave) and by governorate (<location ref>).
    starts = {"2022-01-01": "2022-Q1", "2022-04-01": "2022-Q2"}
    iati = etree.fromstring(answers["/api/v1/iati/"].encode())
    for element in iati.iter("indicator"):
        code = element.find("reference").get("code")
        indicator = {w.cases.code: w.cases, w.national_cases.code: w.national_cases}.get(code)
        if indicator is None:
            continue
        places, _target = plan[indicator]
        for period in element.iter("period"):
            label = starts[period.find("period-start").get("iso-date")]
            for actual in period.iter("actual"):
                location = actual.find("location")
                value = D(actual.get("value"))
                if location is None:
                    cells = [(indicator.pk, g, label) for g in (*places, None)]
                    equations.append(({c: 1 for c in cells}, value))
                else:
                    equations.append(({(indicator.pk, location.get("ref"), label): 1}, value))
    # What the plan tells anyone: the first activity is not nation-wide (nothing without a
    # governorate), the second reports one national figure.
    for p in periods:
        equations.append(({(w.cases.pk, None, p): 1}, D(0)))
    unknowns = {cell for coefficients, _v in equations for cell in coefficients} | set(secrets)
    feasible = _integer_solutions(unknowns, equations)
    for cell, truth in secrets.items():
        assert truth in feasible[cell]  # the attacker's model is right about the data
        assert len(feasible[cell]) > 1, f"{cell} can be worked out: {feasible[cell]}"


def _integer_solutions(unknowns, equations, bound=None):
    """{cell: every value it takes in some solution}: each cell a whole number from 0 to the
    largest published figure, every solution searched for (depth first, cutting a branch once
    a sum is exceeded), one group of linked cells at a time."""
    bound = bound or int(max((v for _c, v in equations), default=D(0))) + 1
    groups = []  # cells linked by equations
    for cell in unknowns:
        linked = [g for g in groups if any(cell in co and g & set(co) for co, _v in equations)]
        merged = {cell}.union(*linked)
        groups = [g for g in groups if g not in linked] + [merged]
    changed = True
    while changed:  # equations may link groups through cells added later
        changed = False
        for co, _v in equations:
            touching = [g for g in groups if g & set(co)]
            if len(touching) > 1:
                groups = [g for g in groups if g not in touching] + [set().union(*touching)]
                changed = True
    feasible = {cell: set() for cell in unknowns}
    for group in groups:
        cells = sorted(group, key=str)
        mine = [(co, v) for co, v in equations if set(co) <= group]
        assert all(k >= 0 for co, _v in mine for k in co.values())  # what the pruning needs
        _search(cells, mine, bound, feasible)
    return feasible


def _search(cells, equations, bound, feasible, values_of=None, depth=0):
    """Depth first over `cells`; a partial sum already past its total ends the branch. Each
    complete assignment adds its values to `feasible`."""
    values_of = {} if values_of is None else values_of
    if depth == len(cells):
        for cell, value in values_of.items():
            feasible[cell].add(value)
        return
    cell = cells[depth]
    mine = [(co, v, max(cells.index(c) for c in co)) for co, v in equations if cell in co]
    for value in range(bound + 1):
        values_of[cell] = value
        fits = all(
            (total := sum(values_of[c] * k for c, k in co.items() if c in values_of)) <= v
            and (last != depth or total == v)
            for co, v, last in mine
        )
        if fits:
            _search(cells, equations, bound, feasible, values_of, depth + 1)
        del values_of[cell]


def test_roll_ups_and_the_map_carry_nothing_of_a_hidden_figure(client, gbv):
    """Each public roll-up is the mean of the achievements a visitor can see, so it says
    nothing about a hidden one; with every figure hidden in a governorate, its map tile
    counts no indicator with data from the protection indicator."""
    w = gbv
    pillar = w.activity.objective.pillar.code
    page = client.get(reverse("analytics:pillar", args=[pillar])).content.decode()
    visible = []
    for row in _rows(page):
        if row and row[0][:7] in ("1.1.1-a", "1.1.1-b", "1.1.2-a"):
            achievement = _number(row[4])
            if row[0].startswith("1.1.2-a"):  # 3 of 10, nationally
                assert row[2] == "hidden" and row[4] == "hidden" and "Hidden" in row[5]
            if achievement is not None:
                visible.append(min(max(achievement / 100, D(0)), D(1)))
    overview = client.get(reverse("analytics:overview"), {"csv": "pillars"})
    rows = list(csv.reader(io.StringIO(overview.content.decode("utf-8-sig"))))
    ours = next(r for r in rows if r[0] == pillar)
    assert abs(D(ours[2]) - sum(visible) / len(visible)) <= D("0.005")  # pages round to 1 %
    assert int(ours[3]) == len(visible)  # indicators with data: only the visible ones
    assert len(visible) == 2  # 1.1.1-a: 17 to date, shown; 1.1.1-b
    assert rows[0][-1] == "Hidden" and ours[-1] == "1"
    mapped = client.get(reverse("analytics:map"), {"csv": "map"})
    tiles = {r[0]: r[2] for r in csv.reader(io.StringIO(mapped.content.decode("utf-8-sig")))}
    # Basra: only the protection indicator has a target there, and it is hidden (1 in 2022-Q2)
    assert tiles["IQ-BA"] == ""
    # Baghdad: the public indicator (30 of 50) alone; the protection one is hidden since Q1
    assert D(tiles["IQ-BG"]) == D("0.6")


def test_signed_in_readers_see_every_figure(client, gbv):
    verified_login(client, gbv.partner)
    page = client.get(reverse("analytics:indicator", args=[gbv.cases.pk])).content.decode()
    q1 = next(r for r in _rows(page) if r[0] == "2022-Q1")
    assert q1[1] == "9" and q1[3].startswith("3") and q1[4].startswith("6")
    assert "hidden-figure" not in page


def test_the_visitor_pages_cost_the_same_queries_at_any_volume(client, gbv):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import IndicatorFactory

    urls = [
        reverse("analytics:overview"),
        reverse("analytics:map"),
        reverse("analytics:governorate", args=["IQ-BG"]),
        reverse("analytics:pillar", args=[gbv.activity.objective.pillar.code]),
    ]
    small = {}
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        small[url] = len(queries)
    for n in range(5):
        more = IndicatorFactory(
            policy=gbv.policy, objective=None, activity=gbv.activity, code=f"S{n}"
        )
        Indicator.objects.filter(pk=more.pk).update(is_sensitive=True)
        Target.objects.create(indicator=more, period=gbv.period, governorate=gbv.basra, value=9)
    from analytics import figures

    figures.refresh(policy_ids=[gbv.policy.pk])  # the rows above were written past the services
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        assert len(queries) == small[url], url


# -- changing a sensitive indicator ----------------------------------------------------------------
def test_an_indicator_with_approved_values_cannot_stop_being_sensitive(gbv):
    from core.services import plan_save

    gbv.cases.is_sensitive = False
    with pytest.raises(ValidationError) as refused:
        plan_save(user=gbv.admin, instance=gbv.cases)
    assert "is_sensitive" in refused.value.message_dict
    assert Indicator.objects.get(pk=gbv.cases.pk).is_sensitive


def test_nor_change_its_unit(gbv):
    from core.services import plan_save

    gbv.cases.unit = Indicator.Unit.PERCENT
    with pytest.raises(ValidationError) as refused:
        plan_save(user=gbv.admin, instance=gbv.cases)
    assert "unit" in refused.value.message_dict


def test_an_indicator_may_become_sensitive_and_reopened_reports_free_it(gbv):
    from core.services import plan_save
    from reporting import services

    plan_save(user=gbv.admin, instance=gbv.public_indicator)  # unchanged: fine
    gbv.public_indicator.is_sensitive = True
    plan_save(user=gbv.admin, instance=gbv.public_indicator)  # hides more: allowed
    for report in ProgressReport.objects.filter(values__indicator=gbv.cases).distinct():
        services.report_reopen(user=gbv.admin, report=report, reason="Unit corrected")
    gbv.cases.is_sensitive = False
    plan_save(user=gbv.admin, instance=gbv.cases)
    assert not Indicator.objects.get(pk=gbv.cases.pk).is_sensitive


def test_a_sheet_that_imports_an_indicator_as_not_sensitive_is_refused(gbv):
    import tablib

    from core.importing import describe_errors
    from indicators.resources import IndicatorResource

    resource = IndicatorResource()
    exported = resource.export(Indicator.objects.filter(pk=gbv.cases.pk))
    sheet = tablib.Dataset(headers=exported.headers)
    row = list(exported[0])
    row[exported.headers.index("is_sensitive")] = "no"
    sheet.append(row)
    result = resource.import_data(sheet, dry_run=False, user=gbv.admin, use_transactions=True)
    assert result.has_errors() or result.has_validation_errors()
    lines = describe_errors(result)
    assert any("is_sensitive" in line and "approved values" in line for line in lines), lines
    assert Indicator.objects.get(pk=gbv.cases.pk).is_sensitive
