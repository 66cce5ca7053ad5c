"""The IATI 2.03 activity file (analytics/iati.py, /api/v1/iati/, the plans' admin): valid
against the official schema, offline; the IATI ruleset's points the schema cannot check; only
published plans and approved figures; protection figures as visitors see them."""

import datetime
import filecmp
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from lxml import etree

from analytics import figures
from audit.models import AccessEvent, Kind
from policy.models import Funding
from reporting.models import IndicatorValue, ProgressReport
from tests.analytics.test_disclosure import gbv  # noqa: F401 (a fixture)
from tests.factories import (
    ActivityFactory,
    FundingFactory,
    IndicatorFactory,
    PolicyFactory,
    TargetFactory,
)
from tests.reporting_helpers import approved
from tests.signin_helpers import verified_login

SCHEMA_DIR = Path(settings.BASE_DIR) / "analytics" / "iati_schema"
SHARED_DIR = Path(settings.BASE_DIR).parent / "shared" / "iati-2.03"
URL = "/api/v1/iati/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def schema():
    return etree.XMLSchema(etree.parse(str(SCHEMA_DIR / "iati-activities-schema.xsd")))


def _file(client, url=URL):
    response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    return etree.fromstring(response.content)


def _activity(root, identifier):
    found = [a for a in root.iter("iati-activity") if a.findtext("iati-identifier") == identifier]
    assert len(found) == 1, identifier
    return found[0]


def _actuals(root, indicator_code):
    """{(period start, governorate code or None): value} of an indicator's actual values."""
    result = {}
    for indicator in root.iter("indicator"):
        if indicator.find("reference").get("code") != indicator_code:
            continue
        for period in indicator.iter("period"):
            start = period.find("period-start").get("iso-date")
            for actual in period.iter("actual"):
                location = actual.find("location")
                place = location.get("ref") if location is not None else None
                result[(start, place)] = Decimal(actual.get("value"))
    return result


# -- the schema --------------------------------------------------------------------------------
def test_the_schema_copy_is_the_official_one():
    """analytics/iati_schema/ is the copy a fresh clone tests against; ../shared/iati-2.03/ is
    where the project keeps the official files (CI has it beside the clone)."""
    if not SHARED_DIR.is_dir():
        pytest.skip(f"{SHARED_DIR} is not beside this clone: nothing to compare the copy with")
    for name in ("iati-activities-schema.xsd", "iati-common.xsd", "xml.xsd"):
        assert filecmp.cmp(SCHEMA_DIR / name, SHARED_DIR / name, shallow=False), name


def test_the_demo_plan_gives_a_file_valid_against_the_iati_schema(client, demo, schema):
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    assert response["Content-Disposition"] == 'attachment; filename="iati-activities.xml"'
    root = etree.fromstring(response.content)
    schema.assertValid(root)
    assert root.tag == "iati-activities" and root.get("version") == "2.03"
    assert root.get("generated-datetime")
    activities = root.findall("iati-activity")
    from policy.models import Activity, Policy

    plan = Policy.objects.published().get()
    # the plan, then each of its activities
    assert len(activities) == 1 + Activity.objects.filter(objective__policy=plan).count()
    ref = settings.IATI_REPORTING_ORG_REF
    assert activities[0].findtext("iati-identifier") == f"{ref}-{plan.code}"
    for activity in activities:
        org = activity.find("reporting-org")
        assert org.get("ref") == ref and org.get("type") == "10"
        assert activity.findtext("iati-identifier").startswith(f"{ref}-{plan.code}")
    # the titles in the plan's three languages
    title = activities[1].find("title")
    languages = [n.get(XML_LANG) for n in title.findall("narrative")]
    assert languages == [None, "ar", "ku"]  # English is the activity's own xml:lang
    # a funding line's amounts as a budget, a commitment and a disbursement
    assert root.find(".//budget/value").get("currency") in ("IQD", "USD", "EUR")
    kinds = {t.find("transaction-type").get("code") for t in root.iter("transaction")}
    assert kinds == {"2", "3"}
    # approved figures of the demo's reports, by governorate too
    assert root.find(".//actual/location") is not None
    # sensitive indicators are in the demo: the file is checked against disclosure below
    for marker in root.iter("policy-marker"):
        assert (marker.get("vocabulary"), marker.get("code")) == ("1", "1")


def test_the_demo_file_keeps_the_iati_rules_the_schema_cannot_check(client, demo):
    root = _file(client)
    locations = set()
    for activity in root.iter("iati-activity"):
        name = activity.findtext("iati-identifier")
        # a planned (1) or actual (2) start date
        assert {d.get("type") for d in activity.findall("activity-date")} & {"1", "2"}, name
        # sectors on the activity or on every transaction, not both
        transactions = activity.findall("transaction")
        on_activity = activity.findall("sector")
        with_sector = [t for t in transactions if t.find("sector") is not None]
        assert on_activity or (transactions and len(with_sector) == len(transactions)), name
        assert not (on_activity and with_sector), name
        # recipient country or region, not both (on the activity, none on transactions)
        countries = activity.findall("recipient-country")
        regions = activity.findall("recipient-region")
        assert bool(countries) != bool(regions), name
        assert [c.get("code") for c in countries] == ["IQ"]
        assert not any(t.find("recipient-country") is not None for t in transactions)
        # percentages summing to 100: countries, and sectors per vocabulary
        assert sum(Decimal(c.get("percentage")) for c in countries) == 100
        by_vocabulary = defaultdict(Decimal)
        for sector in on_activity:
            by_vocabulary[sector.get("vocabulary") or "1"] += Decimal(sector.get("percentage"))
        assert by_vocabulary and all(v == 100 for v in by_vocabulary.values()), name
        assert "1" in by_vocabulary  # a DAC 5-digit sector
        assert all(len(s.get("code")) == 5 for s in on_activity if s.get("vocabulary") == "1")
        # every location a result names is a location of the activity
        refs = {loc.get("ref") for loc in activity.findall("location")}
        for place in activity.iterfind("result//location"):
            assert place.get("ref") in refs, name
        locations |= refs
        # a period's start before its end; a budget a year at most
        for budget in activity.findall("budget"):
            start = datetime.date.fromisoformat(budget.find("period-start").get("iso-date"))
            end = datetime.date.fromisoformat(budget.find("period-end").get("iso-date"))
            assert start < end <= start.replace(year=start.year + 1), name
        # no transaction in the future
        today = timezone.localdate().isoformat()
        assert all(t.find("transaction-date").get("iso-date") <= today for t in transactions)
    assert locations  # governorates are named


# -- what is in it -----------------------------------------------------------------------------
def test_only_approved_figures_are_actual_values(client, world):
    world.policy.is_published = True
    world.policy.save()
    approved(world)  # 2022-Q2: Baghdad 12, Basra 8
    pending = ProgressReport.objects.create(
        activity=world.activity,
        entity=world.cso_entity,
        period=world.previous,
        created_by=world.reporter,
        status="submitted",
    )
    IndicatorValue.objects.create(
        report=pending, indicator=world.indicator, governorate=world.baghdad, value=777
    )
    figures.refresh(policy_ids=[world.policy.pk])  # the rows above were written past the services
    actuals = _actuals(_file(client), world.indicator.code)
    assert actuals == {
        ("2022-04-01", None): Decimal(20),
        ("2022-04-01", "IQ-BA"): Decimal(8),
        ("2022-04-01", "IQ-BG"): Decimal(12),
    }


def test_hidden_protection_figures_are_not_in_the_file(client, gbv):  # noqa: F811
    w = gbv
    root = _file(client, f"{URL}?policy={w.policy.code}")
    # Q1 Baghdad 3 and Basra 6 (national 9): both hidden, and the national figure shown;
    # Q2 Baghdad 7 and Basra 1: both hidden. The nation-wide count of 3: hidden.
    assert _actuals(root, w.cases.code) == {
        ("2022-01-01", None): Decimal(9),
        ("2022-04-01", None): Decimal(8),
    }
    assert _actuals(root, w.national_cases.code) == {}
    # the public indicator beside them keeps its governorates
    assert _actuals(root, w.public_indicator.code) == {
        ("2022-04-01", None): Decimal(55),
        ("2022-04-01", "IQ-BA"): Decimal(25),
        ("2022-04-01", "IQ-BG"): Decimal(30),
    }
    # the targets are the plan's, public as on the indicator pages
    period = next(
        p for i in root.iter("indicator") if i.find("reference").get("code") == w.cases.code
        for p in i.iter("period") if p.find("period-start").get("iso-date") == "2022-04-01"
    )  # fmt: skip
    assert [t.get("value") for t in period.iter("target")] == ["40", "20", "20"]


def test_a_signed_in_account_gets_the_same_published_file(client, gbv):  # noqa: F811
    """The file is what the Directorate publishes: staff get the visitors' figures too."""
    w = gbv
    verified_login(client, w.reviewer)
    assert _actuals(_file(client), w.cases.code) == {
        ("2022-01-01", None): Decimal(9),
        ("2022-04-01", None): Decimal(8),
    }


def test_unpublished_plans_are_not_in_the_file(client, world):
    world.policy.is_published = True
    world.policy.save()
    draft = PolicyFactory(code="draft-plan", is_published=False)
    ActivityFactory(objective__policy=draft, code="9.9.9")
    root = _file(client)
    identifiers = [a.findtext("iati-identifier") for a in root.iter("iati-activity")]
    assert not any("draft-plan" in i for i in identifiers)
    assert len(identifiers) == 3  # the plan and its two activities
    # asked for by code or id, a draft plan is not found, for a visitor or an account
    assert client.get(f"{URL}?policy=draft-plan").status_code == 404
    assert client.get(f"{URL}?policy={'9' * 5000}").status_code == 404  # no id that long
    verified_login(client, world.admin)
    assert client.get(f"{URL}?policy={draft.pk}").status_code == 404
    response = client.get(f"{URL}?policy={world.policy.pk}")
    assert response["Content-Disposition"] == 'attachment; filename="iati-activities-np.xml"'


def test_a_published_plan_without_objectives_yet_gives_a_valid_file(client, db, schema):
    PolicyFactory(code="new-plan", is_published=True)
    root = _file(client)
    schema.assertValid(root)
    (plan,) = root.findall("iati-activity")
    sectors = [
        (s.get("vocabulary"), s.get("code"), s.get("percentage")) for s in plan.iter("sector")
    ]
    assert sectors == [("1", "15170", "100")]


def test_a_control_character_in_a_title_is_left_out_not_a_server_error(client, world):
    world.policy.is_published = True
    world.policy.save()
    world.activity.title_en = "Training\x0b for women\x1f"
    world.activity.save()
    titles = [t.findtext("narrative") for t in _file(client).iter("title")]
    assert "Training for women" in titles


def test_no_published_plan_is_a_404_not_an_empty_file(client, world):
    response = client.get(URL)
    assert response.status_code == 404
    assert "published" in response.json()["detail"]
    response = client.get(URL, HTTP_ACCEPT="application/xml")
    assert response.status_code == 404
    assert etree.fromstring(response.content).tag == "error"


def test_an_activity_in_full(client, world, schema):
    """One activity with every part: organisations by role, status, dates, places, sector,
    money, and its output indicator with baseline, target and approved figures."""
    world.policy.is_published = True
    world.policy.save()
    from policy.models import ActivityPartner

    donor = world.other_cso_entity
    ActivityPartner.objects.create(activity=world.activity, entity=donor, role="funding")
    FundingFactory(
        activity=world.activity,
        funder=donor,
        year=2022,
        currency="USD",
        planned=Decimal("1000.50"),
        committed=Decimal(900),
        disbursed=0,
    )
    world.activity.status = "delayed"
    world.activity.save()
    approved(world)
    figures.refresh(policy_ids=[world.policy.pk])
    root = _file(client)
    schema.assertValid(root)
    activity = _activity(root, f"{settings.IATI_REPORTING_ORG_REF}-np-1.1.1")
    roles = [
        (o.get("role"), o.findtext("narrative")) for o in activity.findall("participating-org")
    ]
    assert roles == [("1", "CSO B"), ("4", "CSO A"), ("4", "Office")]
    assert activity.find("activity-status").get("code") == "2"  # delayed: implementation
    dates = [(d.get("type"), d.get("iso-date")) for d in activity.findall("activity-date")]
    assert dates == [("1", "2021-01-01"), ("3", "2022-12-31")]
    assert activity.find("activity-scope").get("code") == "5"  # two governorates
    assert [loc.get("ref") for loc in activity.findall("location")] == ["IQ-BA", "IQ-BG"]
    assert activity.find("related-activity").get("ref") == f"{settings.IATI_REPORTING_ORG_REF}-np"
    budget = activity.find("budget/value")
    assert (budget.text, budget.get("currency")) == ("1000.5", "USD")
    (transaction,) = activity.findall("transaction")  # nothing disbursed: no type 3
    assert transaction.find("transaction-type").get("code") == "2"
    assert transaction.find("value").text == "900"
    assert transaction.find("provider-org/narrative").text == "CSO B"
    indicator = activity.find("result/indicator")
    assert activity.find("result").get("type") == "1"  # outputs
    assert indicator.get("measure") == "1" and indicator.get("ascending") == "1"
    assert indicator.find("baseline").get("value") == "5"
    period = indicator.find("period")
    assert period.find("period-start").get("iso-date") == "2022-04-01"
    assert [t.get("value") for t in period.findall("target")] == ["50"]
    assert [a.get("value") for a in period.findall("actual")] == ["20", "8", "12"]


def test_percentages_of_sectors_by_pillar_sum_to_100_on_the_plan(world):
    from analytics import iati

    assert iati._percentages({"a": 1, "b": 1, "c": 1}) == {"a": "33.33", "b": "33.33", "c": "33.34"}
    assert iati._percentages({"15170": 3, "15180": 1}) == {"15170": "75", "15180": "25"}


def test_a_text_in_one_language_is_marked_with_that_language():
    """Descriptions and definitions are one field in one language: Arabic script with Sorani's
    own letters is Kurdish ("ku" in IATI's ISO 639-1 codelist), without them Arabic."""
    from analytics import iati

    assert iati._free_text("Training for women candidates") == {
        "en": "Training for women candidates"
    }
    assert iati._free_text("تدريب المرشحات") == {"ar": "تدريب المرشحات"}
    assert iati._free_text("ڕاهێنانی ئافرەتان") == {"ku": "ڕاهێنانی ئافرەتان"}
    assert iati._free_text("") == {}


# -- how it is served --------------------------------------------------------------------------
def test_a_signed_in_download_is_in_the_access_log(client, world):
    world.policy.is_published = True
    world.policy.save()
    client.get(URL)
    assert not AccessEvent.objects.filter(kind=Kind.EXPORT).exists()  # visitors: not logged
    verified_login(client, world.partner)
    client.get(f"{URL}?policy=np")
    event = AccessEvent.objects.get(kind=Kind.EXPORT)
    assert event.target == "iati-activities-np.xml" and event.actor == world.partner


def test_the_file_is_cached_for_visitors(client, world, settings):
    settings.PAGE_CACHE_SECONDS = 60
    world.policy.is_published = True
    world.policy.save()
    first = client.get(URL).content
    with CaptureQueriesContext(connection) as queries:
        again = client.get(URL).content
    assert again == first
    assert len(queries) <= 2  # the plans asked for, nothing built again


def test_the_file_is_in_the_api_schema(client):
    schema = client.get("/api/schema/?format=json").json()
    operation = schema["paths"]["/api/v1/iati/"]["get"]
    assert "application/xml" in operation["responses"]["200"]["content"]
    assert any(p["name"] == "policy" for p in operation["parameters"])


def test_the_api_costs_the_same_queries_at_any_number_of_activities(client, world):
    world.policy.is_published = True
    world.policy.save()
    approved(world)
    figures.refresh(policy_ids=[world.policy.pk])
    with CaptureQueriesContext(connection) as small:
        assert client.get(URL).status_code == 200
    for n in range(12):
        activity = ActivityFactory(
            objective=world.activity.objective, code=f"3.{n}", lead_entity=world.cso_entity
        )
        activity.governorates.set([world.baghdad])
        FundingFactory(activity=activity, funder=world.office, year=2022, committed=5)
        indicator = IndicatorFactory(
            policy=world.policy, objective=None, activity=activity, code=f"W{n}"
        )
        TargetFactory(indicator=indicator, period=world.period, governorate=world.baghdad)
    figures.refresh(policy_ids=[world.policy.pk])
    with CaptureQueriesContext(connection) as large:
        response = client.get(URL)
    assert len(etree.fromstring(response.content).findall("iati-activity")) == 15
    assert len(large) == len(small)


# -- the admin ---------------------------------------------------------------------------------
def test_the_plans_admin_downloads_the_file(client, world, schema):
    world.policy.is_published = True
    world.policy.save()
    draft = PolicyFactory(code="draft-plan", is_published=False)
    verified_login(client, world.reviewer)  # reads the plan in the admin
    changelist = reverse("admin:policy_policy_changelist")
    response = client.post(
        changelist, {"action": "iati_download", "_selected_action": [world.policy.pk, draft.pk]}
    )
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="iati-activities-np.xml"'
    root = etree.fromstring(response.content)
    schema.assertValid(root)
    assert len(root.findall("iati-activity")) == 3
    assert AccessEvent.objects.filter(kind=Kind.EXPORT, actor=world.reviewer).exists()
    # only a draft plan chosen: a message, no file
    response = client.post(
        changelist, {"action": "iati_download", "_selected_action": [draft.pk]}, follow=True
    )
    assert "not published: draft-plan" in response.content.decode()
    assert response["Content-Type"].startswith("text/html")


def test_the_funding_lines_of_one_year_in_two_currencies_give_no_overlapping_budgets(
    client, world, schema
):
    world.policy.is_published = True
    world.policy.save()
    for currency in ("USD", "EUR"):
        FundingFactory(activity=world.activity, year=2022, currency=currency, planned=10)
    root = _file(client)
    schema.assertValid(root)
    activity = _activity(root, f"{settings.IATI_REPORTING_ORG_REF}-np-1.1.1")
    assert activity.findall("budget") == []
    planned = [v.get("currency") for v in activity.iterfind("planned-disbursement/value")]
    assert sorted(planned) == ["EUR", "USD"]
    assert Funding.objects.count() == 2
