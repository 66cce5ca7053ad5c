"""A NUL character in what a client sends: a clear 400 in the documented shape, never a
server error, and nothing lost from the access log."""

import pytest
from django.urls import reverse

from audit.models import AccessEvent, Kind
from tests.factories import GovernorateFactory, api_key


@pytest.fixture
def partner_api(client, world):
    client.defaults["HTTP_AUTHORIZATION"] = f"Token {api_key(world.partner)}"
    return client


def test_a_nul_in_a_search_is_a_400_with_a_detail_object(client, db):
    GovernorateFactory()
    response = client.get(reverse("governorate-list"), {"search": "Bag\x00dad"})
    assert response.status_code == 400
    body = response.json()
    assert body == {"detail": "Null characters are not allowed."}  # the documented error object


def test_an_export_with_a_nul_in_its_address_is_answered_and_logged(partner_api, world):
    response = partner_api.get(reverse("governorate-list"), {"format": "csv", "note": "a\x00b"})
    assert response.status_code == 200
    event = AccessEvent.objects.filter(kind=Kind.EXPORT).latest("pk")
    assert "\x00" not in str(event.details)
    assert event.details["query"]["note"] == "a\ufffdb"


def test_the_access_log_keeps_an_event_whose_text_holds_a_nul(world):
    import audit

    event = audit.record(None, Kind.EXPORT, username="x\x00y", target="t\x00", q=["\x00"])
    event.refresh_from_db()
    assert event.username == "x\ufffdy" and event.details == {"q": ["\ufffd"]}
