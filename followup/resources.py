"""Spreadsheet layouts of the follow-up records, keyed by codes like the plan's sheets."""

from import_export import fields

from core.importing import CodeListField, CodeWidget, DayWidget, PlanResource
from core.services import plan_bulk_save
from followup.models import LegalInstrument, LegalStageEvent, Recommendation, SourceEvent
from pillars.models import Pillar
from policy.models import Activity, Entity, Objective

TITLES = ("title_en", "title_ar", "title_ckb")


class SourceEventResource(PlanResource):
    organiser = fields.Field(
        attribute="organiser", column_name="organiser", widget=CodeWidget(Entity)
    )
    date = fields.Field(attribute="date", column_name="date", widget=DayWidget())

    class Meta(PlanResource.Meta):
        model = SourceEvent
        import_id_fields = ("code",)
        fields = ("code", "date", *TITLES, "place", "organiser", "reference")


class LegalInstrumentResource(PlanResource):
    pillar = fields.Field(attribute="pillar", column_name="pillar", widget=CodeWidget(Pillar))
    responsible_entity = fields.Field(
        attribute="responsible_entity",
        column_name="responsible_entity",
        widget=CodeWidget(Entity),
    )
    objectives = CodeListField(Objective, attribute="objectives", scope="policy__code")

    class Meta(PlanResource.Meta):
        model = LegalInstrument
        import_id_fields = ("code",)
        # The stage is not a column: stages are recorded one dated step at a time.
        fields = (
            "code",
            "kind",
            "government",
            *TITLES,
            "subject",
            "pillar",
            "objectives",
            "responsible_entity",
        )

    def get_queryset(self):
        return super().get_queryset().select_related("pillar", "responsible_entity")


class RecommendationResource(PlanResource):
    source = fields.Field(attribute="source", column_name="source", widget=CodeWidget(SourceEvent))
    pillar = fields.Field(attribute="pillar", column_name="pillar", widget=CodeWidget(Pillar))
    addressee = fields.Field(
        attribute="addressee", column_name="addressee", widget=CodeWidget(Entity)
    )
    activities = CodeListField(Activity, attribute="activities", scope="objective__policy__code")

    class Meta(PlanResource.Meta):
        model = Recommendation
        import_id_fields = ("source", "code")
        # The status is not a column: it follows the dated follow-up notes.
        fields = (
            "source",
            "code",
            "order",
            "kind",
            "section_en",
            "section_ar",
            "section_ckb",
            "text_en",
            "text_ar",
            "text_ckb",
            "pillar",
            "addressee",
            "activities",
        )

    def get_queryset(self):
        return super().get_queryset().select_related("source", "pillar", "addressee")


class LegalStageEventResource(PlanResource):
    """The dated steps of a law or policy (drafting, adoption, ...), each with its source; the
    instrument's stage follows its latest step, as when a step is recorded on its page
    (followup.services.legal_stage_record)."""

    instrument = fields.Field(
        attribute="instrument", column_name="instrument", widget=CodeWidget(LegalInstrument)
    )
    date = fields.Field(attribute="date", column_name="date", widget=DayWidget())

    class Meta(PlanResource.Meta):
        model = LegalStageEvent
        import_id_fields = ("instrument", "stage", "date")
        fields = ("instrument", "stage", "date", "source", "source_url", "note", "reason")

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("instrument")
            .order_by("instrument__code", "date", "pk")
        )

    def write_rows(self, user, reason):
        super().write_rows(user, reason)
        changed = []
        instruments = {e.instrument_id for e in (*self._new, *self._changed)}
        for instrument in LegalInstrument.objects.filter(pk__in=instruments):
            last = instrument.stages.order_by("-date", "-pk").first()
            if last and (instrument.stage, instrument.stage_date) != (last.stage, last.date):
                instrument.stage, instrument.stage_date = last.stage, last.date
                changed.append(instrument)
        plan_bulk_save(
            user=user,
            model=LegalInstrument,
            changed=changed,
            fields={"stage", "stage_date"},
            reason=reason,
        )
