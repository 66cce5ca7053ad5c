"""Paths by role: where each person lands after signing in, the menus they get, and the Data and
API page, where a partner makes and revokes their own API token (checked and audited by the
token service) and anyone finds the API reference and the downloads."""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from accounts import services
from accounts.models import ApiToken
from audit.models import AccessEvent as AuditEvent
from audit.models import Kind
from tests.signin_helpers import verified_login

DATA = "/data/"


def _menu(page):
    nav = page[page.index('<nav aria-label="Main"') :]
    return nav[: nav.index("</nav>")]


def _menu_links(page):
    return re.findall(r'<a href="([^"]+)">([^<]+)</a>', _menu(page))


# -- landing and menus ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "lands_on"),
    [
        ("reporter", "reporting:my_work"),
        ("gov_focal", "reporting:my_work"),
        ("reviewer", "reporting:queue"),
        ("admin", "reporting:queue"),
        ("partner", "data-api"),
        ("nobody", "home"),
    ],
)
def test_each_role_lands_on_its_own_page_after_signing_in(client, world, who, lands_on):
    verified_login(client, getattr(world, who))
    answer = client.get(reverse("landing"))
    assert answer.status_code == 302 and answer["Location"] == reverse(lands_on)
    assert client.get(answer["Location"]).status_code == 200


def test_signing_in_goes_to_the_landing_page(client, world):
    world.partner.set_password("a long pass phrase")
    world.partner.save()
    answer = client.post(
        reverse("login"), {"username": "partner", "password": "a long pass phrase"}
    )
    assert answer.status_code == 302 and answer["Location"] == reverse("landing")
    assert client.get(answer["Location"])["Location"] == reverse("data-api")


@pytest.mark.parametrize("who", ["reviewer", "partner", "admin", "nobody"])
def test_my_activities_is_for_reporters_only(client, world, who):
    """Partners and reviewers landed on "My activities" with "Your account does not report
    for any organisation...": now the page sends them to their own, and no menu lists it."""
    verified_login(client, getattr(world, who))
    answer = client.get(reverse("reporting:my_work"))
    assert answer.status_code == 302
    page = client.get(answer["Location"], follow=True).content.decode()
    assert "does not report for any organisation" not in page
    assert "My activities" not in _menu(page)


def test_a_reporter_has_my_activities_in_the_menu(client, world):
    verified_login(client, world.reporter)
    page = client.get(reverse("reporting:my_work")).content.decode()
    labels = [label for _url, label in _menu_links(page)]
    assert labels[0] == "My activities"
    assert "Review" not in labels and "Plan admin" not in labels


@pytest.mark.parametrize(
    ("who", "has", "has_not"),
    [
        ("visitor", {"Overview", "National report", "Data and API", "Log in"}, {"Review"}),
        ("reporter", {"My activities", "National report", "Data and API"}, {"Review"}),
        ("reviewer", {"Review", "National report", "Plan admin"}, {"My activities"}),
        ("admin", {"Review", "Plan admin", "National report"}, {"My activities"}),
        ("partner", {"Data and API", "National report", "Overview"}, {"My activities"}),
    ],
)
def test_the_menu_follows_the_role_and_every_link_answers(client, world, who, has, has_not):
    world.policy.is_published = True
    world.policy.save()
    if who != "visitor":
        verified_login(client, getattr(world, who))
    page = client.get(reverse("data-api")).content.decode()
    links = _menu_links(page)
    labels = {label for _url, label in links}
    assert has <= labels and not has_not & labels, labels
    for url, label in links:
        answer = client.get(url)
        assert answer.status_code == 200, (label, url, answer.status_code)
        assert "does not report for any organisation" not in answer.content.decode()


# -- the Data and API page and the partner's own token --------------------------------------


def test_a_visitor_reads_the_data_and_api_page_without_a_token_form(client, world):
    page = client.get(DATA).content.decode()
    assert reverse("api-docs") in page and reverse("schema") in page
    assert "?csv=pillars" in page and "/api/v1/indicator-values/?format=csv" in page
    assert 'name="action" value="create"' not in page
    assert f"{reverse('login')}?next={DATA}" in page
    assert Client().post(DATA, {"action": "create", "name": "x"}).status_code == 403


def test_the_iati_file_is_listed_when_its_address_exists(client, world):
    from django.urls import NoReverseMatch

    try:
        iati = reverse("api-iati")
    except NoReverseMatch:
        pytest.skip("no IATI export in this tree")
    assert f'href="{iati}"' in client.get(DATA).content.decode()


def _key_on(page):
    return re.search(r'<code class="api-key" dir="ltr" id="api-key">([^<]+)</code>', page).group(1)


def test_a_partner_makes_a_token_uses_it_and_revokes_it(client, world):
    verified_login(client, world.partner)
    page = client.post(DATA, {"action": "create", "name": "UN Women dashboard"})
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    key = _key_on(page.content.decode())
    token = ApiToken.objects.get(user=world.partner)
    assert token.name == "UN Women dashboard" and token.created_by == world.partner
    assert token.expires_at is not None  # a year
    assert AuditEvent.objects.filter(kind=Kind.TOKEN_CREATED, actor=world.partner).exists()

    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert api.get("/api/v1/indicators/").status_code == 200
    assert api.post("/api/v1/reports/", {}, format="json").status_code == 403  # read only

    listed = client.get(DATA).content.decode()
    assert key not in listed and f"{token.prefix}…" in listed  # shown once only
    answer = client.post(DATA, {"action": "revoke", "token": token.pk}, follow=True)
    assert "no longer works" in answer.content.decode()
    assert AuditEvent.objects.filter(kind=Kind.TOKEN_REVOKED, actor=world.partner).exists()
    assert api.get("/api/v1/indicators/").status_code == 401


def test_a_token_needs_a_purpose(client, world):
    verified_login(client, world.partner)
    page = client.post(DATA, {"action": "create", "name": "  "}).content.decode()
    assert "Say who or what will use the token." in page and 'aria-invalid="true"' in page
    assert not ApiToken.objects.filter(user=world.partner).exists()


def test_a_partner_cannot_revoke_someone_elses_token(client, world):
    other, _key = services.token_create(user=world.admin, owner=world.reporter, name="x")
    verified_login(client, world.partner)
    assert client.post(DATA, {"action": "revoke", "token": other.pk}).status_code == 404
    assert client.post(DATA, {"action": "revoke", "token": "x"}).status_code == 404
    assert ApiToken.objects.get(pk=other.pk).revoked_at is None
    with pytest.raises(PermissionDenied):
        services.token_revoke(user=world.partner, token=other)


@pytest.mark.parametrize("who", ["reporter", "reviewer", "nobody"])
def test_only_partners_make_their_own_tokens(client, world, who):
    """A token acts with every role of its account: a reporter's or a reviewer's would write,
    so theirs come from the Directorate."""
    user = getattr(world, who)
    with pytest.raises(PermissionDenied):
        services.own_token_create(user=user, name="mine")
    verified_login(client, user)
    page = client.get(DATA).content.decode()
    assert 'value="create"' not in page and "made by the Directorate" in page
    assert client.post(DATA, {"action": "create", "name": "mine"}).status_code == 403
    assert not ApiToken.objects.filter(user=user).exists()


def test_a_partner_holds_at_most_five_working_tokens(world):
    for n in range(services.OWN_TOKEN_LIMIT):
        services.own_token_create(user=world.partner, name=f"t{n}")
    with pytest.raises(ValidationError):
        services.own_token_create(user=world.partner, name="one more")
    token = ApiToken.objects.filter(user=world.partner).first()
    services.token_revoke(user=world.partner, token=token)
    services.own_token_create(user=world.partner, name="in its place")


def test_the_data_and_api_page_costs_few_queries(client, world, django_assert_max_num_queries):
    verified_login(client, world.partner)
    services.own_token_create(user=world.partner, name="a")
    client.get(DATA)
    with django_assert_max_num_queries(8):
        assert client.get(DATA).status_code == 200
    client.logout()
    with django_assert_max_num_queries(0):
        assert client.get(DATA).status_code == 200


@pytest.mark.parametrize("who", ["visitor", "partner"])
def test_every_download_on_the_data_and_api_page_answers(client, world, who):
    from tests.reporting_helpers import approved

    approved(world)
    world.policy.is_published = True
    world.policy.save()
    if who == "partner":
        verified_login(client, world.partner)
    page = client.get(DATA).content.decode()
    downloads = page[page.index('id="downloads"') :]
    links = [url.replace("&amp;", "&") for url in re.findall(r'<a href="([^"]+)"', downloads)]
    assert len(links) >= 12
    for url in links:
        answer = client.get(url)
        assert answer.status_code in (200, 302), (url, answer.status_code)
        if answer.status_code == 302:  # the report's workbook is made by a background job
            assert "format=xlsx" in url and who == "partner"
