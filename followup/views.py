"""The follow-up pages: the legislation pipeline, the recommendations register, disputed
items and civil-society assessments. Public pages show what is on record; writes go through
followup.services."""

from collections import Counter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

import audit
from accounts import roles
from audit.models import Kind
from core.api import ID_MAX
from core.files import attachment
from core.forms import add_service_errors as _add_errors
from followup import selectors, services
from followup.forms import AssessmentForm, FollowUpNoteForm, ReplyForm, StageForm
from followup.models import (
    STAGE_ORDER,
    Assessment,
    FollowUpNote,
    FollowUpStatus,
    LegalInstrument,
    Rating,
    Recommendation,
    Stage,
    stage_label,
)
from indicators.models import ReportingPeriod
from pillars.models import Pillar
from policy.models import Activity, Entity, published_q


def follow_up(request):
    """The hub: where the laws stand, how far the recommendations went, what is disputed."""
    instruments = LegalInstrument.objects.all()
    adopted = instruments.filter(
        stage__in=[Stage.VOTE, Stage.RATIFICATION, Stage.GAZETTE, Stage.REGULATIONS]
    ).count()
    rates = Recommendation.objects.aggregate(
        total=Count("pk"),
        acted=Count(
            "pk",
            filter=Q(
                status__in=[
                    FollowUpStatus.IN_PROGRESS,
                    FollowUpStatus.PARTIAL,
                    FollowUpStatus.IMPLEMENTED,
                ]
            ),
        ),
        implemented=Count("pk", filter=Q(status=FollowUpStatus.IMPLEMENTED)),
    )
    return render(
        request,
        "followup/hub.html",
        {
            "instruments": instruments.count(),
            "adopted": adopted,
            "rates": rates,
            "disputed": selectors.disputed_assessments(request.user).count(),
        },
    )


def legislation(request):
    rows = selectors.pipeline()
    for row in rows:
        government = row["instrument"].government
        row["steps"] = [
            {
                "label": stage_label(stage, government),
                "reached": row["position"] is not None and index <= row["position"],
                "current": row["position"] == index,
            }
            for index, stage in enumerate(STAGE_ORDER)
        ]
    # The road in order, then stalled and withdrawn: Stage's own order.
    counts = Counter(row["instrument"].stage for row in rows)
    by_stage = [(stage.label, counts[stage]) for stage in Stage]
    return render(request, "followup/legislation.html", {"rows": rows, "by_stage": by_stage})


def instrument(request, code):
    instrument = get_object_or_404(
        LegalInstrument.objects.select_related("pillar", "responsible_entity"), code=code
    )
    can_record = request.user.has_perm("followup.add_legalstageevent")
    form = None
    if can_record:
        form = StageForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.legal_stage_record(
                    user=request.user, instrument=instrument, **form.cleaned_data
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("The stage is recorded."))
                return redirect("followup:instrument", code=instrument.code)
    elif request.method == "POST":
        raise PermissionDenied
    events = instrument.stages.select_related("recorded_by").order_by("date", "pk")
    objectives = instrument.objectives.select_related("pillar")
    if not request.user.is_authenticated:
        objectives = objectives.filter(published_q("policy"))
    return render(
        request,
        "followup/instrument.html",
        {
            "instrument": instrument,
            "events": events,
            "objectives": objectives,
            "form": form,
        },
    )


def recommendations(request):
    queryset = Recommendation.objects.select_related("source", "pillar", "addressee")
    pillar = request.GET.get("pillar") or ""
    status = request.GET.get("status") or ""
    if pillar:
        queryset = queryset.filter(pillar__code=pillar)
    if status in FollowUpStatus.values:
        queryset = queryset.filter(status=status)
    activities = selectors.visible_activities(request.user).only("pk", "code", "objective_id")
    items = list(queryset.prefetch_related(Prefetch("activities", queryset=activities)))
    disputed = set(
        selectors.disputed_assessments(request.user)
        .filter(recommendation__isnull=False)
        .values_list("recommendation_id", flat=True)
    )
    pillars = {p.pk: p for p in Pillar.objects.all()}
    by_pillar = selectors.follow_up_rates(Recommendation.objects.all(), "pillar")
    for row in by_pillar:
        row["label"] = pillars[row["pillar"]].name if row["pillar"] else _("Across the pillars")
    by_addressee = selectors.follow_up_rates(Recommendation.objects.all(), "addressee")
    addressees = {
        e.pk: e
        for e in Entity.objects.filter(
            pk__in=[r["addressee"] for r in by_addressee if r["addressee"]]
        )
    }
    for row in by_addressee:
        row["label"] = (
            addressees[row["addressee"]].name
            if row["addressee"]
            else _("Not addressed to one entity")
        )
    sections = []
    for item in items:
        item.is_disputed = item.pk in disputed
        if not sections or sections[-1][0] != (item.source_id, item.section):
            sections.append(((item.source_id, item.section), item.source, item.section, []))
        sections[-1][3].append(item)
    return render(
        request,
        "followup/recommendations.html",
        {
            "sections": sections,
            "by_pillar": by_pillar,
            "by_addressee": by_addressee,
            "pillars": pillars.values(),
            "statuses": FollowUpStatus.choices,
            "chosen": {"pillar": pillar, "status": status},
            "count": len(items),
        },
    )


def recommendation(request, pk):
    item = get_object_or_404(
        Recommendation.objects.select_related("source", "pillar", "addressee"), pk=pk
    )
    form = None
    if roles.is_reviewer(request.user):
        form = FollowUpNoteForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.recommendation_follow_up(
                    user=request.user, recommendation=item, **form.cleaned_data
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("The follow-up note is recorded."))
                return redirect("followup:recommendation", pk=item.pk)
    elif request.method == "POST":
        raise PermissionDenied
    return render(
        request,
        "followup/recommendation.html",
        {
            "item": item,
            "notes": item.notes.select_related("author").order_by("date", "pk"),
            "activities": selectors.visible_activities(request.user)
            .filter(recommendations=item)
            .select_related("objective__pillar"),
            "assessments": selectors.assessments(request.user, recommendation=item),
            "can_assess": bool(services.assessing_organisations(request.user)),
            "form": form,
        },
    )


def disputed(request):
    return render(
        request,
        "followup/disputed.html",
        {"assessments": selectors.disputed_assessments(request.user), "ratings": Rating},
    )


@login_required
def assessment_new(request):
    organisations = services.assessing_organisations(request.user)
    if not organisations:
        raise PermissionDenied(_("Only members of a civil-society organisation write assessments."))
    activity = recommendation = None
    wanted = request.GET.get("activity") or request.GET.get("recommendation") or ""
    if not wanted.isdigit() or int(wanted) > ID_MAX:
        raise Http404
    # Periods that have started, of published plans: what the public record can show.
    periods = ReportingPeriod.objects.filter(
        published_q("policy"), start_date__lte=timezone.localdate()
    )
    if request.GET.get("activity"):
        activity = get_object_or_404(
            Activity.objects.select_related("objective__policy"), pk=int(wanted)
        )
        periods = periods.filter(policy=activity.objective.policy_id)
    else:
        recommendation = get_object_or_404(Recommendation, pk=int(wanted))
    periods = list(periods.select_related("policy").order_by("-start_date"))
    form = AssessmentForm(
        request.POST or None,
        request.FILES or None,
        organisations=organisations,
        periods=periods,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = services.assessment_save(
                user=request.user,
                organisation=next(o for o in organisations if str(o.pk) == data["organisation"]),
                period=next(p for p in periods if str(p.pk) == data["period"]),
                rating=data["rating"],
                narrative=data["narrative"],
                activity=activity,
                recommendation=recommendation,
                evidence=data.get("evidence"),
            )
        except (ValidationError, PermissionDenied) as error:
            if isinstance(error, PermissionDenied):
                form.add_error(None, str(error))
            else:
                _add_errors(form, error)
        else:
            messages.success(request, _("Your organisation's assessment is saved."))
            return redirect("followup:assessment", pk=saved.pk)
    return render(
        request,
        "followup/assessment_form.html",
        {"form": form, "subject": activity or recommendation},
    )


def assessment(request, pk):
    item = get_object_or_404(selectors.assessments(request.user), pk=pk)
    form = None
    if roles.is_reviewer(request.user):
        form = ReplyForm(request.POST or None, initial={"reply": item.reply})
        if request.method == "POST" and form.is_valid():
            services.assessment_reply(
                user=request.user, assessment=item, text=form.cleaned_data["reply"]
            )
            messages.success(request, _("Your reply is published with the assessment."))
            return redirect("followup:assessment", pk=item.pk)
    elif request.method == "POST":
        raise PermissionDenied
    return render(
        request,
        "followup/assessment.html",
        {"item": item, "form": form, "can_see_files": _can_see_files(request.user, item)},
    )


def _can_see_files(user, item):
    if roles.is_reviewer(user):
        return True
    organisation = getattr(item, "organisation", None)
    return bool(organisation and services.can_assess_for(user, organisation))


@login_required
def evidence(request, kind, pk):
    """An evidence file of an assessment (its organisation and the Directorate) or of a
    follow-up note (anyone signed in), served as an attachment."""
    if kind == "assessment":
        item = get_object_or_404(Assessment.objects.select_related("organisation"), pk=pk)
        allowed = _can_see_files(request.user, item)
    elif kind == "note":
        item = get_object_or_404(FollowUpNote, pk=pk)
        allowed = True
    else:
        raise Http404
    if not allowed or not item.evidence:
        raise Http404
    audit.record(request, Kind.EVIDENCE_DOWNLOAD, target=item, file=item.evidence_name)
    return attachment(item.evidence, item.evidence_name or "evidence")
