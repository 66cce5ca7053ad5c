"""The demo's follow-up: the recommendations answered by demo activities, their dated notes and
statuses, civil society's assessments and a reply (the reference records themselves, the
conference, its legal instruments and recommendations, come with the reference data:
policy/data/reference.xlsx)."""

import datetime

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from core.seeding import set_m2m, upsert
from followup.models import (
    Assessment,
    FollowUpNote,
    FollowUpStatus,
    SourceEvent,
)
from indicators.models import ReportingPeriod
from policy.models import Activity, Entity

CONFERENCE = "cs-conference-2020-09"  # the source event of the reference data


# -- the demo -----------------------------------------------------------------------------------
# Recommendations and the demo activities that answer them.
DEMO_LINKS = {
    "covid-p3": ["1.1.1"],
    "covid-p2": ["1.1.2"],
    "covid-p4": ["1.1.3"],
    "covid-pp1": ["2.1.1", "2.1.2"],
    "covid-pp2": ["2.2.1", "2.2.2", "2.2.3"],
    "covid-pp3": ["2.3.1", "2.3.2"],
    "s3-3": ["2.3.3"],
    "covid-e2": ["3.1.1"],
    "covid-e3": ["3.1.2"],
    "covid-e5": ["3.2.1"],
    "covid-e6": ["3.2.2", "3.2.4"],
    "covid-e4": ["3.2.3"],
    "covid-l1": ["4.1.1"],
    "gr-1": ["4.1.1", "4.1.2"],
    "gr-4": ["4.2.1", "4.2.2"],
    "gr-2": ["1.2.1", "1.2.2"],
    "gr-6": ["1.2.3"],
    "s3-4": ["1.2.3"],
}
# (recommendation, date, status, note): the Directorate's follow-up, oldest first.
DEMO_NOTES = [
    ("s1-1", "2021-01-10", "implemented", "The adopted Policy reflects the Erbil recommendations."),
    ("s1-4", "2021-03-01", "implemented", "The media plan was adopted with the Policy."),
    ("covid-p3", "2021-06-15", "in_progress", "Two women appointed to the national crisis cell."),
    ("covid-p3", "2022-12-20", "partial", "Women now sit on 9 of 19 governorate crisis cells."),
    (
        "covid-pp3",
        "2021-04-01",
        "in_progress",
        "Helplines extended to 24 hours in five governorates.",
    ),
    (
        "covid-pp3",
        "2023-01-15",
        "implemented",
        "Helplines run around the clock in every governorate.",
    ),
    ("covid-e3", "2022-03-01", "in_progress", "MoLSA drafted minimum-wage regulations."),
    ("covid-e4", "2023-06-30", "not_accepted", "No budget line for public childcare in 2023-2024."),
    (
        "gr-1",
        "2021-09-01",
        "in_progress",
        "The draft law was sent again to the Council of Representatives.",
    ),
    (
        "gr-6",
        "2021-05-20",
        "implemented",
        "Alliance 1325 set up the civil-society follow-up network.",
    ),
]
# (organisation, activity or None, recommendation or None, period, rating, narrative, reply)
DEMO_ASSESSMENTS = [
    (
        "alliance-1325",
        "1.1.3",
        None,
        "2024-Q2",
        2,
        "Two consultations were held in Baghdad only; the organisations' recommendations were not "
        "reflected in the decisions that followed.",
        "The third consultation, in Erbil, is planned for the next quarter; we will publish how "
        "the recommendations were used.",
    ),
    (
        "alliance-1325",
        "2.2.1",
        None,
        "2024-Q2",
        1,
        "Our members in Ninewa found no mobile medical team in the camps they visited.",
        "",
    ),
    ("alliance-1325", "4.2.2", None, "2024-Q2", 4, "Awareness sessions with MPs took place.", ""),
    (
        "alliance-1325",
        None,
        "covid-pp3",
        "2024-Q2",
        2,
        "The helplines exist, but women in remote areas do not know them and calls go unanswered "
        "at night.",
        "",
    ),
    (
        "alliance-1325",
        None,
        "gr-1",
        "2024-Q2",
        1,
        "The Anti-Domestic Violence Law is still not adopted.",
        "",
    ),
]


@transaction.atomic
def load_demo(policy) -> int:
    """The demo's follow-up: linked activities, notes and statuses, assessments, one reply.
    Idempotent; returns how many rows it created."""
    created = 0
    director = User.objects.get(username="director")
    cso_author = User.objects.get(username="cso")
    source = SourceEvent.objects.get(code=CONFERENCE)
    recommendations = {r.code: r for r in source.recommendations.all()}
    activities = {a.code: a for a in Activity.objects.filter(objective__policy=policy)}
    for code, activity_codes in DEMO_LINKS.items():
        set_m2m(recommendations[code].activities, [activities[c] for c in activity_codes])
    for code, day, status, text in DEMO_NOTES:
        recommendation = recommendations[code]
        _note, outcome = upsert(
            FollowUpNote,
            {"recommendation": recommendation, "date": datetime.date.fromisoformat(day)},
            {"status": status, "text": text, "author": director},
        )
        created += outcome == "created"
    for recommendation in recommendations.values():
        latest = recommendation.notes.order_by("-date", "-pk").first()
        status = latest.status if latest else FollowUpStatus.NOT_STARTED
        if recommendation.status != status:
            recommendation.status = status
            recommendation.save(update_fields=["status", "updated_at"])
    periods = {p.label: p for p in ReportingPeriod.objects.filter(policy=policy)}
    entities = {e.code: e for e in Entity.objects.all()}
    for (
        organisation,
        activity,
        recommendation,
        period,
        rating,
        narrative,
        reply,
    ) in DEMO_ASSESSMENTS:
        assessment, outcome = upsert(
            Assessment,
            {
                "organisation": entities[organisation],
                "activity": activities.get(activity),
                "recommendation": recommendations.get(recommendation),
                "period": periods[period],
            },
            {
                "rating": rating,
                "narrative": narrative,
                "author": cso_author,
                "reply": reply,
                "replied_by": director if reply else None,
            },
        )
        created += outcome == "created"
        if reply and assessment.replied_at is None:
            assessment.replied_at = timezone.now()
            assessment.save(update_fields=["replied_at"])
    return created
