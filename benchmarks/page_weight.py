"""Page weight: requests and bytes transferred on a first load (empty cache) of the main pages,
in headless Chromium, as the production stack would send them.

    .venv/bin/python benchmarks/page_weight.py                      # starts its own server
    .venv/bin/python benchmarks/page_weight.py --base-url https://portal.example.org
    .venv/bin/python benchmarks/page_weight.py --lang ar --server runserver

Without --base-url it serves the demo data the way production does, from .bench/page-weight/
(gitignored): a SQLite database with `migrate` and `seed_demo --force` (kept between runs;
--reseed starts again), `collectstatic` with whitenoise's CompressedManifestStaticFilesStorage
(the production setting: hashed names, gzip and brotli copies served to browsers that accept
them), DEBUG off, under gunicorn (config/gunicorn.py; or Django's runserver, --server runserver).
In production nginx compresses HTML (`gzip on`: docs/deployment.md), not Django (BREACH);
here a middleware stands in for it (NginxGzip below: nginx's defaults, text/html only, level 1,
responses of 20 bytes and more).

Each page is loaded in a new browser context (a clean profile: no cache, no service worker),
signed in where the page needs it (cookies only, taken from a sign-in in another context).
Every request the page and its service worker make until the network has been quiet for 1.5 s
is counted; bytes are what came over the wire, headers included (Playwright's request.sizes():
headers plus the encoded body, i.e. compressed as served). A request answered by the page's
service worker from what it fetched is counted once (its own fetch), and a fetch the browser
answers from its own cache (0 bytes: the worker caching a file the page has just loaded) not at
all. Chromium offers brotli to https sites and to the loopback (a secure context), so static
files come as whitenoise's .br copies, as they would in production.

A floor from the same run: the smallest static file (favicon.svg), one request; its bytes are
mostly headers, the cost of any request.

Prints a Markdown table (for docs/performance.md). Everything it started is stopped on exit.
"""

import argparse
import atexit
import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
WORK = ROOT / ".bench" / "page-weight"
CHROMIUM = "/usr/bin/chromium"
PASSWORD = "demo12345"
BUDGET_BYTES = 60 * 1024
BUDGET_REQUESTS = 10
QUIET_SECONDS = 1.5

SETTINGS = '''\
"""benchmarks/page_weight.py's server: the local settings with production's static files."""

import gzip

from config.settings.local import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
SECRET_KEY = "page-weight-benchmark-only-" + "x" * 40
DATABASES = {{"default": {{"ENGINE": "django.db.backends.sqlite3", "NAME": {db!r}}}}}
STATIC_ROOT = {static!r}
STORAGES = {{
    "default": {{"BACKEND": "django.core.files.storage.FileSystemStorage"}},
    "staticfiles": {{"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}},
}}
MEDIA_ROOT = {media!r}


class NginxGzip:
    """What nginx's `gzip on` does with its defaults: text/html only, level 1, 20 bytes and
    more, when the browser accepts gzip."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            "gzip" in request.headers.get("Accept-Encoding", "")
            and not response.streaming
            and not response.has_header("Content-Encoding")
            and response.get("Content-Type", "").startswith("text/html")
            and len(response.content) >= 20
        ):
            response.content = gzip.compress(response.content, compresslevel=1)
            response["Content-Encoding"] = "gzip"
            response["Content-Length"] = str(len(response.content))
            response["Vary"] = ", ".join(
                v for v in (response.get("Vary"), "Accept-Encoding") if v
            )
        return response


MIDDLEWARE = ["page_weight_settings.NginxGzip", *MIDDLEWARE]  # noqa: F405
'''


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def kib(n) -> str:
    return f"{n / 1024:.1f}"


class Server:
    """The demo portal with production's static files, on the loopback."""

    def __init__(self, kind, reseed):
        self.kind = kind
        self.reseed = reseed
        self.process = None
        self.port = free_port()
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "page_weight_settings",
            "PYTHONPATH": os.pathsep.join([str(WORK), str(ROOT)]),
        }
        for name in ("DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL"):
            self.env.pop(name, None)  # SQLite, the local cache, tasks run in the request

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def manage(self, *args):
        subprocess.run(
            [str(BIN / "python"), "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def prepare(self):
        WORK.mkdir(parents=True, exist_ok=True)
        db = WORK / "db.sqlite3"
        (WORK / "page_weight_settings.py").write_text(
            SETTINGS.format(db=str(db), static=str(WORK / "static"), media=str(WORK / "media"))
        )
        if self.reseed and db.exists():
            db.unlink()
        if not db.exists():
            print("migrate and seed_demo into", db, file=sys.stderr)
            self.manage("migrate", "--noinput")
            self.manage("seed_demo", "--force")
        shutil.rmtree(WORK / "static", ignore_errors=True)
        print("collectstatic (whitenoise, compressed)", file=sys.stderr)
        self.manage("collectstatic", "--noinput")

    def start(self):
        if self.kind == "gunicorn":
            command = [str(BIN / "gunicorn"), "-c", "config/gunicorn.py", "config.wsgi"]
            env = {**self.env, "GUNICORN_BIND": f"127.0.0.1:{self.port}", "WEB_CONCURRENCY": "2"}
        else:
            command = [
                str(BIN / "python"),
                "manage.py",
                "runserver",
                f"127.0.0.1:{self.port}",
                "--noreload",
                "--insecure",
            ]
            env = self.env
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        atexit.register(self.stop)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError):
                urllib.request.urlopen(f"{self.url}/accounts/login/", timeout=5).read()
                return
            if self.process.poll() is not None:
                raise SystemExit(f"the {self.kind} server stopped (exit {self.process.returncode})")
            time.sleep(0.5)
        raise SystemExit(f"the {self.kind} server did not answer within 60 s")

    def otp_code(self, username):
        return subprocess.run(
            [str(BIN / "python"), "manage.py", "otp_code", username, "--force"],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)


def kind_of(request, response) -> str:
    if request.resource_type == "document":
        return "html"
    if request.resource_type in ("stylesheet", "script", "image", "font"):
        return {"stylesheet": "css", "script": "js"}.get(
            request.resource_type, request.resource_type
        )
    content_type = response.headers.get("content-type", "") if response else ""
    if "javascript" in content_type:
        return "js"
    if "css" in content_type:
        return "css"
    if content_type.startswith("image/"):
        return "image"  # the favicon, which the browser asks for by itself
    return "other"


class Meter:
    def __init__(self, browser, base_url, language, otp_code=None, verbose=False):
        self.verbose = verbose
        self.browser = browser
        self.base_url = base_url
        self.language = language
        self.otp_code = otp_code
        self.sessions = {}

    def context(self, **kwargs):
        return self.browser.new_context(
            base_url=self.base_url,
            viewport={"width": 360, "height": 740},
            locale={"en": "en-GB", "ar": "ar-IQ", "ckb": "ckb-IQ"}[self.language],
            **kwargs,
        )

    def session(self, username):
        """Cookies of `username` signed in, taken in a context of its own."""
        if username in self.sessions:
            return self.sessions[username]
        context = self.context()
        page = context.new_page()
        page.goto("/accounts/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", PASSWORD)
        page.locator("main button[type=submit]").click()
        page.wait_for_load_state("load")
        if "/accounts/two-factor/" in page.url:
            if self.otp_code is None:
                context.close()
                self.sessions[username] = None
                return None
            page.fill("#id_code", self.otp_code(username))
            page.locator("main button[type=submit]").click()
            page.wait_for_load_state("load")
        state = context.storage_state()
        context.close()
        self.sessions[username] = {"cookies": state["cookies"], "origins": []}
        return self.sessions[username]

    def first_link(self, path, username, pattern):
        """The first link on `path` whose address matches `pattern` (a page of the demo)."""
        state = self.session(username) if username else None
        context = self.context(storage_state=state) if state else self.context()
        page = context.new_page()
        page.goto(path)
        hrefs = page.eval_on_selector_all(
            "a[href]", "links => links.map(a => a.getAttribute('href'))"
        )
        context.close()
        for href in hrefs:
            if re.search(pattern, href):
                return href.split("#")[0]
        return None

    def measure(self, path, username=None):
        state = self.session(username) if username else None
        if username and state is None:
            return None
        context = self.context(storage_state=state) if state else self.context()
        context.add_cookies(
            [{"name": "django_language", "value": self.language, "url": self.base_url}]
        )
        finished = []
        failed = []
        context.on("requestfinished", lambda request: finished.append(request))
        context.on("requestfailed", lambda request: failed.append(request))
        page = context.new_page()
        response = page.goto(path, wait_until="load")
        page.wait_for_load_state("networkidle")
        time.sleep(QUIET_SECONDS)  # a service worker's own fetches after the page's
        rows = {"html": 0, "css": 0, "js": 0, "image": 0, "font": 0, "other": 0}
        count = 0
        for request in finished:
            answer = request.response()
            if answer is not None and answer.from_service_worker:
                continue  # its bytes are counted once, as the worker's own fetch
            sizes = request.sizes()
            size = sizes["responseHeadersSize"] + sizes["responseBodySize"]
            if self.verbose:
                encoding = answer.headers.get("content-encoding", "-") if answer else "-"
                print(f"  {path}: {size:>7} B {encoding:>4} {request.url}", file=sys.stderr)
            if size == 0:
                continue  # from the browser's cache (a service worker's fetch of a file it had)
            rows[kind_of(request, answer)] += size
            count += 1
        final = page.url
        context.close()
        return {
            "status": response.status if response else None,
            "final": final.removeprefix(self.base_url),
            "requests": count + len(failed),
            "failed": len(failed),
            "bytes": sum(rows.values()),
            **rows,
        }


def pages_of(meter):
    """(label, who, path, budgeted) for the main pages of the demo, found by following links."""
    pillar = meter.first_link("/", None, r"^/pillars/[^/?]+/")
    governorate = meter.first_link("/map/", None, r"^/governorates/[^/?]+/")
    indicator = meter.first_link(pillar, None, r"^/indicators/\d+/") if pillar else None
    report_form = meter.first_link("/my/", "focal", r"^/reports/\d+/edit/$")
    pages = [
        ("Overview", "visitor", "/", True),
        ("Report form", "focal", report_form, True),
        ("My activities", "focal", "/my/", False),
        ("Map", "visitor", "/map/", False),
        ("Pillar", "visitor", pillar, False),
        ("Indicator", "visitor", indicator, False),
        ("Governorate", "visitor", governorate, False),
        ("Reporting compliance", "reviewer", "/compliance/", False),
        ("National progress report", "visitor", "/progress-report/", False),
        ("Follow-up", "visitor", "/follow-up/", False),
        ("Recommendations", "visitor", "/recommendations/", False),
        ("API reference", "partner", "/api/docs/", False),
        ("Data and API", "partner", "/data/", False),
        ("Review queue", "reviewer", "/review/", False),
        ("Sign-in", "visitor", "/accounts/login/", False),
    ]
    return [page for page in pages if page[2]]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", help="measure this running portal instead of starting one")
    parser.add_argument("--server", choices=("gunicorn", "runserver"), default="gunicorn")
    parser.add_argument("--lang", choices=("en", "ar", "ckb"), default="en")
    parser.add_argument("--reseed", action="store_true", help="a new demo database")
    parser.add_argument("--verbose", action="store_true", help="list every request (stderr)")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    server = None
    otp_code = None
    base_url = (args.base_url or "").rstrip("/")
    if not base_url:
        server = Server(args.server, args.reseed)
        server.prepare()
        server.start()
        base_url = server.url
        otp_code = server.otp_code
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_: sys.exit(1))
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM,
                headless=True,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            meter = Meter(browser, base_url, args.lang, otp_code, args.verbose)
            rows = []
            for label, who, path, budgeted in pages_of(meter):
                result = meter.measure(path, None if who == "visitor" else who)
                if result is None:
                    print(f"skipped {label}: {who} could not sign in", file=sys.stderr)
                    continue
                rows.append((label, who, path, budgeted, result))
            floor = meter.measure("/static/favicon.svg")
            browser.close()
    finally:
        if server:
            server.stop()

    where = f"{args.server}, demo data" if server else base_url
    print(
        f"\nFirst load, empty cache, headless Chromium, 360x740, language {args.lang} "
        f"({where}; HTML gzip level 1 as nginx's `gzip on`, static files brotli by whitenoise; "
        f"bytes = headers + body as transferred)\n"
    )
    print("| page | as | requests | KiB transferred | HTML | CSS | JS | images | other | budget |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for label, who, path, budgeted, r in rows:
        budget = ""
        if budgeted:
            ok = r["bytes"] < BUDGET_BYTES and r["requests"] <= BUDGET_REQUESTS
            budget = "within" if ok else "**over**"
        shown = path if r["final"] == path else f"{path} → {r['final']}"
        status = "" if r["status"] == 200 else f" ({r['status']})"
        print(
            f"| {label} (`{shown}`){status} | {who} | {r['requests']}"
            f"{' (' + str(r['failed']) + ' failed)' if r['failed'] else ''} | {kib(r['bytes'])} "
            f"| {kib(r['html'])} | {kib(r['css'])} | {kib(r['js'])} | {kib(r['image'])} "
            f"| {kib(r['font'] + r['other'])} | {budget} |"
        )
    print(
        f"| floor: one small static file (`/static/favicon.svg`) | visitor | {floor['requests']} "
        f"| {kib(floor['bytes'])} | | | | | | |"
    )
    print(
        textwrap.dedent(f"""
        Budget (issue 16): the report form and the overview under {BUDGET_BYTES // 1024} KB
        compressed and {BUDGET_REQUESTS} requests on first load.""")
    )


if __name__ == "__main__":
    main()
