from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "jobs"
    verbose_name = _("Background jobs")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Each app's tasks.py registers its kinds of job (jobs.registry); the web process needs
        # them to describe a job, as the worker does to run it.
        autodiscover_modules("tasks")
