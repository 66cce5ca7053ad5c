"""The plan's activities as an IATI 2.03 activity file (https://iatistandard.org/en/iati-standard/203/),
the format in which donors and agencies (UN Women, the EU; Akvo RSR's projects) exchange what
they fund and what it achieved.

One file, the same for every reader: it is what the Directorate publishes, so it holds the
published plans only, and the figures of protection and GBV indicators as visitors see them
(analytics/disclosure.py), whoever downloads it. Per published plan:

- the plan itself, an activity of hierarchy 1, with the outcome indicators of its objectives
  as results (type 2, one per objective);
- each of its activities, of hierarchy 2 (related-activity type 1 names the plan), with
  participating organisations (lead and implementing entities: implementing; funders:
  funding; the plan's owner: accountable), status, planned dates, Iraq as the recipient
  country, its governorates as locations, a DAC sector by pillar, the gender-equality policy
  marker, budgets, planned disbursements and transactions from its funding lines, and its
  output indicators as one result (type 1): baseline, and per reporting period the targets
  and the approved figures, nationally and by governorate.

Element order follows the schema (analytics/iati_schema/, the official XSD, which the tests
validate every file against), as do the rules of the IATI ruleset that the schema cannot
check: a start date on every activity, sectors on the activity and never on transactions,
a recipient country and no region, sector percentages summing to 100 per vocabulary.

Built in a fixed number of queries whatever the number of activities (tests/analytics/
test_iati.py counts them)."""

import datetime
import re
from decimal import Decimal
from types import SimpleNamespace

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone
from lxml import etree

from analytics import disclosure
from analytics.models import IndicatorFigure
from analytics.selectors import current_generation
from governorates.models import Governorate
from indicators.models import Indicator, ReportingPeriod, Target
from policy.models import (
    Activity,
    ActivityPartner,
    Currency,
    Entity,
    Funding,
    Objective,
    Policy,
)

VERSION = "2.03"
CONTENT_TYPE = "application/xml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
COUNTRY = "IQ"  # the recipient country of every activity (ISO 3166-1 alpha-2)

# The plan's languages as IATI writes them: its Language codelist is ISO 639-1, where
# Sorani Kurdish (ckb, ISO 639-3) has no code of its own and is "ku", Kurdish.
LANGUAGES = {"en": "en", "ar": "ar", "ckb": "ku"}
DEFAULT_LANGUAGE = "en"  # the activities' xml:lang: a narrative without one is English

# Activity.Status -> IATI ActivityStatus: 1 pipeline, 2 implementation, 3 finalisation,
# 4 closed, 5 cancelled. A delayed activity is still being implemented; a completed one is
# in finalisation while its plan runs (reports and evaluation still come), closed after.
ACTIVITY_STATUS = {
    Activity.Status.PLANNED: "1",
    Activity.Status.IN_PROGRESS: "2",
    Activity.Status.DELAYED: "2",
    Activity.Status.COMPLETED: "3",
    Activity.Status.CANCELLED: "5",
}
PLAN_STATUS = {Policy.Status.DRAFT: "1", Policy.Status.ACTIVE: "2", Policy.Status.CLOSED: "4"}

# The DAC 5-digit sector (vocabulary 1) of each pillar's activities, 100% each; the pillar
# itself is a second sector, in the reporting organisation's vocabulary (99).
DEFAULT_SECTOR = "15170"  # Women's rights organisations and movements, and government institutions
PILLAR_SECTORS = {
    "protection": "15180",  # Ending violence against women and girls
}

# Entity.Kind -> IATI OrganisationType (10 government, 11 local government, 15 other public
# sector, 21 international NGO, 24 partner-country-based NGO, 40 multilateral, 70 private
# sector, 72 private sector in the aid recipient country). A donor's type is unknown: none.
ORGANISATION_TYPES = {
    Entity.Kind.MINISTRY: "10",
    Entity.Kind.DIRECTORATE: "10",
    Entity.Kind.PARLIAMENT: "10",
    Entity.Kind.GOVERNORATE_OFFICE: "11",
    Entity.Kind.COMMISSION: "15",
    Entity.Kind.UN_AGENCY: "40",
}
NGO_KINDS = {Entity.Kind.CSO, Entity.Kind.CBO, Entity.Kind.NETWORK}

# ActivityPartner.Role -> IATI OrganisationRole (1 funding, 4 implementing). Supporting and
# monitoring partners have no IATI role and are left out.
PARTNER_ROLES = {ActivityPartner.Role.IMPLEMENTING: "4", ActivityPartner.Role.FUNDING: "1"}
FUNDING, ACCOUNTABLE, IMPLEMENTING = "1", "2", "4"

# Indicator.Unit -> IATI IndicatorMeasure (1 unit, 2 percentage, 3 nominal, 5 qualitative).
MEASURES = {
    Indicator.Unit.NUMBER: "1",
    Indicator.Unit.AMOUNT: "1",
    Indicator.Unit.PERCENT: "2",
    Indicator.Unit.YES_NO: "3",
    Indicator.Unit.TEXT: "5",
}
QUALITATIVE = "5"

# What the reporting organisation's identifier may not hold (IATI: no spaces, /, &, |, ?).
_NOT_IN_IDENTIFIER = re.compile(r"[\s/&|?]+")
# Letters of Sorani Kurdish that Arabic does not use: a free text field in them is Kurdish.
_KURDISH_LETTERS = re.compile("[ڕێۆڵەھ]")
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")
# Characters XML 1.0 cannot hold (lxml refuses them): controls but tab and line breaks, lone
# surrogates, U+FFFE and U+FFFF. Free text from a spreadsheet can carry them.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def reporting_org() -> dict:
    """The publisher: IATI_REPORTING_ORG_REF (its organisation identifier) and _TYPE."""
    return {"ref": settings.IATI_REPORTING_ORG_REF, "type": settings.IATI_REPORTING_ORG_TYPE}


def published_plans():
    return Policy.objects.published().select_related("owner").order_by("-start_year", "code")


def filename(policy=None) -> str:
    return f"iati-activities-{policy.code}.xml" if policy is not None else "iati-activities.xml"


def activities_file(policies) -> bytes:
    """The IATI activity file (UTF-8 bytes) of these plans, which must be published ones: the
    caller chooses them (published_plans()). At least one plan."""
    policies = list(policies)
    data = _read(policies)
    root = etree.Element(
        "iati-activities",
        {"version": VERSION, "generated-datetime": timezone.now().isoformat(timespec="seconds")},
    )
    for policy in policies:
        root.append(_plan_activity(policy, data))
        for activity in data.activities.get(policy.pk, []):
            root.append(_activity(policy, activity, data))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


# -- reading, in a fixed number of queries -----------------------------------------------------


def _read(policies) -> SimpleNamespace:
    """Everything the file holds, read once for all the plans."""
    data = SimpleNamespace()
    ids = [p.pk for p in policies]
    activities = (
        Activity.objects.filter(objective__policy__in=ids)
        .select_related("objective__pillar", "lead_entity")
        .prefetch_related(
            "governorates",
            "target_groups",
            Prefetch(
                "partnerships",
                queryset=ActivityPartner.objects.select_related("entity").order_by(
                    "entity__name_en", "pk"
                ),
            ),
            Prefetch(
                "funding_lines",
                queryset=Funding.objects.select_related("source_type", "funder").order_by(
                    "year", "source_type__order", "pk"
                ),
            ),
        )
        .order_by("code", "pk")
    )
    data.activities = {}
    for activity in activities:
        data.activities.setdefault(activity.objective.policy_id, []).append(activity)
    data.objectives = {
        o.pk: o for o in Objective.objects.filter(policy__in=ids).select_related("pillar")
    }
    indicators = list(Indicator.objects.filter(policy__in=ids).order_by("code", "pk"))
    data.by_activity, data.by_objective = {}, {}
    for indicator in indicators:
        if indicator.activity_id:
            data.by_activity.setdefault(indicator.activity_id, []).append(indicator)
        else:
            data.by_objective.setdefault(indicator.objective_id, []).append(indicator)
    data.periods = {}
    for period in ReportingPeriod.objects.filter(policy__in=ids).order_by("start_date", "pk"):
        data.periods.setdefault(period.policy_id, []).append(period)
    targets = Target.objects.filter(indicator__policy__in=ids).values_list(
        "indicator_id", "period_id", "governorate_id", "value"
    )
    # (indicator id, period id) -> {"target" | "actual": [(governorate id or None, value)]}
    data.cells, data.places = {}, {}
    actuals = _figures(ids, indicators, data.periods)
    for kind, source in (
        ("target", [((i, p, g), value) for i, p, g, value in targets]),
        ("actual", actuals.items()),
    ):
        for (indicator_id, period_id, governorate_id), value in source:
            cells = data.cells.setdefault((indicator_id, period_id), {"target": [], "actual": []})
            cells[kind].append((governorate_id, value))
            if governorate_id is not None:
                data.places.setdefault(indicator_id, set()).add(governorate_id)
    data.governorates = {g.pk: g for g in Governorate.objects.all()}
    return data


def _figures(policy_ids, indicators, periods_by_policy) -> dict:
    """{(indicator id, period id, governorate id or None): the approved figure a visitor may
    see}: every period figure (analytics/figures.py, approved values only), those of sensitive
    indicators through disclosure control, hidden cells left out."""
    national, places, unplaced, figures = {}, {}, {}, {}
    sensitive = {i.pk for i in indicators if i.is_sensitive}
    rows = IndicatorFigure.objects.filter(
        generation=current_generation(), indicator__policy__in=policy_ids
    ).values_list("indicator_id", "period_id", "governorate_id", "unplaced", "value")
    for indicator_id, period_id, governorate_id, is_unplaced, value in rows:
        key = (indicator_id, period_id)
        if is_unplaced:  # what nation-wide reports gave: never shown
            unplaced[key] = value
            continue
        if indicator_id not in sensitive:
            figures[(indicator_id, period_id, governorate_id)] = value
        elif governorate_id is None:
            national[key] = value
        else:
            places.setdefault(key, {})[governorate_id] = value
    released = disclosure.protect(
        [i for i in indicators if i.pk in sensitive], periods_by_policy, national, places, unplaced
    )
    for indicator_id, item in released.items():
        for period_id, governorate_id in item.cells:
            shown = item.cell(period_id, governorate_id)
            if not shown.hidden and shown.value is not None:
                figures[(indicator_id, period_id, governorate_id)] = shown.value
    return figures


# -- writing ------------------------------------------------------------------------------------


def _sub(parent, tag, **attributes):
    return etree.SubElement(parent, tag, {k.replace("_", "-"): v for k, v in attributes.items()})


def _narratives(parent, texts):
    """<narrative> children, one per language that has a text: {language: text}."""
    for language, text in texts.items():
        if not text:
            continue
        narrative = _sub(parent, "narrative")
        narrative.text = _NOT_IN_XML.sub("", text)
        if language != DEFAULT_LANGUAGE:
            narrative.set(XML_LANG, language)


def _translations(obj, field) -> dict:
    """{IATI language: text} of a three-language field (core.i18n)."""
    return {LANGUAGES[c]: getattr(obj, f"{field}_{c}", "") for c in LANGUAGES}


def _free_text(text) -> dict:
    """{IATI language: text} of a field written in one language, which it is written in: Arabic
    script with Kurdish letters is Kurdish, without them Arabic; anything else English."""
    if not text:
        return {}
    if _KURDISH_LETTERS.search(text):
        return {LANGUAGES["ckb"]: text}
    if _ARABIC_SCRIPT.search(text):
        return {"ar": text}
    return {DEFAULT_LANGUAGE: text}


def _coded(objective) -> dict:
    """{IATI language: "2.3 <the objective's title>"}."""
    return {k: f"{objective.code} {v}" for k, v in _translations(objective, "title").items() if v}


def _joined(names, separator="; ") -> dict:
    """{IATI language: the names of NameTranslations rows, joined}."""
    return {
        LANGUAGES[c]: separator.join(getattr(n, f"name_{c}") or n.name_en for n in names)
        for c in LANGUAGES
    }


def identifier(policy, activity=None) -> str:
    """<reporting org ref>-<plan code>[-<activity code>]: activity codes repeat across plans
    (carried over), so the plan's code is part of it."""
    parts = [settings.IATI_REPORTING_ORG_REF, policy.code]
    if activity is not None:
        parts.append(activity.code)
    return _NOT_IN_IDENTIFIER.sub("-", "-".join(parts))


def _number(value) -> str:
    """A decimal as IATI takes it: plain digits, at most 4 decimals, no trailing zeros."""
    value = Decimal(value).quantize(Decimal("0.0001"))
    return format(value.normalize(), "f") if value else "0"


def _organisation_type(entity):
    if entity.kind in NGO_KINDS:
        return "21" if entity.level == Entity.Level.INTERNATIONAL else "24"
    if entity.kind == Entity.Kind.PRIVATE:
        return "70" if entity.level == Entity.Level.INTERNATIONAL else "72"
    return ORGANISATION_TYPES.get(entity.kind)


def _organisation(parent, tag, entity, policy=None, **attributes):
    """An organisation element (participating-org, provider-org ...) for an entity: its type,
    its names; the reporting organisation's identifier when it is the plan's owner."""
    element = _sub(parent, tag, **attributes)
    if policy is not None and entity.pk == policy.owner_id:
        element.set("ref", settings.IATI_REPORTING_ORG_REF)
    kind = _organisation_type(entity)
    if kind:
        element.set("type", kind)
    _narratives(element, _translations(entity, "name"))
    return element


def _publisher_names(policy) -> dict:
    """The reporting organisation's names: the plan owner's, or IATI_REPORTING_ORG_NAME."""
    if policy.owner is not None:
        return _translations(policy.owner, "name")
    return {DEFAULT_LANGUAGE: settings.IATI_REPORTING_ORG_NAME}


def _start(policy, title, activity=None):
    """An <iati-activity> with what every activity starts with: identifier, reporting
    organisation, title. The plan (no `activity`) is of hierarchy 1, its activities of 2."""
    element = etree.Element("iati-activity")
    element.set(XML_LANG, DEFAULT_LANGUAGE)
    element.set("default-currency", activity.currency if activity else Currency.IQD.value)
    element.set("hierarchy", "1" if activity is None else "2")
    _sub(element, "iati-identifier").text = identifier(policy, activity)
    _narratives(_sub(element, "reporting-org", **reporting_org()), _publisher_names(policy))
    _narratives(_sub(element, "title"), title)
    return element


def _dates(element, start, end):
    _sub(element, "activity-date", type="1", iso_date=start.isoformat())  # planned start
    _sub(element, "activity-date", type="3", iso_date=end.isoformat())  # planned end


def _country(element, scope):
    _sub(element, "activity-scope", code=scope)
    _sub(element, "recipient-country", code=COUNTRY, percentage="100")


def _locations(element, governorate_ids, data):
    """<location ref="IQ-BG"> per governorate: the activity takes place there (reach 1), a
    first-order administrative division (class 1, ADM1)."""
    places = sorted((data.governorates[g] for g in governorate_ids), key=lambda g: g.code)
    for governorate in places:
        location = _sub(element, "location", ref=governorate.code)
        _sub(location, "location-reach", code="1")
        _narratives(_sub(location, "name"), _translations(governorate, "name"))
        _sub(location, "location-class", code="1")
        _sub(location, "feature-designation", code="ADM1")


def _sectors(element, pillars):
    """One DAC sector per pillar and the pillars themselves (vocabulary 99), the percentages
    of each vocabulary summing to 100 (a plan without objectives yet: the default sector)."""
    dac = {}
    for pillar in pillars:
        code = PILLAR_SECTORS.get(pillar.code, DEFAULT_SECTOR)
        dac[code] = dac.get(code, 0) + 1
    by_code = {p.code: p for p in pillars}
    for shares, vocabulary in (
        (dac or {DEFAULT_SECTOR: 1}, "1"),
        (dict.fromkeys(by_code, 1), "99"),
    ):
        for code, percentage in _percentages(shares).items():
            sector = _sub(element, "sector", vocabulary=vocabulary, code=code)
            sector.set("percentage", percentage)
            if vocabulary == "99":
                _narratives(sector, _translations(by_code[code], "name"))


def _percentages(shares) -> dict:
    """{code: percentage as text} in proportion to `shares`, with 2 decimals, summing to
    exactly 100 (the last one takes the rounding)."""
    if not shares:
        return {}
    total, result, given = sum(shares.values()), {}, Decimal(0)
    codes = sorted(shares)
    for code in codes[:-1]:
        part = (Decimal(100) * shares[code] / total).quantize(Decimal("0.01"))
        result[code], given = _number(part), given + part
    result[codes[-1]] = _number(Decimal(100) - given)
    return result


def _gender_marker(element):
    """OECD DAC gender-equality marker (vocabulary 1, code 1), significance 2: the principal
    objective, as the whole plan is for the empowerment of women."""
    _sub(element, "policy-marker", vocabulary="1", code="1", significance="2")


def _plan_activity(policy, data):
    title = _translations(policy, "title")
    element = _start(policy, title)
    description = policy.description
    _narratives(_sub(element, "description", type="1"), _free_text(description) or title)
    if policy.owner is not None:
        _organisation(element, "participating-org", policy.owner, policy, role=ACCOUNTABLE)
    else:
        org = _sub(element, "participating-org", role=ACCOUNTABLE, **reporting_org())
        _narratives(org, _publisher_names(policy))
    _sub(element, "activity-status", code=PLAN_STATUS.get(policy.status, "2"))
    _dates(element, datetime.date(policy.start_year, 1, 1), datetime.date(policy.end_year, 12, 31))
    _country(element, "4")
    objectives = sorted(
        (
            o
            for o in data.objectives.values()
            if o.policy_id == policy.pk and o.pk in data.by_objective
        ),
        key=lambda o: o.code,
    )
    results = [(o, data.by_objective[o.pk]) for o in objectives]
    outcome_indicators = [i for _o, indicators in results for i in indicators]
    _locations(element, _result_places(outcome_indicators, data), data)
    pillars = {o.pillar.pk: o.pillar for o in data.objectives.values() if o.policy_id == policy.pk}
    _sectors(element, sorted(pillars.values(), key=lambda p: p.number))
    _gender_marker(element)
    for objective, indicators in results:
        result = _sub(element, "result", type="2", aggregation_status="0")
        _narratives(_sub(result, "title"), _coded(objective))
        for indicator in indicators:
            _indicator(result, indicator, policy, data)
    return element


def _activity(policy, activity, data):
    element = _start(policy, _translations(activity, "title"), activity)
    _descriptions(element, activity)
    _participants(element, policy, activity)
    status = ACTIVITY_STATUS.get(activity.status, "2")
    if status == "3" and policy.status == Policy.Status.CLOSED:
        status = "4"
    _sub(element, "activity-status", code=status)
    _dates(element, activity.start_date, activity.end_date)
    listed = {g.pk for g in activity.governorates.all()}
    _country(element, _scope(activity, listed))
    indicators = data.by_activity.get(activity.pk, [])
    places = listed if not activity.is_nationwide else set()
    _locations(element, places | _result_places(indicators, data), data)
    _sectors(element, [activity.objective.pillar])
    _gender_marker(element)
    _money(element, policy, activity)
    _sub(element, "related-activity", ref=identifier(policy), type="1")  # its parent, the plan
    if indicators:
        result = _sub(element, "result", type="1", aggregation_status="0")
        _narratives(_sub(result, "title"), _translations(activity, "title"))
        for indicator in indicators:
            _indicator(result, indicator, policy, data)
    return element


def _scope(activity, listed) -> str:
    """IATI ActivityScope: 4 national (nation-wide, or no governorate named), 6 one
    governorate (a first-level administrative area), 5 several."""
    if activity.is_nationwide or not listed:
        return "4"
    return "6" if len(listed) == 1 else "5"


def _descriptions(element, activity):
    """General (1): the activity's own description, or its title; objectives (2): the plan's
    objective it serves; target groups (3): the groups it is for."""
    general = _free_text(activity.description) or _translations(activity, "title")
    _narratives(_sub(element, "description", type="1"), general)
    _narratives(_sub(element, "description", type="2"), _coded(activity.objective))
    groups = list(activity.target_groups.all())
    if groups:
        _narratives(_sub(element, "description", type="3"), _joined(groups))


def _participants(element, policy, activity):
    """Funding (funders of its lines, funding partners), accountable (the plan's owner),
    implementing (the lead entity, implementing partners); each entity once per role."""
    seen = set()

    def add(entity, role):
        if entity is not None and (entity.pk, role) not in seen:
            seen.add((entity.pk, role))
            _organisation(element, "participating-org", entity, policy, role=role)

    for line in activity.funding_lines.all():
        add(line.funder, FUNDING)
    for partnership in activity.partnerships.all():
        if PARTNER_ROLES.get(partnership.role) == FUNDING:
            add(partnership.entity, FUNDING)
    add(policy.owner, ACCOUNTABLE)
    add(activity.lead_entity, IMPLEMENTING)
    for partnership in activity.partnerships.all():
        if PARTNER_ROLES.get(partnership.role) == IMPLEMENTING:
            add(partnership.entity, IMPLEMENTING)


def _money(element, policy, activity):
    """From the funding lines, which give a year, not a date: the budget of each year (1
    January to 31 December; original, indicative), when that year's lines are in one currency
    (IATI's budgets of one type may not overlap, and a value has one currency); a planned
    disbursement per line (planned amount, its funder); a commitment (type 2) and a
    disbursement (type 3) per line with such an amount, dated 1 January of its year or today,
    whichever is earlier (a transaction is never in the future)."""
    lines = list(activity.funding_lines.all())
    by_year = {}
    for line in lines:
        by_year.setdefault(line.year, []).append(line)
    for year, year_lines in sorted(by_year.items()):
        currencies = {line.currency for line in year_lines}
        planned = sum((line.planned for line in year_lines), Decimal(0))
        if len(currencies) != 1 or not planned:
            continue
        start = datetime.date(year, 1, 1)
        budget = _sub(element, "budget", type="1", status="1")
        _sub(budget, "period-start", iso_date=start.isoformat())
        _sub(budget, "period-end", iso_date=datetime.date(year, 12, 31).isoformat())
        _value(budget, planned, currencies.pop(), start)
    for line in lines:
        if not line.planned:
            continue
        start = datetime.date(line.year, 1, 1)
        planned = _sub(element, "planned-disbursement", type="1")
        _sub(planned, "period-start", iso_date=start.isoformat())
        _sub(planned, "period-end", iso_date=datetime.date(line.year, 12, 31).isoformat())
        _value(planned, line.planned, line.currency, start)
        if line.funder is not None:
            _organisation(planned, "provider-org", line.funder, policy)
    today = timezone.localdate()
    for line in lines:
        for code, amount in (("2", line.committed), ("3", line.disbursed)):
            if not amount:
                continue
            when = min(datetime.date(line.year, 1, 1), today)
            transaction = _sub(element, "transaction")
            _sub(transaction, "transaction-type", code=code)
            _sub(transaction, "transaction-date", iso_date=when.isoformat())
            _value(transaction, amount, line.currency, when)
            _narratives(_sub(transaction, "description"), _translations(line.source_type, "name"))
            if line.funder is not None:
                _organisation(transaction, "provider-org", line.funder, policy)
            _organisation(transaction, "receiver-org", activity.lead_entity, policy)


def _value(parent, amount, currency, when):
    value = _sub(parent, "value", currency=currency, value_date=when.isoformat())
    value.text = _number(amount)


def _result_places(indicators, data) -> set:
    """The governorates the indicators' targets and figures name (each needs a <location>)."""
    return {g for i in indicators for g in data.places.get(i.pk, ())}


def _indicator(result, indicator, policy, data):
    """An indicator: measure, direction, title, definition, its code (vocabulary 99), the
    baseline, and each period that has a target or an approved figure: national ones without
    a location, a governorate's with its <location ref>."""
    measure = MEASURES.get(indicator.unit, "1")
    element = _sub(result, "indicator", measure=measure)
    if measure != QUALITATIVE:
        element.set("ascending", "0" if indicator.direction == "decrease" else "1")
    _narratives(_sub(element, "title"), _translations(indicator, "title"))
    if indicator.definition:
        _narratives(_sub(element, "description"), _free_text(indicator.definition))
    _sub(element, "reference", vocabulary="99", code=indicator.code)
    if measure == QUALITATIVE:
        return  # a text indicator has no numbers
    if indicator.baseline_year:  # IATI requires the year
        baseline = _sub(element, "baseline", year=str(indicator.baseline_year))
        if indicator.baseline_value is not None:
            baseline.set("value", _number(indicator.baseline_value))
    for period in data.periods.get(policy.pk, []):
        cells = data.cells.get((indicator.pk, period.pk))
        if cells is None:
            continue
        element_period = _sub(element, "period")
        _sub(element_period, "period-start", iso_date=period.start_date.isoformat())
        _sub(element_period, "period-end", iso_date=period.end_date.isoformat())
        for kind in ("target", "actual"):
            # the national value first, then the governorates by code
            for governorate_id, value in sorted(cells[kind], key=lambda c: _place_order(c, data)):
                cell = _sub(element_period, kind, value=_number(value))
                if governorate_id is not None:
                    _sub(cell, "location", ref=data.governorates[governorate_id].code)


def _place_order(cell, data):
    governorate_id = cell[0]
    return (0, "") if governorate_id is None else (1, data.governorates[governorate_id].code)
