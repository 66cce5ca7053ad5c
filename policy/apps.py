from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PolicyConfig(AppConfig):
    name = "policy"
    verbose_name = _("Implementation plan")

    def ready(self):
        from core import importing, planbook, sheets
        from policy import resources, tasks

        planbook.register("vulnerable_groups", resources.VulnerableGroupResource, 40)
        planbook.register("themes", resources.ThemeResource, 50)
        planbook.register("funding_source_types", resources.FundingSourceTypeResource, 60)
        planbook.register("entities", resources.EntityResource, 80)
        planbook.register("policies", resources.PolicyResource, 100, plan_path="code")
        planbook.register("objectives", resources.ObjectiveResource, 120, plan_path="policy__code")
        planbook.register(
            "activities", resources.ActivityResource, 130, plan_path="objective__policy__code"
        )
        planbook.register(
            "funding", resources.FundingResource, 140, plan_path="activity__objective__policy__code"
        )
        sheets.register("entities", resources.EntityResource, 80)
        sheets.register("objectives", resources.ObjectiveResource, 120)
        sheets.register("activities", resources.ActivityResource, 130)
        sheets.configure(start_import=tasks.start_check)
        importing.configure(policy_exists=resources.policy_exists)
