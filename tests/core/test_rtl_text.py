"""Right-to-left details: mixed-direction text kept in order (a figure beside an Arabic period,
Latin codes in an Arabic sentence), the Arabic comma in lists, the Gregorian months as Iraq
names them, the admin's JavaScript texts, and the language chosen on the login page."""

import datetime
import json
import re
from html.parser import HTMLParser

import polib
import pytest
from django.conf import settings
from django.template import Context, Template
from django.urls import reverse
from django.utils import formats, translation

from core.text import FSI, PDI, isolate, join_list
from tests.reporting_helpers import draft
from tests.signin_helpers import verified_login

ROOT = settings.BASE_DIR
RTL = ("ar", "ckb")
ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")
MONTHS = {
    "ar": "كانون الثاني، شباط، آذار، نيسان، أيار، حزيران، تموز، آب، أيلول، تشرين الأول، "
    "تشرين الثاني، كانون الأول",
    "ckb": "کانوونی دووەم، شوبات، ئازار، نیسان، ئایار، حوزەیران، تەممووز، ئاب، ئەیلوول، "
    "تشرینی یەکەم، تشرینی دووەم، کانوونی یەکەم",
}
MONTHS = {language: names.split("، ") for language, names in MONTHS.items()}
# Django's own names, which a reader in Iraq misreads (Egyptian Arabic; the Kurdish solar months).
NOT_IRAQ = ["يناير", "نوفمبر", "ديسمبر", "سەرماوەرز", "خەزەڵوەر", "بەفرانبار"]


class ForcedLeftToRight(HTMLParser):
    """Arabic-script text whose nearest direction is a dir="ltr" (a <bdi> or any dir= resets
    it): read left to right, "4 (الربع 4، 2024)" shows as "(الربع 4، 4 2024)"."""

    VOID = {"br", "img", "input", "link", "meta", "hr", "source", "wbr", "col"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open = []  # (tag, direction or None)
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        attributes = dict(attrs)
        direction = attributes.get("dir") or ("auto" if tag == "bdi" else None)
        if tag in ("script", "style", "textarea", "option"):
            direction = "skip"
        self.open.append((tag, direction))

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                return

    def handle_data(self, data):
        if not ARABIC_LETTER.search(data):
            return
        for _tag, direction in reversed(self.open):
            if direction:
                if direction == "ltr":
                    self.found.append(data.strip())
                return


def forced_left_to_right(html):
    reader = ForcedLeftToRight()
    reader.feed(html)
    return reader.found


def in_language(language, text):
    with translation.override(language):
        return translation.gettext(text)


# -- mixed direction -----------------------------------------------------------------------------
@pytest.mark.parametrize("language", RTL)
def test_a_target_and_its_period_read_in_order_on_the_report_form(client, world, language):
    """The target "50 (الربع 2، 2022)" sat in a left-to-right box: the period's words and its
    number were read out of order. The figure and the period are runs of their own now."""
    report = draft(world)
    verified_login(client, world.reporter)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    html = client.get(reverse("reporting:edit", args=[report.pk])).content.decode()
    with translation.override(language):
        period = world.period.name
    assert ARABIC_LETTER.search(period)
    assert f'<bdi dir="ltr">50</bdi> (<bdi>{period}</bdi>)' in html
    assert forced_left_to_right(html) == []


@pytest.mark.parametrize("language", RTL)
def test_the_dashboards_force_no_arabic_text_left_to_right(client, world, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    verified_login(client, world.reviewer)
    pages = [
        reverse("analytics:indicator", args=[world.indicator.pk]),
        reverse("analytics:pillar", args=[world.activity.objective.pillar.code]),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert forced_left_to_right(response.content.decode()) == [], url


def test_a_code_or_a_person_s_words_are_isolated_in_python_strings():
    assert isolate("DOCX") == f"{FSI}DOCX{PDI}"
    assert isolate("") == ""
    assert isolate("4.1.1-a", rtl_only=True) == "4.1.1-a"  # English: plain
    with translation.override("ar"):
        assert isolate("4.1.1-a", rtl_only=True) == f"{FSI}4.1.1-a{PDI}"


@pytest.mark.parametrize("language", RTL)
def test_the_evidence_hint_lists_the_kinds_as_runs_of_their_own(client, world, language):
    """The hint read "PDF, JPEG, PNG, DOCX, XLSX، بحد أقصى…": Latin commas, and the codes as one
    left-to-right run from the wrong end of an Arabic sentence."""
    report = draft(world)
    verified_login(client, world.reporter)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    html = client.get(reverse("reporting:edit", args=[report.pk])).content.decode()
    kinds = "، ".join(f"{FSI}{kind}{PDI}" for kind in ("PDF", "JPEG", "PNG", "DOCX", "XLSX"))
    assert kinds in html
    assert "PDF, JPEG" not in html


def test_the_evidence_hint_stays_plain_in_english(client, world):
    report = draft(world)
    verified_login(client, world.reporter)
    html = client.get(reverse("reporting:edit", args=[report.pk])).content.decode()
    assert "PDF, JPEG, PNG, DOCX, XLSX, at most" in html


@pytest.mark.parametrize("language", RTL)
def test_the_follow_up_evidence_hint_is_in_the_page_s_language(language):
    """The hint was worked out once, in English, when the module was imported."""
    from followup.forms import AssessmentForm

    with translation.override(language):
        hint = str(AssessmentForm().fields["evidence"].help_text)
        assert hint.startswith(in_language(language, "Optional. %(kinds)s, at most %(size)s.")[:5])
        assert "Optional" not in hint and f"{FSI}PDF{PDI}، {FSI}JPEG{PDI}" in hint


@pytest.mark.parametrize("language", RTL)
def test_an_uploaded_file_s_name_is_isolated_in_the_message(language):
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from reporting.evidence import check_evidence

    with translation.override(language), pytest.raises(ValidationError) as refused:
        check_evidence(SimpleUploadedFile("تقرير 2024.exe", b"MZ\x90\x00"))
    assert f"{FSI}تقرير 2024.exe{PDI}" in refused.value.messages[0]


# -- the Arabic comma ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "PDF, JPEG, PNG"),
        ("ar", f"{FSI}PDF{PDI}، {FSI}JPEG{PDI}، {FSI}PNG{PDI}"),
        ("ckb", f"{FSI}PDF{PDI}، {FSI}JPEG{PDI}، {FSI}PNG{PDI}"),
    ],
)
def test_lists_are_joined_with_the_comma_of_the_language(language, expected):
    with translation.override(language):
        assert join_list(["PDF", "JPEG", "PNG"]) == expected


def test_the_template_filter_joins_and_escapes():
    template = Template("{% load text %}{{ items|join_list }}|{% list_separator %}")
    context = Context({"items": ["<b>", "a & b"]})
    assert template.render(context) == "&lt;b&gt;, a &amp; b|, "
    with translation.override("ar"):
        assert template.render(context) == f"{FSI}&lt;b&gt;{PDI}، {FSI}a &amp; b{PDI}|، "
        long = Template("{% load text %}{% list_separator long=True %}").render(Context())
        assert long == "؛ "


@pytest.mark.parametrize("language", RTL)
def test_the_people_counted_are_labelled_with_the_arabic_comma(client, world, language):
    report = draft(world)
    verified_login(client, world.reporter)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    html = client.get(reverse("reporting:edit", args=[report.pk])).content.decode()
    with translation.override(language):
        from reporting.models import AgeBand, Sex

        women, band = str(Sex.choices[0][1]), str(AgeBand.choices[0][1])
    assert f"{FSI}{women}{PDI}، {FSI}{band}{PDI}" in html
    assert f"{women}, {band}" not in html


@pytest.mark.parametrize("language", RTL)
def test_messages_that_list_codes_use_the_arabic_comma(language):
    from django.core.exceptions import ValidationError

    from indicators.carry_over import _pick

    with translation.override(language), pytest.raises(ValidationError) as refused:
        _pick([], ["1.1.1", "1.1.2"], "activities")
    message = refused.value.messages[0]
    assert f"{FSI}1.1.1{PDI}، {FSI}1.1.2{PDI}" in message and ", " not in message


# -- dates ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("language", RTL)
def test_gregorian_months_have_the_names_used_in_iraq(language):
    with translation.override(language):
        for number, name in enumerate(MONTHS[language], start=1):
            day = datetime.date(2024, number, 23)
            for letter in ("F", "E", "N", "b"):  # name, alternative, abbreviated, short
                assert formats.date_format(day, letter) == name, (letter, number)
        written = formats.date_format(datetime.date(2024, 11, 23))
    assert not any(wrong in written for wrong in NOT_IRAQ)
    expected = {"ar": "23 تشرين الثاني، 2024", "ckb": "23 تشرینی دووەم 2024"}[language]
    assert written == expected


@pytest.mark.parametrize("language", RTL)
def test_a_due_date_on_a_page_is_in_the_gregorian_month_used_in_iraq(client, world, language):
    draft(world)
    verified_login(client, world.reporter)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    html = client.get(reverse("reporting:my_work")).content.decode()
    assert f"30 {MONTHS[language][6]}" in html  # due 30 July 2099
    assert not any(wrong in html for wrong in [*NOT_IRAQ, "يوليو", "گەلاوێژ", "پووشپەڕ"])


# -- the admin's JavaScript ----------------------------------------------------------------------
def admin_js_catalogue(client):
    script = client.get(reverse("admin:jsi18n")).content.decode()
    return json.loads(re.search(r"const newcatalog = (\{.*?\});\n", script, re.S).group(1))


@pytest.mark.parametrize("language", RTL)
def test_the_admin_s_select_boxes_and_calendar_speak_the_language(client, world, language):
    verified_login(client, world.admin)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    catalogue = admin_js_catalogue(client)
    for text in (
        "Choose all %s",
        "Remove all %s",
        "Choose selected %s",
        "Remove selected %s",
        'Choose %s by selecting them and then select the "Choose" arrow button.',
        'Remove %s by selecting them and then select the "Remove" arrow button.',
        "Available %s",
        "Chosen %s",
        "Today",
        "Filter",
    ):
        assert catalogue.get(text, "").strip(), text
        assert not re.search(r"[A-Za-z]{3,}", catalogue[text].replace("%s", "")), text
    assert catalogue["November"] == MONTHS[language][10]
    assert catalogue["abbrev. month November\x04Nov"] == MONTHS[language][10]


@pytest.mark.parametrize("language", RTL)
def test_the_compiled_admin_js_catalogue_matches_its_source(language):
    folder = ROOT / "locale" / language / "LC_MESSAGES"
    po = polib.pofile(str(folder / "djangojs.po"))
    assert po.untranslated_entries() == [] and po.fuzzy_entries() == []
    mo = polib.mofile(str(folder / "djangojs.mo"))
    compiled = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in mo if e.msgid}
    source = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in po}
    assert {k: (s, {int(i): v for i, v in p.items()}) for k, (s, p) in compiled.items()} == {
        k: (s, {int(i): v for i, v in p.items()}) for k, (s, p) in source.items()
    }


# -- the language chosen on the login page -------------------------------------------------------
def test_the_language_chosen_on_the_login_page_wins_over_the_account_s(client, world):
    from accounts.models import User

    world.reporter.language = "ckb"
    world.reporter.save()
    client.post(reverse("set_language"), {"language": "ar", "next": "/accounts/login/"})
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ar"
    response = client.post(reverse("login"), {"username": "reporter", "password": "pass12345"})
    assert response.status_code == 302
    html = client.get(reverse("reporting:my_work")).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert User.objects.get(pk=world.reporter.pk).language == "ar"


def test_without_a_choice_before_signing_in_the_account_s_language_stays(client, world):
    from accounts.models import User

    world.reporter.language = "ckb"
    world.reporter.save()
    client.post(
        reverse("login"),
        {"username": "reporter", "password": "pass12345"},
        HTTP_ACCEPT_LANGUAGE="ar",
    )
    html = client.get(reverse("reporting:my_work"), HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert '<html lang="ckb" dir="rtl">' in html
    assert User.objects.get(pk=world.reporter.pk).language == "ckb"


@pytest.mark.parametrize("language", RTL)
def test_the_reminder_e_mail_writes_the_period_and_due_date_as_one_phrase(
    world, mailoutbox, language
):
    """It read "(الربع 2، 2022, مستحق 30 …)": a Latin comma, the words in English order."""
    import io

    from django.core.management import call_command

    world.reporter.language = language
    world.reporter.save()
    call_command("send_reminders", "--days", "36500", stdout=io.StringIO())
    (mine,) = [m for m in mailoutbox if m.to == ["reporter@example.org"]]
    with translation.override(language):
        phrase = translation.gettext("%(period)s, due %(due)s") % {
            "period": world.period.name,
            "due": formats.date_format(world.period.due_date),
        }
    assert f"({phrase})" in mine.body and ", " not in mine.body


@pytest.mark.parametrize("language", RTL)
def test_the_people_reached_on_a_report_are_listed_with_the_arabic_comma(client, world, language):
    from reporting.models import AgeBand, Sex
    from tests.reporting_helpers import complete

    report = complete(world, draft(world))
    verified_login(client, world.reporter)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    html = client.get(reverse("reporting:report", args=[report.pk])).content.decode()
    with translation.override(language):
        women, band = str(Sex("female").label), str(AgeBand("18-29").label)
    assert f"{women}، {band}:" in html and f"{women}, {band}" not in html


@pytest.mark.parametrize("language", RTL)
def test_an_indicator_code_in_the_report_s_changes_keeps_its_order(client, world, language):
    """ "4.1.1-a (وطني)" read "a-4.1.1 (وطني)" in the table of changes."""
    from tests.reporting_helpers import complete

    report = complete(world, draft(world))
    verified_login(client, world.reporter)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    html = client.get(reverse("reporting:report", args=[report.pk])).content.decode()
    assert f"{FSI}1.1.1-a{PDI} (" in html
