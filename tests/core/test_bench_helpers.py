"""The pure helpers of the benchmark (benchmarks/bench_stack.py); the benchmark itself is never
run by the tests (`make bench`)."""

import importlib.util
import math
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location(
    "bench_stack", Path(__file__).resolve().parents[2] / "benchmarks" / "bench_stack.py"
)
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("20s", 20), ("2m", 120), ("1m30s", 90), ("45", 45), ("1h", 3600), ("0.5s", 0.5)],
)
def test_durations(text, seconds):
    assert bench.parse_duration(text) == seconds


def test_a_duration_that_is_not_one_is_refused():
    with pytest.raises(ValueError):
        bench.parse_duration("soon")


def test_each_scale_has_its_own_database():
    base = "postgres://wps:wps@localhost:5432/wps_bench"
    assert bench.database_for(base, 1.0).endswith("/wps_bench_s1")
    assert bench.database_for(base, 0.1) == "postgres://wps:wps@localhost:5432/wps_bench_s0_1"


def test_percentiles_interpolate_between_ranks():
    values = list(range(1, 101))  # 1..100
    assert bench.percentile(values, 50) == pytest.approx(50.5)
    assert bench.percentile(values, 95) == pytest.approx(95.05)
    assert bench.percentile([7], 99) == 7
    assert math.isnan(bench.percentile([], 50))


def test_summary_leaves_failed_requests_out_of_the_times():
    samples = [
        {"start": 100.0, "ms": 100.0, "error": ""},
        {"start": 100.5, "ms": 500.0, "error": ""},
        {"start": 100.2, "ms": 9000.0, "error": "HTTP 500"},
    ]
    summary = bench.summarize(samples)
    assert summary["n"] == 2
    assert summary["errors"] == 1
    assert summary["p50"] == pytest.approx(300)
    # two requests between 100.0 and 101.0 s
    assert summary["rps"] == pytest.approx(2.0)


def test_form_fields_are_what_a_browser_sends():
    html = """
    <form method="post"><input type="hidden" name="csrfmiddlewaretoken" value="abc">
      <input type="hidden" name="version" value="7">
      <select name="activity_status"><option value="">Choose…</option>
        <option value="in_progress" selected>In progress</option></select>
      <select name="empty"><option value="a">A</option><option value="b">B</option></select>
      <input type="number" name="value-12-IQ-BG" value="3">
      <textarea name="achievements">Trained 40 &amp; more</textarea>
      <input type="checkbox" name="off"><input type="checkbox" name="on" checked>
      <input type="file" name="evidence"><button name="action" value="submit">Submit</button>
      <input type="submit" name="go" value="Go">
    </form>"""
    assert bench.form_fields(html) == {
        "csrfmiddlewaretoken": "abc",
        "version": "7",
        "activity_status": "in_progress",
        "empty": "a",
        "value-12-IQ-BG": "3",
        "achievements": "Trained 40 & more",
        "on": "on",
    }


def test_the_overview_count_of_indicators_with_data():
    page = (
        "<p>On average <b>41%</b> of the way from baseline to target, over 1,801 of 2,002 "
        "indicators with approved data.</p>"
    )
    assert bench.indicators_with_data(page) == 1801
    assert bench.indicators_with_data("<p>No figures</p>") is None


def test_the_table_shows_each_figure_beside_its_floors():
    summary = {"n": 40, "errors": 0, "p50": 250.0, "p95": 400.0, "p99": 480.0, "rps": 12.5}
    row = {
        "what": "national overview",
        "cache": "cleared",
        "clients": 16,
        "summary": summary,
        "sql": {"p50": 50.0},
        "login_p50": 10.0,
        "rss": 200 * 1024 * 1024,
    }
    table = bench.markdown_table([row]).splitlines()
    assert table[0].startswith("| what | cache | clients |")
    assert len(table[1].split("|")) == len(table[0].split("|"))
    assert table[2] == (
        "| national overview | cleared | 16 | 40 | 0 | 250 | 400 | 480 | 12.5 | 25x | 50.0 | "
        "5.0x | 200 |"
    )


def test_a_missing_floor_is_a_dash_not_a_division_by_zero():
    assert bench.ratio(5.0, None) is None
    assert bench.ratio(5.0, 0) is None
    assert bench.ratio(math.nan, 3.0) is None
