import io

import pytest
from django.core.management import call_command

from tests.factories import UserFactory


@pytest.fixture
def reference(db):
    call_command("seed_reference", stdout=io.StringIO())


@pytest.fixture
def director(db):
    return UserFactory(username="boss", is_staff=True, is_superuser=True)


@pytest.fixture
def director_client(client, director):
    client.force_login(director)
    return client
