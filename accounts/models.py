import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.text import join_list


class Digits(models.TextChoices):
    """How numbers are written on the pages: 0-9 or the Eastern Arabic digits."""

    LATIN = "latn", _("Western digits (0 1 2 3)")
    ARABIC = "arab", _("Eastern Arabic digits (٠ ١ ٢ ٣)")


class User(AbstractUser):
    """Our own user model from the first migration, so it can grow without a painful swap."""

    language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("Pages and e-mails are in this language whatever the browser asks for."),
    )
    digits = models.CharField(
        _("digits"),
        max_length=4,
        choices=Digits.choices,
        default=Digits.LATIN,
        help_text=_("Codes, the numbers in forms and the files you download keep 0-9."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        full = self.get_full_name()
        return f"{full} ({self.username})" if full else self.username


class Role(models.TextChoices):
    DIRECTORATE_ADMIN = "directorate_admin", _("Directorate admin")
    DIRECTORATE_REVIEWER = "directorate_reviewer", _("Directorate reviewer")
    FOCAL_POINT = "focal_point", _("Focal point")
    CSO_REPORTER = "cso_reporter", _("CSO reporter")
    PARTNER_VIEWER = "partner_viewer", _("Partner (read only)")


class Membership(models.Model):
    """Ties a user to an entity with a role, optionally limited to one governorate."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    entity = models.ForeignKey(
        "policy.Entity",
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("entity"),
    )
    role = models.CharField(_("role"), max_length=25, choices=Role.choices)
    governorate = models.ForeignKey(
        "governorates.Governorate",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("governorate scope"),
        help_text=_("Leave empty for the whole country."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "entity", "role"],
                name="membership_unique_role_per_entity",
                violation_error_message=_("This user already has this role in this entity."),
            ),
        ]
        indexes = [models.Index(fields=["user", "is_active"], name="membership_user_active_idx")]

    def __str__(self):
        scope = f", {self.governorate}" if self.governorate_id else ""
        return f"{self.user.username}: {self.get_role_display()} ({self.entity}{scope})"


class ApiToken(models.Model):
    """A key for the API (`Authorization: Token <key>`). Only the SHA-256 digest of the key is
    stored, and its first characters to tell tokens apart: the key itself is shown once, when
    the token is made, and can never be read again (accounts.services.token_create).

    An unsalted SHA-256 is enough here, unlike for passwords: a key is 32 random bytes
    (secrets.token_urlsafe), so there is no dictionary to try and no two keys alike; a slow,
    salted hash would only make every API request slower."""

    PREFIX_LENGTH = 8

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("account"),
        help_text=_("The API acts as this account, with its roles."),
    )
    name = models.CharField(
        _("purpose"),
        max_length=100,
        help_text=_("Who or what uses the token, e.g. “UNFPA dashboard”."),
    )
    prefix = models.CharField(_("prefix"), max_length=PREFIX_LENGTH, db_index=True)
    digest = models.CharField(_("digest"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    expires_at = models.DateTimeField(
        _("expires"), null=True, blank=True, help_text=_("Leave empty for no expiry.")
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.prefix}… ({join_list([self.name, self.user.username])})"

    @staticmethod
    def new_key() -> str:
        return secrets.token_urlsafe(32)

    @staticmethod
    def digest_of(key: str) -> str:
        return hashlib.sha256(key.encode("utf-8")).hexdigest()

    def is_expired(self, now=None) -> bool:
        return self.expires_at is not None and self.expires_at <= (now or timezone.now())

    def is_usable(self, now=None) -> bool:
        return self.revoked_at is None and not self.is_expired(now)
