from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = _("Access log")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from audit import receivers

        receivers.connect()
        # django-axes is optional here: its lock-outs are logged when it is installed.
        if apps.is_installed("axes"):
            from axes.signals import user_locked_out

            user_locked_out.connect(receivers.locked_out, dispatch_uid="audit-axes-lockout")
