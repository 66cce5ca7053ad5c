from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    LOGIN = "login", _("Signed in")
    LOGIN_FAILED = "login_failed", _("Sign-in failed")
    LOGOUT = "logout", _("Signed out")
    LOCKOUT = "lockout", _("Locked out")
    TOKEN_USED = "token_used", _("API token used")
    TOKEN_CREATED = "token_created", _("API token made")
    TOKEN_REVOKED = "token_revoked", _("API token revoked")
    EXPORT = "export", _("Data exported")
    SENSITIVE_VALUES = "sensitive_values", _("Sensitive values read")
    EVIDENCE_DOWNLOAD = "evidence_download", _("Evidence file downloaded")
    USER_CHANGED = "user_changed", _("Account changed")
    MEMBERSHIP_CHANGED = "membership_changed", _("Membership changed")


class AccessEvent(models.Model):
    """One line of the access log. Written only by audit.record(); never edited; removed only
    by the retention purge (manage.py purge_access_log)."""

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    kind = models.CharField(_("what"), max_length=30, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("account"),
    )
    username = models.CharField(
        _("user name"),
        max_length=150,
        blank=True,
        help_text=_("Kept when the account is deleted; for a failed sign-in, the name typed."),
    )
    ip = models.GenericIPAddressField(_("address"), null=True, blank=True)
    user_agent = models.CharField(_("browser or program"), max_length=255, blank=True)
    method = models.CharField(_("method"), max_length=10, blank=True)
    path = models.CharField(_("page"), max_length=255, blank=True)
    target = models.CharField(_("on"), max_length=255, blank=True)
    target_type = models.CharField(_("kind of object"), max_length=100, blank=True)
    target_id = models.CharField(_("object id"), max_length=64, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True, encoder=DjangoJSONEncoder)

    class Meta:
        verbose_name = _("access event")
        verbose_name_plural = _("access log")
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["kind", "at"], name="accessevent_kind_at_idx"),
            models.Index(fields=["username", "at"], name="accessevent_username_at_idx"),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_kind_display()} {self.username}".strip()
