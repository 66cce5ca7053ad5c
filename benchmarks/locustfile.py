"""The load of one scenario of benchmarks/bench_stack.py, run by locust (headless).

Not meant to be run by hand: bench_stack.py starts `locust -f benchmarks/locustfile.py` with the
scenario in the environment variable BENCH_PLAN (JSON):

    {"host": "http://127.0.0.1:PORT", "out": "/path/samples.jsonl", "deadline": <epoch s>,
     "visitors": {"count": 16, "urls": ["/?policy=load-1"], "headers": {...},
                  "bust": "<the figures token's key>" or null, "redis": "redis://..."},
     "reporter": {"count": 1, "report": 123, "username": "...", "password": "..."}}

Every request is written to `out` as one JSON line (name, start, milliseconds, status, error);
bench_stack.py computes the percentiles from those, not from locust's rounded buckets.
Loopback only: the host must be 127.0.0.1 or localhost.
"""

import json
import os
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import gevent
import gevent.event
from locust import FastHttpUser, HttpUser, constant, events, task
from locust.exception import StopUser

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_stack import form_fields  # pure helpers, no Django

PLAN = json.loads(os.environ.get("BENCH_PLAN", "{}"))
if PLAN and urlsplit(PLAN["host"]).hostname not in ("127.0.0.1", "localhost"):
    raise SystemExit("The benchmark only loads a server on this machine (loopback).")
SAMPLES = []
# The portal runs behind a TLS proxy: it sets Secure cookies, which a client on plain http
# would never send back. The proxy's header is sent (X-Forwarded-Proto), and the reporter's
# cookies lose their Secure flag after each answer (_plain), so they travel on the loopback.
HEADERS = {"X-Forwarded-Proto": "https"}


@events.request.add_listener
def _record(request_type, name, response_time, response_length, exception=None, **kwargs):
    response = kwargs.get("response")
    SAMPLES.append(
        {
            "name": name,
            "start": kwargs.get("start_time") or time.time() - response_time / 1000,
            "ms": response_time,
            "status": getattr(response, "status_code", 0),
            "error": str(exception)[:200] if exception else "",
        }
    )


@events.quitting.add_listener
def _write(environment, **kwargs):
    if PLAN.get("out"):
        with open(PLAN["out"], "w", encoding="utf-8") as out:
            for sample in SAMPLES:
                out.write(json.dumps(sample) + "\n")


def _past_deadline():
    return time.time() >= PLAN.get("deadline", float("inf"))


# With a reporter in the plan the visitors wait until she is signed in, and go on loading the
# pages until she has saved MIN_SAVES times (even past the deadline): every save is measured
# under the full load. When the last user stops, locust stops.
REPORTER_READY = gevent.event.Event()
MIN_SAVES = PLAN.get("reporter", {}).get("min_saves", 5)
STATE = {"active": 0, "saves": 0, "saved": 0}


class _Loopback:
    """What every simulated person does at start and stop (a mixin of a locust user)."""

    abstract = True
    wait_time = constant(0)

    def on_start(self):
        STATE["active"] += 1

    def on_stop(self):
        STATE["active"] -= 1
        if STATE["active"] <= 0:
            gevent.spawn_later(0.1, self.environment.runner.quit)


class Visitor(_Loopback, FastHttpUser):
    """Reads the given pages in turn, as fast as the server answers (no think time). Locust's
    FastHttpUser (geventhttpclient): several times less CPU a request than the requests
    library, which the load generator would otherwise take from the server it measures on
    the same two cores."""

    fixed_count = PLAN.get("visitors", {}).get("count", 0)
    default_headers = HEADERS

    def on_start(self):
        super().on_start()
        spec = PLAN["visitors"]
        if "reporter" in PLAN:
            REPORTER_READY.wait(timeout=300)
        self.headers = spec.get("headers") or {}
        self.urls = spec["urls"]
        self.names = spec.get("names") or self.urls
        self.turn = 0
        self.redis = None
        if spec.get("bust"):
            import redis

            self.redis = redis.Redis.from_url(spec["redis"])
            self.token_key = spec["bust"]

    def _bust(self):
        """Delete the figures token (core/cache.py), as an approval replaces it: nothing cached
        before is served, the next request is computed afresh."""
        self.redis.delete(self.token_key)

    @task
    def read(self):
        reporter_done = "reporter" not in PLAN or STATE["saved"] >= MIN_SAVES
        if _past_deadline() and reporter_done:
            raise StopUser()
        i = self.turn % len(self.urls)
        self.turn += 1
        if self.redis is not None:
            self._bust()
        with self.client.get(
            self.urls[i], name=self.names[i], headers=self.headers, catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")


class Reporter(_Loopback, HttpUser):
    """A signed-in reporter who opens her draft and saves it, again and again (the requests
    library: her cookies are handled as a browser would)."""

    fixed_count = PLAN.get("reporter", {}).get("count", 0)

    def on_start(self):
        super().on_start()
        self.client.headers.update(HEADERS)
        spec = PLAN["reporter"]
        self.report = spec["report"]
        self.origin = "https://" + urlsplit(PLAN["host"]).netloc
        try:
            self._sign_in(spec)
        except Exception as error:
            print(f"The reporter could not sign in: {error}", file=sys.stderr)
            STATE["saved"] = MIN_SAVES  # the visitors stop at the deadline
            raise StopUser() from error
        finally:
            REPORTER_READY.set()  # the visitors start, even when signing in failed

    def _plain(self):
        for cookie in self.client.cookies:
            cookie.secure = False

    def _sign_in(self, spec):
        page = self.client.get("/accounts/login/", name="reporter: login page")
        self._plain()
        fields = form_fields(page.text)
        fields.update(username=spec["username"], password=spec["password"])
        answer = self.client.post(
            "/accounts/login/",
            data=fields,
            headers={"Origin": self.origin},
            name="reporter: sign in",
            allow_redirects=False,
        )
        self._plain()
        if answer.status_code != 302:
            raise RuntimeError(f"The reporter could not sign in (HTTP {answer.status_code}).")

    @task
    def save(self):
        if _past_deadline() and STATE["saved"] >= MIN_SAVES:
            raise StopUser()
        url = f"/reports/{self.report}/edit/"
        form = self.client.get(url, name="reporter: open the draft")
        self._plain()
        fields = form_fields(form.text)
        STATE["saves"] += 1
        fields["achievements"] = f"Benchmark draft, save {STATE['saves']}."
        fields.pop("action", None)
        for name in list(fields):
            if name.startswith("value-"):
                fields[name] = str(STATE["saves"] % 50)
        with self.client.post(
            url,
            data=fields,
            headers={"Origin": self.origin},
            name="reporter: save the draft",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"HTTP {response.status_code}: the draft was not saved")
        STATE["saved"] += 1  # failed ones too: the loop must end
        self._plain()
