"""The API reference at /api/docs/: a light page, drawn from the OpenAPI schema, in the
reader's language, with no script (it was Swagger UI: 545 KiB compressed, English only,
failing axe's colour-contrast, nested-interactive and html-has-lang)."""

import gzip
import json

import pytest
from django.urls import reverse
from django.utils import translation

DOCS = "/api/docs/"


def test_the_reference_lists_every_operation_of_the_schema(client, db):
    schema = json.loads(client.get("/api/schema/", {"format": "json"}).content)
    page = client.get(DOCS).content.decode()
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method in ("get", "post", "put", "patch", "delete"):
                assert f'id="{operation["operationId"]}"' in page, (method, path)
                assert f'<code dir="ltr">{path}</code>' in page
    for name in schema["components"]["schemas"]:
        assert f'id="type-{name}"' in page
    # A link to each data type an answer refers to lands on it.
    assert 'href="#type-PaginatedIndicatorList"' in page and 'href="#type-Indicator"' in page


def test_the_reference_is_light_and_has_no_script(client, db):
    answer = client.get(DOCS)
    page = answer.content
    assert b"<script" not in page and b"swagger" not in page.lower()
    assert len(gzip.compress(page)) < 60_000  # Swagger UI's was 545 KiB


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_the_reference_is_in_the_readers_language(client, db, language):
    page = client.get(DOCS, {"lang": language}).content.decode()
    assert f'<html lang="{language}" dir="rtl">' in page
    with translation.override(language):
        for text in ("API reference", "Data types", "Log in"):
            assert translation.gettext(text) in page
    # The paths and field names stay as they are, left to right.
    assert '<code dir="ltr">/api/v1/indicators/</code>' in page


def test_the_reference_extends_the_site_and_links_back(client, db):
    page = client.get(DOCS).content.decode()
    assert 'class="site-header"' in page and reverse("data-api") in page
    assert reverse("schema") in page


def test_the_reference_reads_nothing_from_the_database(client, db, django_assert_num_queries):
    client.get(DOCS)  # the schema is made once a process and language
    with django_assert_num_queries(0):
        assert client.get(DOCS).status_code == 200
