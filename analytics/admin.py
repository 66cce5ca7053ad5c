"""The plans' admin with the IATI activity file to download (analytics/iati.py): the policy and
indicators apps sit below this one and import none of it, so the action joins the plans'
admin here, as the carry-over joins it in indicators/admin.py."""

from django.contrib import admin, messages
from django.http import HttpResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

import audit
from analytics import iati
from indicators.admin import PolicyCarryOverAdmin
from policy.models import Policy, published_q


class PolicyIATIAdmin(PolicyCarryOverAdmin):
    actions = [*PolicyCarryOverAdmin.actions, "iati_download"]

    @admin.action(description=_("Download the IATI file (published plans)"), permissions=["view"])
    def iati_download(self, request, queryset):
        """The IATI 2.03 file of the selected plans that are published: the file the
        Directorate publishes, the same as /api/v1/iati/ gives (visitors' figures)."""
        plans = list(iati.published_plans().filter(pk__in=queryset.values("pk")))
        unpublished = queryset.exclude(published_q()).order_by("code")
        if unpublished:
            self.message_user(
                request,
                gettext("Not in the IATI file, as they are not published: %(plans)s.")
                % {"plans": ", ".join(p.code for p in unpublished)},
                messages.WARNING,
            )
        if not plans:
            return None
        name = iati.filename(plans[0] if len(plans) == 1 else None)
        content = iati.activities_file(plans)
        audit.record_export(request, name, source="admin", format="xml")
        response = HttpResponse(content, content_type=f"{iati.CONTENT_TYPE}; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


admin.site.unregister(Policy)
admin.site.register(Policy, PolicyIATIAdmin)
