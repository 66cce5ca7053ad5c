from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "followup"
    verbose_name = _("Follow-up: legislation, recommendations, civil-society assessments")

    def ready(self):
        from core import planbook
        from followup import resources

        planbook.register("sources", resources.SourceEventResource, 170)
        planbook.register("instruments", resources.LegalInstrumentResource, 180)
        planbook.register("instrument_stages", resources.LegalStageEventResource, 190)
        planbook.register("recommendations", resources.RecommendationResource, 200)
