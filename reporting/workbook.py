"""The report workbook: every report a person owes in a period, in one XLSX to fill in offline
(in Excel, LibreOffice or a program) and upload again.

Two scopes. "mine": a reporter's workbook, one row per report slot the person owes
(selectors.owed: activity x entity, and governorate where a membership says so) and the
reports returned to them in that period. "all": the Directorate's, every slot of the period
across entities (reviewers only), for an import of values from elsewhere (a ministry's
statistics).

Sheet "reports": one row per slot, pre-filled with the plan's codes and titles in the reader's
language, the report's status and version, and the narrative fields (activity status,
percent complete, achievements, challenges, next steps) to fill in. Sheet "values": one row
per indicator x governorate cell of each slot (selectors.value_grid: the web form's cells),
with unit, target and last approved value, and the value to fill in. Rows of reports that
cannot change (submitted, approved) are locked. The hidden "about" sheet names the period
and the scope.

Uploading: `check_workbook` reads every cell, compares each report with what the portal holds
now and says per report what would happen (new, changed, unchanged, refused and why, naming the
cell), writing nothing; `save_workbook` does the same and then saves through
reporting.services.reports_bulk_save: all or nothing, every change in the history. A report
changed in the portal since the workbook was made (its version moved) is refused as a
conflict, an approved or submitted one is refused if the file changes it.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch
from django.utils import translation
from django.utils.translation import gettext as _

from accounts import roles
from core.templatetags.numbers import plain_number
from core.workbook import (
    Check,
    Column,
    WorkbookRefused,
    WorkbookWriter,
    read_workbook,
)
from indicators.models import PERCENT_RANGE, VALUE_MIN, Indicator, ReportingPeriod, value_range
from policy.models import Activity, ActivityPartner
from reporting import permissions, selectors, services
from reporting.models import TEXT_LIMIT, ProgressReport, ReportStatus

KIND = "report-workbook"
VERSION = 1
SCOPES = ("mine", "all")
# How many reports the result of a check lists one by one (the counts cover them all).
LISTED = 2000
# How many reasons a refused save names (a national file may refuse thousands of reports).
REFUSALS_LISTED = 5000

VERSION_CHECK = Check.integer(minimum=1, maximum=2**31 - 1)
NARRATIVE = ("activity_status", "percent_complete", "achievements", "challenges", "next_steps")


def may_use(user, scope) -> bool:
    if scope == "all":
        return roles.is_reviewer(user)
    return roles.is_reporter(user)


def periods_for(user, scope="mine") -> list[ReportingPeriod]:
    """The periods a workbook can be made for: the open ones, and (a reporter's) those
    holding a report returned to the person."""
    periods = {p.pk: p for p in selectors.open_periods()}
    if scope == "mine":
        for report in selectors.returned_elsewhere(user, exclude_periods=list(periods.values())):
            periods.setdefault(report.period_id, report.period)
    return sorted(periods.values(), key=lambda p: (p.start_date, p.policy_id, p.label))


def slots_for(user, period, scope="mine") -> list[selectors.Slot]:
    """The report slots of the workbook, in plan order, each with its report when started."""
    if scope == "all":
        slots = _all_slots(period)
    else:
        slots = []
        if period.status == ReportingPeriod.Status.OPEN:
            slots = [
                selectors.Slot(activity, m.entity, m.governorate, period)
                for activity, m, _period in selectors.owed(user, [period])
            ]
        keys = {s.key for s in slots}
        for report in selectors.returned_elsewhere(user, period=period):
            slot = selectors.Slot(report.activity, report.entity, report.governorate, period)
            if slot.key not in keys:
                slots.append(slot)
                keys.add(slot.key)
    if slots:
        reports = ProgressReport.objects.filter(
            period=period, entity_id__in={s.entity.pk for s in slots}
        )
        by_key = {(r.activity_id, r.entity_id, r.governorate_id, r.period_id): r for r in reports}
        for slot in slots:
            slot.report = by_key.get(slot.key)
    slots.sort(
        key=lambda s: (
            s.activity.code,
            s.entity.code,
            s.governorate.code if s.governorate else "",
        )
    )
    return slots


def _all_slots(period):
    """Every slot of the period: each entity leading or implementing each activity that runs in
    it (for the whole country), and every report already started in it."""
    activities = (
        Activity.objects.filter(
            objective__policy_id=period.policy_id,
            start_date__lte=period.end_date,
            end_date__gte=period.start_date,
        )
        .exclude(status=Activity.Status.CANCELLED)
        .select_related("objective", "lead_entity")
        .prefetch_related(
            "governorates",
            Prefetch("partnerships", ActivityPartner.objects.select_related("entity")),
        )
    )
    activities = {a.pk: a for a in activities}
    slots = {}
    for activity in activities.values():
        # The entities that report on it (Activity.is_owed_by): its lead, reporting partners.
        reporting = (activity.lead_entity, *(p.entity for p in activity.reporting_partnerships()))
        for entity in reporting:
            slot = selectors.Slot(activity, entity, None, period)
            slots.setdefault(slot.key, slot)
    for report in (
        ProgressReport.objects.filter(period=period)
        .select_related("activity__objective", "activity__lead_entity", "entity", "governorate")
        .prefetch_related("activity__governorates")
    ):
        activity = activities.get(report.activity_id, report.activity)
        slot = selectors.Slot(activity, report.entity, report.governorate, period)
        slots.setdefault(slot.key, slot)
    return list(slots.values())


# -- writing ------------------------------------------------------------------------------------
def _choices(choices):
    """A Check of choices with their labels in the reader's language, and taking the labels of
    the other languages too (a workbook passed from an Arabic to an English colleague)."""
    aliases = []
    for code in ("en", "ar", "ckb"):
        with translation.override(code):
            aliases.extend((value, str(label)) for value, label in choices)
    return Check.choice([(value, str(label)) for value, label in choices], aliases=aliases)


def _status_check():
    return _choices(Activity.Status.choices)


def _yes_no_check():
    return _choices([("1", _("Yes")), ("0", _("No"))])


def _value_check(indicator):
    if indicator.unit == Indicator.Unit.YES_NO:
        return _yes_no_check()
    minimum, maximum = value_range(indicator.unit)
    return Check.number(minimum=minimum, maximum=maximum, decimals=services.VALUE_DECIMALS)


def _percent_check():
    return Check.integer(minimum=PERCENT_RANGE[0], maximum=PERCENT_RANGE[1])


def _report_columns():
    return [
        Column("activity", _("Activity"), width=10),
        Column("activity_title", _("Activity title"), width=40, wrap=True),
        Column("entity", _("Entity"), width=12),
        Column("entity_name", _("Entity name"), width=24, wrap=True),
        Column("report_governorate", _("Reporting for"), width=14),
        Column("status", _("Report status"), width=16),
        Column("version", _("Version"), width=8),
        Column("activity_status", _("Activity status"), width=16, check=_status_check()),
        Column(
            "percent_complete",
            _("Percent complete"),
            width=10,
            check=_percent_check(),
        ),
        Column(
            "achievements",
            _("Achievements"),
            width=50,
            wrap=True,
            check=Check.text(max_length=TEXT_LIMIT),
        ),
        Column("challenges", _("Challenges"), width=40, wrap=True, check=Check.text(TEXT_LIMIT)),
        Column("next_steps", _("Next steps"), width=40, wrap=True, check=Check.text(TEXT_LIMIT)),
    ]


def _value_columns():
    return [
        Column("activity", _("Activity"), width=10),
        Column("entity", _("Entity"), width=12),
        Column("report_governorate", _("Reporting for"), width=14),
        Column("version", _("Version"), width=8),
        Column("indicator", _("Indicator"), width=12),
        Column("indicator_title", _("Indicator title"), width=44, wrap=True),
        Column("governorate", _("Governorate"), width=14),
        Column("unit", _("Unit"), width=12),
        Column("target", _("Target"), width=10),
        Column("last_approved", _("Last approved value"), width=12),
        Column("value", _("Value"), width=12, check=Check.number(minimum=VALUE_MIN)),
        # "Yes" when the figure cannot be had (the value is then empty), and why.
        Column("not_available", _("Not available"), width=12, check=_yes_no_check()),
        Column(
            "note",
            _("Why not available"),
            width=30,
            wrap=True,
            check=Check.text(services.NOTE_LIMIT),
        ),
    ]


def _place(governorate):
    return governorate.code if governorate else ""


def _place_name(governorate):
    return f"{governorate.code} {governorate.name}" if governorate else _("National")


def editable(user, slot, scope) -> bool:
    report = slot.report
    if report is not None and not report.is_editable:
        return False
    if scope == "all":
        return True
    return permissions.can_report(
        user, slot.activity, slot.entity.pk, slot.governorate.pk if slot.governorate else None
    )


def _number(value):
    """A Decimal as written to a cell. A spreadsheet's numbers are floating point, exact to 15
    digits: a value with more (12345678901234.5678) is written as text, which the reader takes
    as the same number, so that an untouched file never reads as a change."""
    if value is None:
        return None
    value = value.normalize()
    if len(value.as_tuple().digits) > 15:
        return plain_number(value)
    return int(value) if value == value.to_integral_value() else value


def write_workbook(user, period, scope="mine", target=None):
    """The workbook of `period` for `user` (bytes, or written to `target`)."""
    if scope not in SCOPES or not may_use(user, scope):
        raise PermissionError(scope)
    slots = slots_for(user, period, scope)
    grid = selectors.value_grid(slots)
    book = WorkbookWriter(
        kind=KIND,
        version=VERSION,
        plan=period.policy.code,
        details={"period": period.label, "scope": scope},
    )
    reports = book.add_sheet("reports", _("Reports"), _report_columns())
    values = book.add_sheet("values", _("Values"), _value_columns())
    status_names = dict(ReportStatus.choices)
    status_check = _status_check()
    status_labels = dict(status_check.choices)
    yes_no = dict(_yes_no_check().choices)
    units = {value: str(label) for value, label in Indicator.Unit.choices}
    checks = {}
    for slot in slots:
        report = slot.report
        open_ = editable(user, slot, scope)
        key = {
            "activity": slot.activity.code,
            "entity": slot.entity.code,
            "report_governorate": _place(slot.governorate),
            "version": report.version if report else None,
        }
        reports.append(
            {
                **key,
                "activity_title": slot.activity.title,
                "entity_name": slot.entity.name,
                "status": status_names[report.status] if report else _("Not started"),
                "activity_status": status_labels.get(
                    report.activity_status if report else slot.activity.status, ""
                ),
                "percent_complete": report.percent_complete if report else None,
                "achievements": report.achievements if report else "",
                "challenges": report.challenges if report else "",
                "next_steps": report.next_steps if report else "",
            },
            editable=None if open_ else [],
        )
        for row in grid[slot.key]:
            indicator = row.indicator
            value = row.value.value if row.value is not None else None
            unavailable = row.value is not None and row.value.not_available
            shown = _number(value)
            if indicator.unit == Indicator.Unit.YES_NO and value is not None:
                shown = yes_no.get(plain_number(value), shown)
            values.append(
                {
                    **key,
                    "indicator": indicator.code,
                    "indicator_title": indicator.title,
                    "governorate": _place(row.governorate),
                    "unit": units.get(indicator.unit, indicator.unit),
                    "target": _number(row.target.value) if row.target else None,
                    "last_approved": _number(row.previous.value) if row.previous else None,
                    "value": shown,
                    "not_available": yes_no["1"] if unavailable else None,
                    "note": row.value.note if unavailable else "",
                },
                editable=None if open_ else [],
                checks={
                    "value": checks.get(indicator.unit)
                    or checks.setdefault(indicator.unit, _value_check(indicator))
                },
            )
    book.add_instructions(_("Instructions"), instructions(period, scope))
    return book.save(target)


def instructions(period, scope):
    lines = [
        _("Report workbook: %(period)s") % {"period": period.name},
        _(
            "Sheet “Reports” has one row for each report: type where the activity stands, "
            "the percent complete and what was achieved in the white cells. Sheet “Values” has "
            "one row for each indicator and governorate of each report: type the value in the "
            "column “Value”."
        ),
        _(
            "Grey cells are read only. Rows of submitted and approved reports are locked: "
            "they cannot change."
        ),
        _(
            "Leave the codes, the version and row 2 as they are: the portal finds each report "
            "by them. A row you delete is left as it is in the portal; a value you empty is "
            "removed."
        ),
        _(
            "Upload the workbook on the portal: you first see what would change in each "
            "report, and nothing is saved until you confirm. If anything is refused, nothing "
            "is saved: the check names the sheet, row and column."
        ),
        _(
            "If someone changes a report in the portal after you downloaded this workbook, "
            "that report is refused: download a new workbook and type your changes again."
        ),
        _(
            "People reached and evidence files are given in the report's web form, not in "
            "the workbook."
        ),
    ]
    if scope == "all":
        lines.append(
            _(
                "This is the Directorate's workbook: every report of the period across "
                "entities. The values you import are recorded under your name; another "
                "reviewer approves those reports."
            )
        )
    return lines


# -- reading ------------------------------------------------------------------------------------
@dataclass
class Reading:
    period: ReportingPeriod
    scope: str
    changes: list
    problems: list  # of the file as a whole: they refuse it
    grid: dict


def read(user, content, name="", progress=None) -> Reading:
    """Read an uploaded workbook into a change per report it holds. Raises WorkbookRefused
    when the file as a whole cannot be read. `progress(done, total)`: rows read so far."""
    with read_workbook(content, kind=KIND, version=VERSION, name=name) as reader:
        scope = reader.about.get("scope", "")
        if scope not in SCOPES:
            raise WorkbookRefused([_("This workbook does not say whose reports it holds.")])
        if not may_use(user, scope):
            raise WorkbookRefused(
                [
                    _(
                        "This is the Directorate's workbook of a whole period: only Directorate "
                        "reviewers upload it."
                    )
                    if scope == "all"
                    else _("Only reporters upload a reporter's workbook.")
                ]
            )
        period = (
            ReportingPeriod.objects.select_related("policy")
            .filter(policy__code=reader.plan, label=reader.about.get("period", ""))
            .first()
        )
        if period is None:
            raise WorkbookRefused([_("The period of this workbook is no longer in the portal.")])
        slots = slots_for(user, period, scope)
        grid = selectors.value_grid(slots)
        by_codes = {(s.activity.code, s.entity.code, _place(s.governorate)): s for s in slots}
        changes = {}

        def change_for(row):
            codes = (row.code("activity"), row.code("entity"), row.code("report_governorate"))
            slot = by_codes.get(codes)
            if slot is None:
                row.problem(
                    None,
                    _(
                        "the report of activity %(activity)s for %(entity)s %(where)s is not "
                        "one of yours in %(period)s."
                    )
                    % {
                        "activity": codes[0] or "?",
                        "entity": codes[1] or "?",
                        "where": codes[2] or _("(national)"),
                        "period": period.label,
                    },
                )
                return None
            if slot.key not in changes:
                # The version the file was made from, in each row of the report (a deleted
                # "Reports" row must not let an old "Values" row pass as current).
                before = len(reader.problems)
                version = row.integer("version", VERSION_CHECK)
                change = changes[slot.key] = services.SlotChange(slot, version)
                change.problems.extend(reader.problems[before:])
                del reader.problems[before:]
            return changes[slot.key]

        status_check = _status_check()
        total = reader.sheet("reports").count_rows() + reader.sheet("values").count_rows()
        done = 0

        def advance():
            nonlocal done
            done += 1
            if progress is not None and done % 1000 == 0:
                progress(done, total)

        for row in reader.sheet("reports").rows(
            ["activity", "entity", "report_governorate", "version", *NARRATIVE]
        ):
            advance()
            change = change_for(row)
            if change is None:
                continue
            before = len(reader.problems)
            change.where = _("sheet “%(sheet)s”, %(row)s") % {
                "sheet": row.sheet.title,
                "row": row.name(),
            }
            change.fields = {
                "activity_status": row.choice("activity_status", status_check) or "",
                "percent_complete": row.integer("percent_complete", _percent_check()),
                "achievements": row.text("achievements", Check.text(TEXT_LIMIT)),
                "challenges": row.text("challenges", Check.text(TEXT_LIMIT)),
                "next_steps": row.text("next_steps", Check.text(TEXT_LIMIT)),
            }
            change.problems.extend(reader.problems[before:])
            del reader.problems[before:]
        cells = {}
        values_sheet = reader.sheet("values")
        # Workbooks made before the "not available" answer lack its two columns.
        answers = [k for k in ("not_available", "note") if k in values_sheet.columns()]
        for row in values_sheet.rows(
            [
                "activity",
                "entity",
                "report_governorate",
                "version",
                "indicator",
                "governorate",
                "value",
                *answers,
            ]
        ):
            advance()
            change = change_for(row)
            if change is None:
                continue
            if change.slot.key not in cells:
                cells[change.slot.key] = {
                    (r.indicator.code, _place(r.governorate)): r for r in grid[change.slot.key]
                }
            found = cells[change.slot.key].get((row.code("indicator"), row.code("governorate")))
            before = len(reader.problems)
            if found is None:
                row.problem(
                    "indicator",
                    _("the indicator %(code)s %(where)s is not part of this report.")
                    % {
                        "code": row.code("indicator") or "?",
                        "where": row.code("governorate") or _("(national)"),
                    },
                )
            else:
                indicator = found.indicator
                check = _value_check(indicator)
                if check.kind == "choice":
                    picked = row.choice("value", check)
                    value = None if picked is None else Decimal(picked)
                else:
                    value = row.decimal("value", check)
                if answers and row.choice("not_available", _yes_no_check()) == "1":
                    if value is not None:
                        row.problem(
                            "value",
                            _("a value and “Not available” both: give one or the other."),
                        )
                    value = services.NotAvailable(row.text("note", Check.text(services.NOTE_LIMIT)))
                if len(reader.problems) == before:
                    gov_id = found.governorate.pk if found.governorate else None
                    change.values[(indicator.pk, gov_id)] = value
            change.problems.extend(reader.problems[before:])
            del reader.problems[before:]
        if progress is not None:
            progress(done, done)
        return Reading(period, scope, list(changes.values()), list(reader.problems), grid)


def _save(user, reading, *, submit, dry_run, name):
    try:
        outcomes = services.reports_bulk_save(
            user=user,
            changes=reading.changes,
            on_behalf=reading.scope == "all",
            submit=submit and reading.scope == "mine",
            dry_run=dry_run or bool(reading.problems),
            grid=reading.grid,
            reason=_("Report workbook %(file)s") % {"file": name} if name else "",
        )
        refused = False
    except services.BulkRefused as error:
        outcomes = error.outcomes
        refused = True
    return summary(reading, outcomes, blocked=refused or bool(reading.problems))


def check_workbook(user, content, name="", progress=None):
    """What saving the workbook would do, per report; writes nothing (a JSON-able dict)."""
    reading = read(user, content, name, progress)
    return _save(user, reading, submit=False, dry_run=True, name=name)


def save_workbook(user, content, name="", submit=False, progress=None):
    """Save the workbook, all or nothing; the same dict, with "blocked" when nothing was
    written because something was refused."""
    reading = read(user, content, name, progress)
    return _save(user, reading, submit=submit, dry_run=False, name=name)


def summary(reading, outcomes, blocked):
    counts = {"new": 0, "changed": 0, "unchanged": 0, "refused": 0}
    values = 0
    listed = []
    for o in outcomes:
        counts[o.state] += 1
        values += o.values_written
        if len(listed) >= LISTED:
            continue
        slot = o.change.slot
        listed.append(
            {
                "where": o.change.where,
                "activity": slot.activity.code,
                "activity_title": slot.activity.title,
                "entity": slot.entity.name,
                "governorate": slot.governorate.name if slot.governorate else "",
                "state": o.state,
                "reasons": [str(r) for r in o.reasons],
                "fields": [
                    str(ProgressReport._meta.get_field(f).verbose_name) for f in o.fields_changed
                ],
                "values_new": o.values_new,
                "values_changed": o.values_changed,
                "values_cleared": o.values_cleared,
                "submitted": o.submitted,
                "missing": o.missing,
                "report": o.report.pk if o.report is not None and o.report.pk else None,
            }
        )
    refused_lines = []
    for o in outcomes:
        if o.state != "refused":
            continue
        slot = o.change.slot
        head = _("%(activity)s for %(entity)s") % {
            "activity": slot.activity.code,
            "entity": slot.entity.name,
        }
        if slot.governorate is not None:
            head = f"{head} ({slot.governorate.name})"
        where = f"{o.change.where}: " if o.change.where else ""
        refused_lines.extend(f"{where}{head}: {reason}" for reason in o.reasons)
    if len(refused_lines) > REFUSALS_LISTED:
        more = len(refused_lines) - REFUSALS_LISTED
        refused_lines = [
            *refused_lines[:REFUSALS_LISTED],
            _("… and %(count)s more reasons.") % {"count": more},
        ]
    return {
        "refusals": refused_lines,
        "period": reading.period.label,
        "period_name": str(reading.period.name),
        "scope": reading.scope,
        "counts": counts,
        "values": values,
        "reports": listed,
        "more": max(0, sum(counts.values()) - len(listed)),
        "problems": [str(p) for p in reading.problems],
        "blocked": blocked,
        "submitted": sum(1 for o in outcomes if o.submitted),
    }


def refusals(result) -> list[str]:
    """Why a workbook was not saved, one line each: the file's problems, then every reason of
    every refused report (not only of those the result lists one by one)."""
    return list(result["problems"]) + list(result.get("refusals", []))
