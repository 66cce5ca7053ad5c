"""Arabic and Kurdish: catalogues, right-to-left pages, the language a person chose, the API's
language, Eastern Arabic digits and exports in the reader's language."""

import io
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from core.untranslated import problems_in, template_files
from tests.job_helpers import job_file
from tests.signin_helpers import second_step, verified_login

ROOT = Path(settings.BASE_DIR)
TRANSLATED = ("ar", "ckb")
NPLURALS = {"ar": 6, "ckb": 2}
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|\{[a-z_]+\}")


def catalogue(language):
    return polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))


# -- the catalogues ----------------------------------------------------------------------------
def test_the_template_check_finds_unmarked_text():
    found = problems_in(
        '{% load i18n %}<p>Reports due</p><a title="Open it" href="/x/">{% translate "Ok" %}</a>'
        '<td data-label="Status">{{ v }}</td>'
        "{% blocktranslate %}Fine {{ x }}{% endblocktranslate %}"
    )
    assert [words for _line, words in found] == [["Reports", "due"], ["Open", "it"], ["Status"]]


def test_every_template_string_is_marked_for_translation():
    problems = []
    for directory in settings.TEMPLATES[0]["DIRS"]:
        for path in template_files(directory):
            for line, words in problems_in(path.read_text()):
                problems.append(f"{path.relative_to(ROOT)}:{line}: {' '.join(words)}")
    assert problems == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_catalogue_is_complete_with_nothing_fuzzy(language):
    po = catalogue(language)
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    assert [e.msgid for e in po.obsolete_entries()] == []
    for entry in po:
        if entry.msgid_plural:
            assert len(entry.msgstr_plural) == NPLURALS[language], entry.msgid
            translations = list(entry.msgstr_plural.values())
        else:
            translations = [entry.msgstr]
        wanted = sorted(PLACEHOLDER.findall(entry.msgid))
        for text in translations:
            assert text.strip(), entry.msgid
            # Plural forms may drop the number ("one report"), never invent a placeholder.
            found = sorted(PLACEHOLDER.findall(text))
            if entry.msgid_plural:
                assert set(found) <= set(wanted + PLACEHOLDER.findall(entry.msgid_plural))
            else:
                assert found == wanted, (entry.msgid, text)


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_compiled_catalogue_matches_its_source(language):
    """The .mo that Django reads says what the .po says (run `make messages` after editing)."""
    po = catalogue(language)
    mo = polib.mofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.mo"))
    compiled = {(e.msgid, e.msgid_plural): (e.msgstr, e.msgstr_plural) for e in mo}
    source = {
        (e.msgid, e.msgid_plural): (e.msgstr, {int(k): v for k, v in e.msgstr_plural.items()})
        for e in po.translated_entries()
    }
    compiled = {k: (s, {int(i): v for i, v in p.items()}) for k, (s, p) in compiled.items()}
    compiled.pop(("", ""), None)  # the header
    assert compiled == source


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="gettext's xgettext is not installed")
def test_the_catalogues_hold_every_string_of_the_code(tmp_path):
    """makemessages over a copy of the sources finds no string the catalogues lack."""
    copy = tmp_path / "src"
    ignore = shutil.ignore_patterns(
        ".venv", ".git", "media", "staticfiles", "node_modules", "*.pyc", "__pycache__", "docs"
    )
    shutil.copytree(ROOT, copy, ignore=ignore)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.local"}
    env.pop("DATABASE_URL", None)  # makemessages needs no database
    subprocess.run(
        [
            sys.executable,
            *("manage.py", "makemessages", "-l", "ar", "--no-location", "--no-obsolete"),
            *("--ignore=tests", "--ignore=benchmarks"),
        ],
        cwd=copy,
        check=True,
        capture_output=True,
        env=env,
    )
    fresh = polib.pofile(str(copy / "locale" / "ar" / "LC_MESSAGES" / "django.po"))
    found = {(e.msgid, e.msgid_plural) for e in fresh}
    for language in TRANSLATED:
        held = {(e.msgid, e.msgid_plural) for e in catalogue(language)}
        assert sorted(found - held) == [], f"not in the {language} catalogue"
        assert sorted(held - found) == [], f"no longer in the code, still in {language}"


# -- pages in each language --------------------------------------------------------------------
class VisibleText(HTMLParser):
    """The words a person reads on a page: text outside scripts and styles and the attributes
    read aloud or shown (title, aria-label, placeholder, data-label). Skips what the page marks
    as not to be translated (codes) and what people wrote themselves (class="user-text")."""

    READ = {"title", "alt", "placeholder", "aria-label", "data-label"}
    VOID = {"br", "img", "input", "link", "meta", "hr", "source", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.words = []
        self.skip = []  # stack of booleans, one per open element

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        skipped = (
            (bool(self.skip) and self.skip[-1])
            or tag in ("script", "style", "textarea")
            or attributes.get("translate") == "no"
            or "user-text" in (attributes.get("class") or "").split()
        )
        if not skipped:
            for name in self.READ & attributes.keys():
                self.words += LATIN_WORD.findall(attributes[name] or "")
        if tag not in self.VOID:
            self.skip.append(skipped)

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.skip:
            self.skip.pop()

    def handle_data(self, data):
        if not (self.skip and self.skip[-1]):
            # {time}, {title}: placeholders a script fills in (reporting/_offline_scripts.html)
            self.words += LATIN_WORD.findall(PLACEHOLDER.sub("", data))


LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
# Names of formats and the language switcher's "English" are the same in every language.
SAME_IN_EVERY_LANGUAGE = {"English", "CSV", "XLSX", "PDF", "JPEG", "PNG", "DOCX", "API", "MB"}
SAME_IN_EVERY_LANGUAGE |= {"IQD", "USD", "EUR"}  # ISO 4217 codes beside the currency names
SAME_IN_EVERY_LANGUAGE |= {"SDG", "CEDAW"}  # international acronyms beside the Kurdish names


def english_words(html):
    reader = VisibleText()
    reader.feed(html)
    return sorted(set(reader.words) - SAME_IN_EVERY_LANGUAGE)


def page_in(client, url, language, data=None):
    """GET (or POST data to) url; the page must be in the language, right to left, with no
    word of English outside codes and what people wrote. Returns the HTML."""
    from policy.models import Entity

    response = client.post(url, data, follow=True) if data is not None else client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    html = response.content.decode()
    assert f'<html lang="{language}" dir="rtl">' in html, url
    # Entities' acronyms (MoLSA, UNAMI) are codes, shown beside the names in every language.
    acronyms = {w for a in Entity.objects.values_list("acronym", flat=True) for w in a.split()}
    assert sorted(set(english_words(html)) - acronyms) == [], url
    return html


@pytest.fixture
def demo(demo, settings, tmp_path):
    """The demo plan (tests/conftest.py); evidence uploaded goes to a temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.mark.parametrize("language", TRANSLATED)
def test_a_reporter_walks_the_reporting_flow_without_an_english_word(client, demo, language):
    from accounts.models import User

    # A visitor chooses the language at the top of the login page, then signs in.
    client.post(reverse("set_language"), {"language": language, "next": "/accounts/login/"})
    page_in(client, reverse("login"), language)
    page_in(client, reverse("password_reset"), language)
    response = client.post(reverse("login"), {"username": "cso", "password": "demo12345"})
    assert response.status_code == 302
    my_work = page_in(client, reverse("reporting:my_work"), language)

    # Every report of the reporter, to edit or to read.
    for pk in set(re.findall(r'href="/reports/(\d+)/(?:edit/)?"', my_work)):
        page_in(client, reverse("reporting:report", args=[pk]), language)
    editable = sorted(set(re.findall(r'href="/reports/(\d+)/edit/"', my_work)))
    assert editable
    for pk in editable:
        page_in(client, reverse("reporting:edit", args=[pk]), language)

    # A report that is due is started; a wrong percentage is refused in the language.
    start = re.search(r'<form method="post" action="/reports/start/">(.*?)</form>', my_work, re.S)
    fields = dict(re.findall(r'name="(\w+)" value="(\d+)"', start.group(1)))
    started = client.post(reverse("reporting:start"), fields)
    edit_url = started["Location"]
    assert re.fullmatch(r"/reports/\d+/edit/", edit_url), edit_url
    form = page_in(client, edit_url, language)
    version = re.search(r'name="version" value="(\d+)"', form).group(1)
    refused = page_in(
        client,
        edit_url,
        language,
        data={"version": version, "percent_complete": "250", "action": "save"},
    )
    with translation.override(language):
        assert translation.gettext("There is a problem") in refused
        too_big = translation.gettext("Ensure this value is less than or equal to %(limit_value)s.")
        assert too_big % {"limit_value": 100} in refused
    page_in(client, reverse("accounts:preferences"), language)
    # The language chosen before signing in is kept on the account: another browser, with no
    # cookie, shows the same language.
    assert User.objects.get(username="cso").language == language
    elsewhere = type(client)()
    elsewhere.post(reverse("login"), {"username": "cso", "password": "demo12345"})
    page_in(elsewhere, reverse("reporting:my_work"), language)


@pytest.mark.parametrize("language", TRANSLATED)
def test_a_reviewer_and_a_visitor_read_the_portal_in_the_language(client, demo, language):
    from governorates.models import Governorate
    from indicators.models import Indicator
    from pillars.models import Pillar

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    # The public home page and the dashboards, as a visitor.
    page_in(client, reverse("home"), language)
    page_in(client, reverse("analytics:map"), language)
    page_in(client, reverse("analytics:map") + "?measure=activities", language)
    page_in(client, reverse("analytics:pillar", args=[Pillar.objects.first().code]), language)
    page_in(client, reverse("analytics:governorate", args=["IQ-BG"]), language)
    assert Governorate.objects.filter(code="IQ-BG").exists()
    indicator = Indicator.objects.filter(values__isnull=False).first()
    page_in(client, reverse("analytics:indicator", args=[indicator.pk]), language)
    # The follow-up: laws, recommendations, what civil society disputes.
    for name in ("hub", "legislation", "recommendations", "disputed"):
        page_in(client, reverse(f"followup:{name}"), language)
    page_in(client, reverse("followup:instrument", args=["anti-domestic-violence-law"]), language)
    # The Directorate's reviewer: the queue, a report to review, compliance and the report.
    client.post(reverse("login"), {"username": "reviewer", "password": "demo12345"})
    page_in(client, reverse("accounts:two_factor_verify"), language)
    second_step(client, "reviewer")
    queue = page_in(client, reverse("reporting:queue"), language)
    pk = re.search(r'href="/reports/(\d+)/"', queue).group(1)
    page_in(client, reverse("reporting:report", args=[pk]), language)
    page_in(client, reverse("analytics:overview"), language)
    page_in(client, reverse("analytics:compliance"), language)
    page_in(client, reverse("analytics:progress_report"), language)


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_admin_is_right_to_left_in_arabic_and_kurdish(client, world, language):
    verified_login(client, world.admin)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    for url in (reverse("admin:index"), reverse("admin:policy_activity_changelist")):
        html = client.get(url).content.decode()
        assert f'lang="{language}" dir="rtl"' in html, url
    with translation.override(language):
        assert translation.gettext("Activities") in html


# -- the API's language ------------------------------------------------------------------------
def test_the_api_answers_in_the_language_asked_for(client, world):
    pillar = world.activity.objective.pillar
    pillar.name_ar, pillar.name_ckb = "المشاركة", "بەشداری"
    pillar.save()
    url = f"/api/v1/pillars/{pillar.code}/"
    assert client.get(url).json()["name"] == pillar.name_en
    assert client.get(url + "?lang=ar").json()["name"] == "المشاركة"
    assert client.get(url, HTTP_ACCEPT_LANGUAGE="ckb").json()["name"] == "بەشداری"
    # ?lang= wins over the header; every language's name is always there too.
    both = client.get(url + "?lang=ar", HTTP_ACCEPT_LANGUAGE="ckb")
    assert both.json()["name"] == "المشاركة" and both.json()["name_ckb"] == "بەشداری"
    assert both["Content-Language"] == "ar"
    # A name missing in a language falls back to one that exists: English, then Arabic.
    pillar.name_ckb = ""
    pillar.save()
    assert client.get(url + "?lang=ckb").json()["name"] == pillar.name_en
    pillar.name_en = ""
    pillar.save()
    assert client.get(url + "?lang=ckb").json()["name"] == "المشاركة"


@pytest.mark.parametrize("language", TRANSLATED)
def test_api_errors_are_in_the_language_asked_for(client, world, language):
    with translation.override(language):
        not_signed_in = translation.gettext("Authentication credentials were not provided.")
        required = translation.gettext("This field is required.")
    assert not_signed_in != "Authentication credentials were not provided."
    response = client.post(f"/api/v1/reports/?lang={language}", {}, content_type="application/json")
    assert response.status_code in (401, 403)
    assert response.json()["detail"] == not_signed_in
    token = _token(world.reporter)
    response = client.post(
        "/api/v1/reports/",
        {},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {token}",
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 400
    assert required in str(response.json())


def _token(user):
    from tests.factories import api_key

    return api_key(user)


def test_the_api_documents_the_lang_parameter(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    for path in schema["paths"].values():
        for operation in path.values():
            names = [p["name"] for p in operation.get("parameters", [])]
            assert "lang" in names


# -- exports in the reader's language ----------------------------------------------------------
def test_the_progress_report_xlsx_is_right_to_left_in_arabic(client, world):
    import openpyxl

    from tests.reporting_helpers import approved

    approved(world)
    verified_login(client, world.reviewer)
    query = {"period": "2022-Q2", "format": "xlsx"}
    english = openpyxl.load_workbook(
        io.BytesIO(job_file(client, client.get(reverse("analytics:progress_report"), query)))
    )
    assert not english.worksheets[0].sheet_view.rightToLeft
    arabic = openpyxl.load_workbook(
        io.BytesIO(
            job_file(
                client, client.get(reverse("analytics:progress_report"), {**query, "lang": "ar"})
            )
        )
    )
    with translation.override("ar"):
        summary, off_track = translation.gettext("Summary"), translation.gettext("Off track")
    assert arabic.sheetnames[0] == summary
    assert all(sheet.sheet_view.rightToLeft for sheet in arabic.worksheets)
    rows = {r[2]: r for r in arabic.worksheets[1].iter_rows(min_row=2, values_only=True)}
    assert rows["1.1.1-a"][10] == off_track  # the status in Arabic, the code as it is


def test_api_xlsx_is_right_to_left_in_kurdish_and_csv_headers_follow_the_language(client, world):
    import openpyxl

    xlsx = client.get("/api/v1/governorates/?format=xlsx&lang=ckb")
    book = openpyxl.load_workbook(io.BytesIO(xlsx.content))
    assert book.active.sheet_view.rightToLeft
    english = client.get("/api/v1/governorates/?format=xlsx")
    assert not openpyxl.load_workbook(io.BytesIO(english.content)).active.sheet_view.rightToLeft
    verified_login(client, world.reviewer)
    csv_text = client.get(reverse("analytics:map"), {"csv": "map", "lang": "ar"}).content
    with translation.override("ar"):
        header = [translation.gettext(h) for h in ("Governorate code", "Governorate")]
    assert csv_text.decode("utf-8-sig").splitlines()[0].startswith(",".join(header))


# -- numbers, dates and digits -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "12,345.5"), ("ar", "12,345.5"), ("ckb", "12,345.5")],
)
def test_numbers_are_grouped_for_the_language(language, expected):
    from decimal import Decimal

    from core.templatetags.numbers import local_number

    with translation.override(language):
        assert local_number(Decimal("12345.5000")) == expected
        assert local_number(Decimal("6E+2")) == "600"
        assert local_number(None) == ""


def test_dates_are_written_for_the_language():
    import datetime

    from django.utils import formats

    day = datetime.date(2024, 6, 30)
    with translation.override("ar"):
        assert formats.date_format(day) == "30 حزيران، 2024"  # Iraq's name, not يونيو
    with translation.override("ckb"):
        assert "2024" in formats.date_format(day) and "30" in formats.date_format(day)
        assert formats.date_format(day) != "June 30, 2024"


def test_eastern_arabic_digits_change_the_text_and_nothing_a_form_sends():
    from core.digits import html_eastern

    html = (
        '<p title="3">Total 1,234.5 (33 %) &#8211; <span dir="ltr" translate="no">1.2.3</span>'
        '</p><input name="n" value="40"><textarea>12</textarea><a href="/reports/7/">7</a>'
        "<script>var n = 5;</script>"
    )
    assert html_eastern(html) == (
        '<p title="3">Total ١٬٢٣٤٫٥ (٣٣٪) &#8211; <span dir="ltr" translate="no">1.2.3</span>'
        '</p><input name="n" value="40"><textarea>12</textarea><a href="/reports/7/">٧</a>'
        "<script>var n = 5;</script>"
    )


def test_a_person_chooses_eastern_arabic_digits_on_the_preferences_page(client, world):
    from accounts.models import User

    verified_login(client, world.reporter)
    page = client.get(reverse("accounts:preferences"))
    assert b'value="arab"' in page.content
    response = client.post(
        reverse("accounts:preferences"), {"language": "ar", "digits": "arab"}, follow=True
    )
    reporter = User.objects.get(pk=world.reporter.pk)
    assert (reporter.language, reporter.digits) == ("ar", "arab")
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    with translation.override("ar"):
        assert translation.gettext("Your preferences are saved.") in html
    my_work = client.get(reverse("reporting:my_work")).content.decode()
    # Codes keep 0-9; the dates of the cards are in Eastern Arabic digits.
    assert ">1.1.1<" in my_work and "٢٠٩٩" in my_work and "2099" not in my_work.split("<main")[1]
    # An unknown choice is refused with a message, and nothing changes.
    refused = client.post(reverse("accounts:preferences"), {"language": "xx", "digits": "arab"})
    assert refused.status_code == 200 and b"error-message" in refused.content
    assert User.objects.get(pk=world.reporter.pk).language == "ar"


def test_only_the_person_changes_their_preferences(world):
    from django.core.exceptions import PermissionDenied, ValidationError

    from accounts.services import preferences_set

    with pytest.raises(PermissionDenied):
        preferences_set(actor=world.reviewer, user=world.reporter, language="ar")
    with pytest.raises(ValidationError):
        preferences_set(actor=world.reporter, user=world.reporter, digits="roman")


def test_the_report_form_takes_numbers_typed_in_eastern_arabic_digits(client, world):
    from reporting.models import ProgressReport
    from tests.reporting_helpers import draft

    report = draft(world)
    verified_login(client, world.reporter)
    form = client.get(reverse("reporting:edit", args=[report.pk])).content.decode()
    data = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form))
    data.update({"activity_status": "in_progress", "percent_complete": "٣٥", "action": "save"})
    value_fields = re.findall(r'name="(value-[^"]+)"', form)
    assert value_fields
    data[value_fields[0]] = "١٢٫٥"
    response = client.post(reverse("reporting:edit", args=[report.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    report = ProgressReport.objects.get(pk=report.pk)
    assert report.percent_complete == 35
    assert str(report.values.get().value.normalize()) == "12.5"


def _every_page(world):
    """(who, url) for every page of the portal outside the admin and the API."""
    from tests.reporting_helpers import approved

    report = approved(world)
    return [
        (None, reverse("home")),
        (None, reverse("login")),
        (None, reverse("password_reset")),
        (None, reverse("password_reset_done")),
        (None, "/no-such-page/"),
        (world.reporter, reverse("reporting:my_work")),
        (world.reporter, reverse("reporting:report", args=[report.pk])),
        (world.reporter, reverse("accounts:preferences")),
        (world.reporter, reverse("analytics:compliance")),  # 403 for a reporter
        (world.reviewer, reverse("reporting:queue")),
        (world.reviewer, reverse("analytics:overview")),
        (world.reviewer, reverse("analytics:map")),
        (world.reviewer, reverse("analytics:pillar", args=[world.activity.objective.pillar.code])),
        (world.reviewer, reverse("analytics:governorate", args=["IQ-BG"])),
        (world.reviewer, reverse("analytics:indicator", args=[world.indicator.pk])),
        (world.reviewer, reverse("analytics:compliance")),
        (world.reviewer, reverse("analytics:progress_report")),
        (world.admin, reverse("admin:index")),
    ]


@pytest.mark.parametrize(("language", "direction"), [("en", "ltr"), ("ar", "rtl"), ("ckb", "rtl")])
def test_every_page_says_its_language_and_direction(client, world, language, direction):
    for who, url in _every_page(world):
        if who is None:
            client.logout()  # the test client forgets its cookies here
        else:
            verified_login(client, who)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        response = client.get(url)
        assert response.status_code in (200, 403, 404), (url, response.status_code)
        html = response.content.decode()
        assert f'lang="{language}" dir="{direction}"' in html, (url, html[:200])
        assert response["Content-Language"] == language, url


def test_lang_in_the_address_reaches_no_view_and_the_switcher_drops_it(client, world):
    verified_login(client, world.admin)
    # The admin's lists take unknown parameters for filters and would redirect with ?e=1.
    response = client.get(reverse("admin:policy_activity_changelist") + "?lang=ar")
    assert response.status_code == 200 and '<html lang="ar" dir="rtl"' in response.content.decode()
    switched = client.post(
        reverse("set_language"), {"language": "ckb", "next": "/dashboard/?lang=ar&period=2022-Q2"}
    )
    assert switched["Location"] == "/dashboard/?period=2022-Q2"


@pytest.mark.parametrize(("language", "direction"), [("en", "ltr"), ("ar", "rtl")])
def test_the_server_error_page_speaks_the_language(rf, language, direction):
    from django.views.defaults import server_error

    with translation.override(language):
        html = server_error(rf.get("/")).content.decode()
        assert f'<html lang="{language}" dir="{direction}">' in html
        assert translation.gettext("Something went wrong") in html


@pytest.mark.django_db(transaction=True)
def test_e_mails_go_out_in_each_recipients_language(world, mailoutbox):
    from tests.reporting_helpers import returned

    world.reporter.language = "ckb"
    world.reporter.save()
    world.colleague.language = "ar"
    world.colleague.save()
    report = returned(world)  # mails the reporters of the entity after the commit
    by_address = {m.to[0]: m for m in mailoutbox}
    for address, language in (("reporter@example.org", "ckb"), ("colleague@example.org", "ar")):
        with translation.override(language):
            subject = translation.gettext("Report %(code)s (%(period)s) was returned to you") % {
                "code": report.activity.code,
                "period": str(report.period),
            }
        assert subject != "Report 1.1.1 (2022-Q2) was returned to you"
        assert by_address[address].subject == subject


def test_a_signed_in_person_s_account_language_beats_a_cookie(client, world):
    """Once signed in, pages follow the account (another browser or phone may have changed
    it); the language chosen on the login page, before signing in, goes on the account
    (tests/core/test_rtl_text.py)."""
    from accounts.models import User

    world.reporter.language = "ckb"
    world.reporter.save()
    verified_login(client, world.reporter)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    html = client.get(reverse("reporting:my_work")).content.decode()
    assert '<html lang="ckb" dir="rtl">' in html
    assert User.objects.get(pk=world.reporter.pk).language == "ckb"


def test_eastern_digits_leave_codes_titles_people_s_words_the_admin_and_files_alone(client, world):
    from tests.reporting_helpers import approved

    report = approved(world)
    world.reporter.digits = "arab"
    world.reporter.save()
    verified_login(client, world.reporter)
    html = client.get(reverse("reporting:report", args=[report.pk])).content.decode()
    title = html.split("<title>")[1].split("</title>")[0]
    assert "1.1.1" in title  # the code in the title keeps its digits
    assert "1.1.1-a" in html and "١٫١٫١" not in html  # the change table names the indicator
    assert "Trained 20 women." in html  # what the reporter wrote stays as written
    world.reporter.is_superuser = True
    world.reporter.save()
    verified_login(client, world.reporter)  # staff now: signs in again, with a second factor
    admin = client.get(reverse("admin:indicators_indicator_changelist")).content.decode()
    assert "1.1.1-a" in admin and "١" not in admin
    csv_text = client.get(reverse("analytics:map"), {"csv": "map"}).content.decode("utf-8-sig")
    assert "١" not in csv_text


def test_the_digits_rewrite_survives_odd_markup():
    from core.digits import html_eastern

    assert (
        html_eastern('<a title="1 > 0" href="/r/5/">5</a>') == '<a title="1 > 0" href="/r/5/">٥</a>'
    )
    assert html_eastern("<![CDATA[ a > 1 ]]><p>2</p>") == "<![CDATA[ a > 1 ]]><p>٢</p>"
    assert html_eastern("<p>3<!-- 4 --></p>") == "<p>٣<!-- 4 --></p>"
    nested = '<span translate="no">1<span>2</span>3</span>4'
    assert html_eastern(nested) == '<span translate="no">1<span>2</span>3</span>٤'
