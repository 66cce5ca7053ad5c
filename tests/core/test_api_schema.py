"""Schemathesis drives every operation of the OpenAPI schema with generated requests, as a
visitor, a partner and a reporter: no server error, and every response matches the schema
(status code, content type and body).

Per operation, in two phases of Schemathesis: 12 generated requests (fuzzing, derandomized)
are each sent as all three identities; then the coverage phase's fixed cases (the boundary and
invalid values of every parameter and body field, unexpected methods: 30 to 200 an operation)
are sent as one identity each, in turn, so that each identity gets a third of them. Sending
each of those as all three tripled the suite's longest test (13,000 requests) for cases that
mostly stop at the same validation whoever asks."""

import itertools

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())
from tests.factories import api_key  # noqa: E402

CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """Schemathesis calls the WSGI app directly, which would close the test's database
    connection at the end of each request (Django's test client avoids this the same way)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def identities(world):
    world.policy.is_published = True
    world.policy.save()
    from tests.reporting_helpers import approved

    approved(world)
    keys = {name: api_key(getattr(world, name)) for name in ("partner", "reporter")}
    return {"visitor": {}, **{n: {"Authorization": f"Token {k}"} for n, k in keys.items()}}


@pytest.fixture
def turns():
    """Which identity sends the next coverage case of the operation."""
    return itertools.count()


def _phase(case):
    """The phase of Schemathesis that made the case ("coverage", "fuzzing", "examples"), or
    None if this version of Schemathesis does not say (each case then goes to everyone)."""
    name = getattr(getattr(getattr(case, "_meta", None), "phase", None), "name", None)
    return getattr(name, "value", name)


@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_request_makes_a_server_error_or_breaks_the_schema(case, identities, turns):
    senders = list(identities.values())
    if _phase(case) == "coverage":
        senders = [senders[next(turns) % len(senders)]]
    for headers in senders:
        case.call_and_validate(headers=headers, checks=CHECKS)
