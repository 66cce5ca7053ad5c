"""The whole stack under load: gunicorn with the production settings on PostgreSQL, Redis (and
a Celery worker when config/celery.py exists), driven by locust on the loopback.

    make bench                                   # scale 1, 30 s a scenario, 16 clients
    make bench SCALE=0.1 DURATION=20s            # or BENCH_SCALE=, BENCH_DURATION=, BENCH_CLIENTS=
    .venv/bin/python benchmarks/bench_stack.py --scale 0.1 --duration 20s --only overview,api

What it does, in order:
1. Loads the volume once: `manage.py generate_load_data --scale N` into its own database,
   `<BENCH_DATABASE_URL>_s<N>` (default postgres://wps:wps@localhost:5432/wps_bench, so
   wps_bench_s1, wps_bench_s0_1); skipped when the plan `load-<N>` is there already. It adds a
   few things of its own (users bench-*, two activities B.1 and B.2 and their reports).
2. collectstatic into .bench/static, then starts gunicorn (config/gunicorn.py, production
   settings, dummy secrets, SECURE_SSL_REDIRECT off: the client sends X-Forwarded-Proto as the
   TLS proxy would), and a Celery worker if config/celery.py exists.
3. Runs each scenario with locust (headless, loopback only, each bounded by --duration; a
   request under way at the end is waited for): the public pages "cleared" (the figures token
   deleted before every request, as an approval replaces it: nothing cached is served) and
   cached; the API's value lists; a reporter saving a draft, alone and while
   the clients load the overview; approvals, each followed by polling the overview until the
   new figure shows. The API's rate limits are raised for the run (they would answer 429).
4. Floors from the same run: the login page under the same load, and the SQL of each figure
   (captured from the same request in process) replayed through psycopg2 by as many threads,
   in a transaction that is rolled back.
5. Prints a Markdown table (for docs/performance.md) and writes it to .bench/.

Peak RSS of the gunicorn workers and the Celery worker is read from /proc during each scenario.
Everything it started is stopped on exit, Ctrl-C included.
"""

import argparse
import atexit
import contextlib
import datetime
import html.parser
import json
import math
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
WORK = ROOT / ".bench"  # gitignored
DEFAULT_DATABASE = "postgres://wps:wps@localhost:5432/wps_bench"
DEFAULT_REDIS = "redis://localhost:6379/12"
PASSWORD = "demo12345"
LOOPBACK = "127.0.0.1"


# -- pure helpers (tests/core/test_bench_helpers.py) ---------------------------------------------


def parse_duration(text) -> float:
    """'20s', '2m', '1m30s' or '45' (seconds) -> seconds."""
    text = str(text).strip().lower()
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return float(text)
    match = re.fullmatch(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s)?", text)
    if not text or not match:
        raise ValueError(f"Not a duration: {text!r} (use 20s, 2m, 1m30s)")
    hours, minutes, seconds = (float(g) if g else 0.0 for g in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def database_for(base_url, scale) -> str:
    """The database of one scale: .../wps_bench -> .../wps_bench_s0_1 for scale 0.1."""
    parts = urllib.parse.urlsplit(base_url)
    name = parts.path.lstrip("/") or "wps_bench"
    suffix = f"{scale:g}".replace(".", "_").replace("-", "_")
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}_s{suffix}"))


def percentile(values, q) -> float:
    """The q-th percentile (0-100) with linear interpolation between closest ranks."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def summarize(samples) -> dict:
    """samples: [{"start": epoch s, "ms": float, "error": str}] -> count, errors, percentiles
    (successful requests only) and throughput over the time the requests took."""
    ok = [s for s in samples if not s.get("error")]
    times = [s["ms"] for s in ok]
    summary = {"n": len(ok), "errors": len(samples) - len(ok)}
    for q in (50, 95, 99):
        summary[f"p{q}"] = percentile(times, q)
    if ok:
        first = min(s["start"] for s in ok)
        last = max(s["start"] + s["ms"] / 1000 for s in ok)
        summary["rps"] = len(ok) / max(last - first, 1e-9)
    else:
        summary["rps"] = 0.0
    return summary


class _FormParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.fields = {}
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name:
            kind = (a.get("type") or "text").lower()
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields[name] = a.get("value") or ("on" if kind == "checkbox" else "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields[name] = ""
        elif tag == "select" and name:
            self._select = name
            self.fields.setdefault(name, None)
        elif tag == "option" and self._select and ("selected" in a or self._first_option()):
            self.fields[self._select] = a.get("value", "")  # the selected one, else the first

    def _first_option(self):
        return self.fields[self._select] is None

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            if self._select and self.fields.get(self._select) is None:
                self.fields[self._select] = ""
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data


def form_fields(html_text) -> dict:
    """The fields a browser would send for the page's forms (buttons and files left out):
    inputs with their values, checked boxes, textareas, the selected option of selects."""
    parser = _FormParser()
    parser.feed(html_text)
    return {k: v if v is not None else "" for k, v in parser.fields.items()}


FIGURE = re.compile(r"over\s+([\d,.\s٠-٩]+?)\s+of\s+([\d,.\s٠-٩]+?)\s+indicators", re.S)


def indicators_with_data(html_text):
    """From the national overview (in English): how many indicators have approved data
    ("... over 1,801 of 2,002 indicators with approved data"), or None."""
    match = FIGURE.search(re.sub(r"<[^>]+>", "", html_text))
    if not match:
        return None
    digits = re.sub(r"\D", "", match.group(1))
    return int(digits) if digits else None


def ratio(value, floor):
    if value is None or floor is None or not floor or math.isnan(value) or math.isnan(floor):
        return None
    return value / floor


def _ms(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if value >= 10_000:
        return f"{value / 1000:,.1f} s"
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.1f}"


def _t(value):
    text = _ms(value)
    return text if text.endswith((" s", "–")) else text + " ms"


def _x(value):
    return "–" if value is None else (f"{value:,.0f}x" if value >= 10 else f"{value:.1f}x")


def _rps(value):
    return "–" if value is None else (f"{value:,.0f}" if value >= 100 else f"{value:.1f}")


def _mb(value):
    return "–" if not value else f"{value / 1024 / 1024:,.0f}"


COLUMNS = (
    "what | cache | clients | requests | errors | p50 ms | p95 ms | p99 ms | req/s | "
    "p50 / login p50 | SQL p50 ms | p50 / SQL p50 | peak worker RSS MB"
)


def table_row(row) -> str:
    """One line of the results table from a row dict (see run_scenarios)."""
    s = row["summary"]
    sql = row.get("sql")
    cells = [
        row["what"],
        row.get("cache", "–"),
        str(row["clients"]),
        f"{s['n']:,}",
        str(s["errors"]),
        _ms(s["p50"]),
        _ms(s["p95"]),
        _ms(s["p99"]),
        _rps(s["rps"]),
        _x(ratio(s["p50"], row.get("login_p50"))),
        _ms(sql["p50"]) if sql else "–",
        _x(ratio(s["p50"], sql["p50"])) if sql else "–",
        _mb(row.get("rss")),
    ]
    return "| " + " | ".join(cells) + " |"


def markdown_table(rows) -> str:
    head = "| " + COLUMNS + " |"
    rule = "|" + "---|" * len(COLUMNS.split(" | "))
    return "\n".join([head, rule, *(table_row(r) for r in rows)])


# -- processes ------------------------------------------------------------------------------

STARTED = []  # Popen objects, each the leader of its own process group


def _stop_all():
    for process in reversed(STARTED):
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
    deadline = time.time() + 20
    for process in reversed(STARTED):
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=max(deadline - time.time(), 0.1))
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
    STARTED.clear()


def _on_signal(signum, frame):
    raise KeyboardInterrupt


def start(cmd, env, log):
    process = subprocess.Popen(
        cmd,
        env=env,
        cwd=ROOT,
        stdout=open(log, "ab"),  # noqa: SIM115 (kept open for the process's life)
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    STARTED.append(process)
    return process


def stop(process, timeout=20):
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    if process in STARTED:
        STARTED.remove(process)


def free_port() -> int:
    with socket.socket() as s:
        s.bind((LOOPBACK, 0))
        return s.getsockname()[1]


def _children(pid) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry))
    return found


def _rss(pid) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


class RssSampler(threading.Thread):
    """Peak resident memory of the gunicorn workers (the master's children) and of the Celery
    worker (its main process and pool children), sampled four times a second."""

    def __init__(self):
        super().__init__(daemon=True)
        self.gunicorn = None
        self.celery = None
        self.peaks = {"web": 0, "celery": 0}
        self.halt = threading.Event()

    def reset(self):
        self.peaks = {"web": 0, "celery": 0}

    def run(self):
        while not self.halt.wait(0.25):
            if self.gunicorn is not None:
                for pid in _children(self.gunicorn):
                    self.peaks["web"] = max(self.peaks["web"], _rss(pid))
            if self.celery is not None:
                for pid in [self.celery, *_children(self.celery)]:
                    self.peaks["celery"] = max(self.peaks["celery"], _rss(pid))


# -- the stack ------------------------------------------------------------------------------


def server_env(database_url, redis_url, port) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="bench-only-not-secret-" + "k" * 60,
        ALLOWED_HOSTS=f"{LOOPBACK},localhost,testserver",
        CSRF_TRUSTED_ORIGINS=f"https://{LOOPBACK}:{port}",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        SECURE_SSL_REDIRECT="False",
        STATIC_ROOT=str(WORK / "static"),
        MEDIA_ROOT=str(WORK / "media"),
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        API_THROTTLE_ANON="1000000/minute",
        API_THROTTLE_USER="1000000/minute",
        GUNICORN_BIND=f"{LOOPBACK}:{port}",
        PYTHONUNBUFFERED="1",
    )
    return env


def manage(env, *args, log=None):
    cmd = [str(BIN / "python"), "manage.py", *args]
    if log is None:
        subprocess.run(cmd, env=env, cwd=ROOT, check=True)
    else:
        with open(log, "ab") as out:
            subprocess.run(cmd, env=env, cwd=ROOT, check=True, stdout=out, stderr=subprocess.STDOUT)


def ensure_database(database_url):
    import psycopg2
    from psycopg2 import sql

    parts = urllib.parse.urlsplit(database_url)
    name = parts.path.lstrip("/")
    admin = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    connection = psycopg2.connect(admin)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            print(f"Creating the database {name}")
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    connection.close()


def loaded(database_url, code) -> bool:
    import psycopg2

    with (
        contextlib.closing(psycopg2.connect(database_url)) as connection,
        connection.cursor() as cursor,
    ):
        cursor.execute("SELECT to_regclass('policy_policy')")
        if cursor.fetchone()[0] is None:
            return False
        cursor.execute("SELECT 1 FROM policy_policy WHERE code = %s", [code])
        return cursor.fetchone() is not None


def load_volume(env, scale, log):
    code = f"load-{scale:g}"
    ensure_database(env["DATABASE_URL"])
    manage(env, "migrate", "--noinput", "-v0", log=log)
    if loaded(env["DATABASE_URL"], code):
        print(f"The volume {code} is loaded already: not loading it again.")
        return None
    print(f"Loading the volume: generate_load_data --scale {scale:g} (see {log})")
    started = time.perf_counter()
    manage(env, "generate_load_data", "--scale", f"{scale:g}", "--force", log=log)
    took = time.perf_counter() - started
    print(f"Loaded in {took:.0f} s.")
    return took


def wait_http(url, timeout, process=None):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"The process serving {url} stopped (exit {process.returncode}).")
        try:
            with urllib.request.urlopen(_request(url), timeout=10) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer within {timeout} s.")


def wait_log(path, pattern, timeout, process):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"The process writing {path} stopped (exit {process.returncode}).")
        with contextlib.suppress(OSError):
            if re.search(pattern, Path(path).read_text(errors="replace")):
                return True
        time.sleep(0.5)
    return False


def _request(url, headers=None, data=None):
    all_headers = {"X-Forwarded-Proto": "https", **(headers or {})}
    return urllib.request.Request(url, headers=all_headers, data=data)


def http_get(url, headers=None, timeout=300) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(_request(url, headers), timeout=timeout) as answer:
            return answer.status, answer.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


# -- in process: the bench's own users and reports, and the SQL of each figure ---------------


def django_setup(env):
    for key in (
        "DJANGO_SETTINGS_MODULE",
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "CSRF_TRUSTED_ORIGINS",
        "DATABASE_URL",
        "REDIS_URL",
        "SECURE_SSL_REDIRECT",
        "STATIC_ROOT",
        "MEDIA_ROOT",
        "EMAIL_BACKEND",
        "API_THROTTLE_ANON",
        "API_THROTTLE_USER",
    ):
        os.environ[key] = env[key]
    sys.path.insert(0, str(ROOT))
    import logging

    import django

    django.setup()
    logging.getLogger("axes").setLevel(logging.WARNING)  # its sign-in lines, in process


def cache_pattern() -> str:
    """The keys of the portal's cache in Redis ('<KEY_PREFIX>:*'): only those are deleted to
    clear it, never the whole database, which a Celery broker may share."""
    from django.conf import settings

    prefix = settings.CACHES["default"].get("KEY_PREFIX", "")
    return f"{prefix}:*"


def token_key() -> str:
    """The Redis key of the figures token (core/cache.py): deleting it is what an approval does
    to the cache; nothing cached before is served again, and every page and list is made
    afresh. The other keys (rate-limit counts, the access log's hourly marks) stay, as they do
    in production."""
    from django.core.cache import cache

    from core.cache import TOKEN_KEY

    return cache.make_key(TOKEN_KEY)


def clear_cache(redis_url, pattern):
    import redis

    client = redis.Redis.from_url(redis_url)
    keys = list(client.scan_iter(match=pattern, count=1000))
    if keys:
        client.delete(*keys)
    client.close()


def prepare(scale) -> dict:
    """The bench's users, tokens, activities and reports in the load plan (made once; the
    approval report is brought back to approved if a run was stopped half-way)."""
    from django.db import transaction

    from accounts.models import Membership, Role, User
    from accounts.services import token_create
    from governorates.models import Governorate
    from indicators.models import Indicator, ReportingPeriod, Target
    from policy.models import Activity, Entity, Objective, Policy
    from reporting import services
    from reporting.models import IndicatorValue, ProgressReport, ReportEvent, ReportStatus

    policy = Policy.objects.get(code=f"load-{scale:g}")
    period = ReportingPeriod.objects.filter(policy=policy).order_by("-start_date").first()
    final = ReportingPeriod.objects.filter(policy=policy).order_by("-end_date").first()
    with transaction.atomic():
        entities = {}
        for code, kind, level in (
            ("bench-cso", Entity.Kind.CSO, Entity.Level.NATIONAL),
            ("bench-wed", Entity.Kind.DIRECTORATE, Entity.Level.NATIONAL),
            ("bench-un", Entity.Kind.UN_AGENCY, Entity.Level.INTERNATIONAL),
        ):
            entities[code], _ = Entity.objects.get_or_create(
                code=code, defaults={"name_en": f"Benchmark {code}", "kind": kind, "level": level}
            )
        users = {}
        for username, role, entity in (
            ("bench-reporter", Role.CSO_REPORTER, "bench-cso"),
            ("bench-reviewer", Role.DIRECTORATE_REVIEWER, "bench-wed"),
            ("bench-admin", Role.DIRECTORATE_ADMIN, "bench-wed"),
            ("bench-partner", Role.PARTNER_VIEWER, "bench-un"),
        ):
            user, made = User.objects.get_or_create(username=username)
            if made or not user.email:
                # An address, so that reports send their e-mails (through the worker, if any).
                user.email = f"{username}@example.org"
                if made:
                    user.set_password(PASSWORD)
                user.save()
            Membership.objects.get_or_create(user=user, entity=entities[entity], role=role)
            users[username] = user
        objective = Objective.objects.filter(policy=policy).order_by("pk").first()
        governorates = list(Governorate.objects.order_by("code")[:16])
        reports = {}
        for code, nationwide in (("B.1", False), ("B.2", True)):
            activity, made = Activity.objects.get_or_create(
                objective=objective,
                code=code,
                defaults={
                    "title_en": f"Benchmark activity {code}",
                    "lead_entity": entities["bench-cso"],
                    "start_date": datetime.date(policy.start_year, 1, 1),
                    "end_date": datetime.date(policy.end_year, 12, 31),
                    "status": Activity.Status.IN_PROGRESS,
                    "is_nationwide": nationwide,
                },
            )
            if made and not nationwide:
                activity.governorates.set(governorates)
            indicator, made = Indicator.objects.get_or_create(
                policy=policy,
                code=f"B{code[-1]}",
                defaults={
                    "activity": activity,
                    "title_en": f"Benchmark indicator {code}",
                    "unit": Indicator.Unit.NUMBER,
                    "baseline_value": 0,
                    "baseline_year": policy.start_year - 1,
                    "aggregation": Indicator.Aggregation.SUM,
                },
            )
            if made:
                Target.objects.create(indicator=indicator, period=final, value=100)
            report, made = ProgressReport.objects.get_or_create(
                activity=activity,
                entity=entities["bench-cso"],
                period=period,
                governorate=None,
                defaults={"created_by": users["bench-reporter"]},
            )
            if made:
                ReportEvent.objects.create(
                    report=report, kind=ReportEvent.Kind.CREATED, user=users["bench-reporter"]
                )
            reports[code] = (report, indicator)
    report, indicator = reports["B.2"]
    report.refresh_from_db()
    if report.status in (ReportStatus.DRAFT, ReportStatus.RETURNED):
        report = services.report_update(
            user=users["bench-reporter"],
            report=report,
            version=report.version,
            data={
                "activity_status": Activity.Status.IN_PROGRESS,
                "percent_complete": 50,
                "achievements": "Benchmark: the report that is approved again and again.",
            },
            values={(indicator.pk, None): 50},
        )
        report = services.report_submit(
            user=users["bench-reporter"], report=report, version=report.version
        )
    if report.status == ReportStatus.SUBMITTED:
        report = services.report_approve(
            user=users["bench-reviewer"], report=report, version=report.version
        )
    stamp = "bench " + _now().strftime("%Y-%m-%d %H:%M:%S")
    return {
        "policy": policy.code,
        "period": period.label,
        "indicator": Indicator.objects.filter(policy=policy, is_sensitive=False)
        .exclude(code__startswith="B")
        .order_by("pk")
        .values_list("pk", flat=True)
        .first(),
        "draft": reports["B.1"][0].pk,
        "approval": report.pk,
        "partner_key": token_create(user=None, owner=users["bench-partner"], name=stamp)[1],
        "reviewer_key": token_create(user=None, owner=users["bench-reviewer"], name=stamp)[1],
        "values": IndicatorValue.objects.count(),
    }


def reopen_and_submit(report_pk):
    """Unlock the approval report (as the Directorate admin) and submit it again (as the
    reporter): the next approval adds its indicator to the overview's count."""
    from accounts.models import User
    from reporting import services
    from reporting.models import ProgressReport, ReportStatus

    report = ProgressReport.objects.get(pk=report_pk)
    if report.status == ReportStatus.APPROVED:
        report = services.report_reopen(
            user=User.objects.get(username="bench-admin"), report=report, reason="Benchmark"
        )
    if report.status in (ReportStatus.DRAFT, ReportStatus.RETURNED):
        report = services.report_submit(
            user=User.objects.get(username="bench-reporter"), report=report, version=report.version
        )
    return report.version


def capture_sql(url, headers=None, user=None, post=False) -> list[str]:
    """The SQL one request runs, captured in process with Django's test client."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(**(headers or {}))
    if user is not None:
        from accounts.models import User

        client.force_login(User.objects.get(username=user))
    if post:
        fields = form_fields(client.get(url).content.decode())
        fields["achievements"] = "Benchmark draft, saved to capture its SQL."
        with CaptureQueriesContext(connection) as queries:
            answer = client.post(url, fields)
    else:
        with CaptureQueriesContext(connection) as queries:
            answer = client.get(url)
    if answer.status_code not in (200, 302):
        raise RuntimeError(f"{url} answered {answer.status_code} in process.")
    return [q["sql"] for q in queries.captured_queries]


def sql_floor(database_url, statements, clients, duration) -> dict:
    """The captured statements replayed by `clients` threads, each on its own psycopg2
    connection, in a transaction rolled back after each round (writes included, undone)."""
    import psycopg2

    samples, lock = [], threading.Lock()
    deadline = time.time() + duration

    def worker():
        connection = psycopg2.connect(database_url)
        try:
            while time.time() < deadline:
                start = time.time()
                t0 = time.perf_counter()
                with connection.cursor() as cursor:
                    for statement in statements:
                        cursor.execute(statement)
                        if cursor.description is not None:
                            cursor.fetchall()
                connection.rollback()
                with lock:
                    samples.append({"start": start, "ms": (time.perf_counter() - t0) * 1000})
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    summary = summarize(samples)
    summary["queries"] = len(statements)
    return summary


# -- scenarios ------------------------------------------------------------------------------


class Bench:
    def __init__(self, args):
        self.args = args
        self.scale = args.scale
        self.duration = parse_duration(args.duration)
        self.clients = args.clients
        self.base = args.database_url
        self.database_url = database_for(self.base, self.scale)
        self.redis_url = args.redis_url
        self.port = free_port()
        self.host = f"http://{LOOPBACK}:{self.port}"
        self.env = server_env(self.database_url, self.redis_url, self.port)
        stamp = _now().strftime("%Y%m%d-%H%M%S")
        self.logs = WORK / "logs" / stamp
        self.logs.mkdir(parents=True, exist_ok=True)
        self.stamp = stamp
        self.rows = []
        self.notes = []
        self.sampler = RssSampler()
        self.only = set(filter(None, (args.only or "").split(",")))
        self.load_at_start = os.getloadavg()[1]

    def wanted(self, group):
        return not self.only or group in self.only

    # the stack
    def up(self):
        load_log = self.logs / "load.log"
        self.load_took = load_volume(self.env, self.scale, load_log)
        print("collectstatic into .bench/static")
        manage(self.env, "collectstatic", "--noinput", "-v0", log=self.logs / "collectstatic.log")
        django_setup(self.env)
        self.fixture = prepare(self.scale)
        self.pattern = cache_pattern()
        self.token_key = token_key()
        self.gunicorn = start(
            [str(BIN / "gunicorn"), "-c", "config/gunicorn.py", "config.wsgi"],
            self.env,
            self.logs / "gunicorn.log",
        )
        wait_http(f"{self.host}/accounts/login/", 120, self.gunicorn)
        self.sampler.gunicorn = self.gunicorn.pid
        self.workers = len(_children(self.gunicorn.pid))
        self.celery = None
        if (ROOT / "config" / "celery.py").exists():
            log = self.logs / "celery.log"
            self.celery = start(
                [
                    str(BIN / "celery"),
                    "-A",
                    "config",
                    "worker",
                    "--loglevel=INFO",
                    f"--concurrency={self.args.celery_concurrency}",
                ],
                self.env,
                log,
            )
            if not wait_log(log, r"ready\.", 90, self.celery):
                print("The Celery worker did not say it was ready within 90 s; going on.")
            self.sampler.celery = self.celery.pid
        self.sampler.start()
        print(
            f"gunicorn on {self.host}: {self.workers} workers"
            + (", a Celery worker" if self.celery else ", no Celery (no config/celery.py)")
        )

    def down(self):
        self.sampler.halt.set()
        _stop_all()

    # one locust run
    def locust(self, label, visitors=None, reporter=None):
        out = self.logs / f"{_slug(label)}.jsonl"
        plan = {
            "host": self.host,
            "out": str(out),
            "deadline": time.time() + self.duration + 2,  # + locust's own start
        }
        classes, users = [], 0
        if visitors:
            plan["visitors"] = visitors
            classes.append("Visitor")
            users += visitors["count"]
        if reporter:
            plan["reporter"] = reporter
            classes.append("Reporter")
            users += reporter["count"]
        env = dict(self.env, BENCH_PLAN=json.dumps(plan))
        cmd = [
            str(BIN / "locust"),
            "-f",
            str(ROOT / "benchmarks" / "locustfile.py"),
            "--headless",
            "--host",
            self.host,
            "-u",
            str(users),
            "-r",
            str(users),
            "-t",  # a bound only: the users stop themselves (locustfile.py)
            f"{int(self.duration) + self.args.stop_timeout + 300}s",
            "--stop-timeout",
            str(self.args.stop_timeout),
            "--only-summary",
            "--loglevel",
            "WARNING",
            "--exit-code-on-error",
            "0",
            *classes,
        ]
        self.sampler.reset()
        process = start(cmd, env, self.logs / f"{_slug(label)}.locust.log")
        try:
            process.wait(timeout=self.duration + 2 * self.args.stop_timeout + 360)
        finally:
            stop(process)
        samples = []
        if out.exists():
            samples = [json.loads(line) for line in out.read_text().splitlines() if line]
        if not samples:
            print(f"  {label}: no request was recorded (see {self.logs})")
        errors = [s for s in samples if s["error"]]
        if errors:
            print(f"  {label}: {len(errors)} failed requests, e.g. {errors[0]['error']}")
        return samples, dict(self.sampler.peaks)

    def record(self, what, cache, clients, samples, rss, sql=None, name=None):
        chosen = [s for s in samples if name is None or s["name"] == name]
        row = {
            "what": what,
            "cache": cache,
            "clients": clients,
            "summary": summarize(chosen),
            "sql": sql,
            "rss": rss["web"],
            "rss_celery": rss["celery"],
        }
        self.rows.append(row)
        s = row["summary"]
        print(
            f"  {what} [{cache}]: {s['n']} requests, p50 {_t(s['p50'])}, "
            f"p95 {_t(s['p95'])}, p99 {_t(s['p99'])}, {_rps(s['rps'])} req/s"
            + (f"; SQL p50 {_t(sql['p50'])} ({sql['queries']} statements)" if sql else "")
        )
        return row

    def visitors(self, urls, bust, headers=None, count=None):
        return {
            "count": count or self.clients,
            "urls": urls,
            "headers": headers or {},
            "bust": self.token_key if bust else None,
            "redis": self.redis_url,
        }

    def warm(self, url, headers=None):
        status, _ = http_get(self.host + url, headers)
        if status != 200:
            raise RuntimeError(f"{url} answered HTTP {status}")

    def figures(self):
        f = self.fixture
        pages = [
            ("overview", "national overview /", "/"),
            ("map", "map /map/", "/map/"),
            ("governorate", "governorate /governorates/IQ-BG/", "/governorates/IQ-BG/"),
            ("pillar", "pillar /pillars/participation/", "/pillars/participation/"),
            ("indicator", "indicator page /indicators/N/", f"/indicators/{f['indicator']}/"),
        ]
        token = {"Authorization": f"Token {f['partner_key']}"}
        api = [
            ("api", "API values, page 1", "/api/v1/indicator-values/"),
            (
                "api",
                "API values, governorate and period",
                f"/api/v1/indicator-values/?governorate=IQ-BG&period={f['period']}",
            ),
        ]
        return pages, api, token

    def deep_cursor(self, headers):
        """Follow `next` --deep-pages times (500 rows a page), then the page of 50 there."""
        url = "/api/v1/indicator-values/?page_size=500"
        for _ in range(self.args.deep_pages):
            status, body = http_get(self.host + url, headers)
            if status != 200:
                raise RuntimeError(f"{url} answered HTTP {status}")
            following = json.loads(body).get("next")
            if not following:
                break
            parts = urllib.parse.urlsplit(following)
            url = parts.path + "?" + parts.query
        parts = urllib.parse.urlsplit(url)
        query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query) if k != "page_size"]
        return parts.path + "?" + urllib.parse.urlencode(query)

    def run(self):
        pages, api, token = self.figures()
        clients = self.clients
        print(f"\nFloor: the login page, {clients} clients and 1, {self.duration:g} s")
        self.warm("/accounts/login/")
        samples, rss = self.locust("login", self.visitors(["/accounts/login/"], bust=False))
        self.login = self.record("floor: the login page", "–", clients, samples, rss)
        login_p50 = self.login["summary"]["p50"]
        self.login["login_p50"] = login_p50
        samples, rss = self.locust(
            "login 1", self.visitors(["/accounts/login/"], bust=False, count=1)
        )
        row = self.record("floor: the login page, 1 client", "–", 1, samples, rss)
        self.login_alone = row["summary"]["p50"]
        row["login_p50"] = self.login_alone

        http_headers = {"HTTP_AUTHORIZATION": token["Authorization"]}
        deep = None
        if self.wanted("api"):
            deep = self.deep_cursor(token)
            api.append(("api", f"API values, {self.args.deep_pages * 500:,} rows deep", deep))
        for group, what, url in [*pages, *api]:
            if not self.wanted(group):
                continue
            headers = token if group == "api" else {}
            print(f"\n{what}: {url}")
            clear_cache(self.redis_url, self.pattern)
            statements = capture_sql(url, http_headers if group == "api" else None)
            sql = sql_floor(self.database_url, statements, clients, self.duration)
            self.warm(url, headers)
            samples, rss = self.locust(
                f"{what} uncached", self.visitors([url], bust=True, headers=headers)
            )
            row = self.record(what, "cleared", clients, samples, rss, sql)
            row["login_p50"] = login_p50
            self.warm(url, headers)
            samples, rss = self.locust(
                f"{what} cached", self.visitors([url], bust=False, headers=headers)
            )
            row = self.record(what, "cached", clients, samples, rss, sql)
            row["login_p50"] = login_p50
        if self.wanted("reporter"):
            self.reporter(login_p50)
        if self.wanted("approval"):
            self.approvals(login_p50)

    def reporter(self, login_p50):
        f = self.fixture
        spec = {
            "count": 1,
            "report": f["draft"],
            "username": "bench-reporter",
            "password": PASSWORD,
        }
        url = f"/reports/{f['draft']}/edit/"
        statements = capture_sql(url, user="bench-reporter", post=True)
        sql = sql_floor(self.database_url, statements, 1, self.duration)
        name = "reporter: save the draft"
        print("\nA reporter saves a draft, alone")
        samples, rss = self.locust("reporter alone", reporter=spec)
        row = self.record("reporter saves a draft, alone", "–", 1, samples, rss, sql, name)
        row["login_p50"] = self.login_alone
        print(f"\nA reporter saves a draft while {self.clients} visitors load the overview")
        self.warm("/")
        samples, rss = self.locust(
            "reporter under load",
            visitors=self.visitors(["/"], bust=True),
            reporter=spec,
        )
        row = self.record(
            f"reporter saves a draft, {self.clients} visitors on the overview",
            "cleared",
            1,
            samples,
            rss,
            sql,
            name,
        )
        row["login_p50"] = login_p50
        overview = [s for s in samples if s["name"] == "/"]
        row = self.record("  the overview meanwhile", "cleared", self.clients, overview, rss, None)
        row["login_p50"] = login_p50

    def approvals(self, login_p50):
        """Each round: reopen and resubmit the bench report (in process), wait until the
        overview shows one indicator with data fewer, approve it over the API as a reviewer,
        then poll the overview until the count is back: the time to visible."""
        f = self.fixture
        token = {"Authorization": f"Token {f['reviewer_key']}", "Content-Type": "application/json"}
        clear_cache(self.redis_url, self.pattern)
        _, page = http_get(self.host + "/")
        full = indicators_with_data(page)
        if full is None:
            self.notes.append("Approval: the overview's count of indicators was not found.")
            print("  the overview's count of indicators with data was not found; skipped")
            return
        print(f"\nApprovals ({self.args.approvals}): the overview counts {full} with data")
        approve_ms, visible, reopened = [], [], []
        timeout = self.args.visible_timeout
        self.sampler.reset()
        for _ in range(self.args.approvals):
            version = reopen_and_submit(f["approval"])
            t0 = time.perf_counter()
            seen = self._poll(full - 1, timeout)
            reopened.append(seen)
            body = json.dumps({"version": version}).encode()
            start = time.time()
            t0 = time.perf_counter()
            try:
                with urllib.request.urlopen(
                    _request(f"{self.host}/api/v1/reports/{f['approval']}/approve/", token, body),
                    timeout=300,
                ) as answer:
                    answer.read()
            except urllib.error.HTTPError as error:
                raise RuntimeError(f"The approval answered HTTP {error.code}") from error
            approve_ms.append({"start": start, "ms": (time.perf_counter() - t0) * 1000})
            seen = self._poll(full, timeout)
            visible.append(seen)
            print(
                f"  approved in {approve_ms[-1]['ms']:.0f} ms; visible after "
                + ("never (timeout)" if seen is None else f"{seen:.2f} s")
            )
        rss = dict(self.sampler.peaks)
        row = self.record("approval over the API (reviewer token)", "–", 1, approve_ms, rss)
        row["summary"]["rps"] = None
        row["login_p50"] = self.login_alone
        shown = [
            {"start": 0, "ms": s * 1000} if s is not None else {"start": 0, "ms": 0, "error": "x"}
            for s in visible
        ]
        row = self.record("approval -> visible on the overview", "–", 1, shown, rss)
        row["summary"]["rps"] = None
        row["login_p50"] = self.login_alone
        if any(s is None for s in visible):
            self.notes.append(f"An approval did not show on the overview within {timeout} s.")
        shown = [r for r in reopened if r is not None]
        if shown:
            self.notes.append(
                f"Reopening showed on the overview after {min(shown):.1f}-{max(shown):.1f} s."
            )

    def _poll(self, expected, timeout):
        """Seconds until the overview (as a visitor) shows `expected` indicators with data."""
        t0 = time.perf_counter()
        while time.perf_counter() - t0 < timeout:
            status, page = http_get(self.host + "/")
            if status == 200 and indicators_with_data(page) == expected:
                return time.perf_counter() - t0
            time.sleep(0.1)
        return None

    def report(self):
        f = self.fixture
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        celery = "a Celery worker" if self.celery else "no Celery worker (no config/celery.py)"
        peak_celery = max((r.get("rss_celery") or 0) for r in self.rows) if self.rows else 0
        lines = [
            f"`make bench SCALE={self.scale:g} DURATION={self.duration:g}s "
            f"CLIENTS={self.clients}` on {_now().date()}, commit {commit}: "
            f"{f['values']:,} indicator values (plan {f['policy']}), gunicorn with "
            f"{self.workers} sync workers and {celery}, PostgreSQL and Redis on this machine, "
            f"locust on the loopback (FastHttpUser for the pages and lists). Times in ms; "
            f"'cleared': the figures token deleted before every request, as an approval replaces "
            f"it, so no cached page, body or list is served; the SQL floor is the request's "
            f"SQL replayed through psycopg2 by as many threads; a 1-client row is compared with "
            f"the 1-client login page. "
            f"Load average of the machine (5 min) "
            f"{self.load_at_start:.1f} at the start, {os.getloadavg()[1]:.1f} at the end "
            f"(2 cores, shared).",
            "",
            markdown_table(self.rows),
        ]
        if self.load_took is not None:
            lines += ["", f"Loading the volume (generate_load_data) took {self.load_took:.0f} s."]
        if peak_celery:
            lines += ["", f"Peak RSS of the Celery worker: {_mb(peak_celery)} MB."]
        lines += [f"\n{note}" for note in self.notes]
        text = "\n".join(lines) + "\n"
        print("\n" + text)
        out = WORK / f"results-s{self.scale:g}-{self.stamp}.md"
        out.write_text(text)
        print(f"Written to {out.relative_to(ROOT)} (logs in {self.logs.relative_to(ROOT)})")


def _now():
    return datetime.datetime.now(datetime.UTC)


def _slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=float(os.environ.get("BENCH_SCALE", 1)))
    parser.add_argument("--duration", default=os.environ.get("BENCH_DURATION", "30s"))
    parser.add_argument("--clients", type=int, default=int(os.environ.get("BENCH_CLIENTS", 16)))
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE),
        help="the base name; each scale gets its own database, <name>_s<scale>",
    )
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS))
    parser.add_argument(
        "--only",
        default=os.environ.get("BENCH_ONLY", ""),
        help="comma-separated: overview,map,governorate,pillar,indicator,api,reporter,approval",
    )
    parser.add_argument("--deep-pages", type=int, default=20)
    parser.add_argument("--approvals", type=int, default=3)
    parser.add_argument("--visible-timeout", type=float, default=120)
    parser.add_argument("--stop-timeout", type=int, default=150)
    parser.add_argument("--celery-concurrency", type=int, default=1)
    args = parser.parse_args(argv)
    WORK.mkdir(exist_ok=True)
    if shutil.which("locust", path=str(BIN)) is None:
        raise SystemExit("locust is missing: make install (it is in the dev extras).")
    # Also SIGINT: a shell without job control starts background commands with it ignored.
    for number in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(number, _on_signal)
    atexit.register(_stop_all)
    bench = Bench(args)
    code = 0
    try:
        bench.up()
        bench.run()
    except KeyboardInterrupt:
        print("\nInterrupted: stopping what the benchmark started.")
        bench.notes.append("Interrupted: the scenarios after the last row did not run.")
        code = 130
    finally:
        bench.down()
    if bench.rows:
        bench.report()
    return code


if __name__ == "__main__":
    sys.exit(main())
