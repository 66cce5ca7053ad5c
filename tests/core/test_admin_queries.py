"""Admin lists cost the same number of queries whether they show 2 rows or 30."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    ActivityFactory,
    DistrictFactory,
    EntityFactory,
    FundingFactory,
    IndicatorFactory,
    TargetFactory,
)

LISTS = [
    ("policy_activity", ActivityFactory),
    ("policy_entity", EntityFactory),
    ("policy_objective", lambda: ActivityFactory().objective),
    ("policy_funding", FundingFactory),
    ("indicators_indicator", IndicatorFactory),
    ("indicators_target", TargetFactory),
    ("governorates_district", DistrictFactory),
    ("governorates_governorate", DistrictFactory),
]


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize(("name", "make"), LISTS, ids=[n for n, _m in LISTS])
def test_a_changelist_runs_the_same_queries_for_few_and_many_rows(director_client, name, make):
    url = reverse(f"admin:{name}_changelist")
    for _ in range(2):
        make()
    few = queries_for(director_client, url)
    for _ in range(28):
        make()
    assert queries_for(director_client, url) == few
