import datetime

import axes.admin  # noqa: F401  (registers the lock-out admin, replaced below)
from axes.admin import AccessAttemptAdmin as AxesAccessAttemptAdmin
from axes.models import AccessAttempt
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminDateWidget
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from accounts import services
from accounts.models import ApiToken, Membership, User
from core.admin import ServiceWritesMixin
from core.text import join_list

# Permission groups grant nothing here (accounts.backends): roles come from memberships.
if admin.site.is_registered(Group):
    admin.site.unregister(Group)


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "user"
    autocomplete_fields = ("entity", "governorate")
    extra = 0


@admin.register(User)
class UserAdmin(ServiceWritesMixin, DjangoUserAdmin):
    list_display = ("username", "email", "first_name", "last_name", "role_list", "is_active")
    list_filter = ("is_active", "is_superuser", "memberships__role")
    inlines = [MembershipInline]
    # What a person may do follows from their active memberships (accounts.roles), edited
    # below the account: no permission group, no staff flag, no permission given one by one.
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "email")}),
        (_("Status"), {"fields": ("is_active", "is_superuser")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
        (_("Preferences"), {"fields": ("language", "digits")}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("memberships")

    @admin.display(description=_("roles"))
    def role_list(self, obj):
        names = {m.get_role_display() for m in obj.memberships.all() if m.is_active}
        return join_list(sorted(str(n) for n in names)) or "-"

    # A Directorate admin manages accounts, but only a superuser makes a superuser, and only a
    # superuser edits a superuser.
    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields += ["is_superuser"]
        return fields

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)


@admin.register(Membership)
class MembershipAdmin(ServiceWritesMixin, SimpleHistoryAdmin):
    list_display = ("user", "role", "entity", "governorate", "is_active")
    list_filter = ("role", "is_active", "governorate")
    list_select_related = ("user", "entity", "governorate")
    search_fields = ("user__username", "user__email", "entity__code", "entity__name_en")
    autocomplete_fields = ("user", "entity", "governorate")


# Sign-in lock-outs (django-axes): each row counts the wrong passwords of one account from one
# address. Deleting the row ("Unlock") lets that account sign in from that address again.
if admin.site.is_registered(AccessAttempt):
    admin.site.unregister(AccessAttempt)


@admin.register(AccessAttempt)
class AccessAttemptAdmin(AxesAccessAttemptAdmin):
    actions = ["unlock", "cleanup_expired_attempts"]

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # "Unlock" is the same, named for what it does
        return actions

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            "title": _("Failed sign-ins and lock-outs: select a row and choose “Unlock”"),
            **(extra_context or {}),
        }
        return super().changelist_view(request, extra_context)

    @admin.action(
        description=_("Unlock: let the selected accounts sign in from these addresses again"),
        permissions=["delete"],
    )
    def unlock(self, request, queryset):
        pairs = services.lockouts_clear(actor=request.user, attempts=queryset)
        self.message_user(
            request,
            _("Unlocked: %(pairs)s.")
            % {
                "pairs": join_list(
                    _("%(username)s from %(address)s") % {"username": u, "address": a}
                    for u, a in pairs
                )
            },
            messages.SUCCESS,
        )

    def delete_model(self, request, obj):
        services.lockouts_clear(actor=request.user, attempts=[obj])

    def delete_queryset(self, request, queryset):
        services.lockouts_clear(actor=request.user, attempts=queryset)


class ApiTokenCreateForm(forms.Form):
    user = forms.ModelChoiceField(
        queryset=User.objects.filter(is_active=True).order_by("username"),
        label=_("Account"),
        help_text=_("The API acts as this account, with its roles."),
    )
    name = forms.CharField(
        label=_("Purpose"),
        max_length=100,
        help_text=_("Who or what uses the token, e.g. “UNFPA dashboard”."),
    )
    expires_on = forms.DateField(
        label=_("Expires after"),
        required=False,
        widget=AdminDateWidget,
        help_text=_("The last day the token works. Leave empty for no expiry."),
    )

    def expires_at(self):
        day = self.cleaned_data.get("expires_on")
        if day is None:
            return None
        midnight = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time())
        return timezone.make_aware(midnight)


class TokenStateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("active", _("Active")), ("revoked", _("Revoked")), ("expired", _("Expired"))]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "active":
            return queryset.filter(revoked_at__isnull=True).exclude(expires_at__lte=now)
        if self.value() == "revoked":
            return queryset.filter(revoked_at__isnull=False)
        if self.value() == "expired":
            return queryset.filter(revoked_at__isnull=True, expires_at__lte=now)
        return queryset


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are listed and revoked here; the key is shown once, on the page that answers
    "Add", and is stored nowhere (only its digest). There is no editing and no deleting:
    a revoked token stays, so that the access log can still name it."""

    list_display = (
        "prefix_shown",
        "name",
        "user",
        "created_at",
        "created_by",
        "last_used_at",
        "expires_at",
        "state",
    )
    list_filter = (TokenStateFilter, "created_at")
    list_select_related = ("user", "created_by")
    search_fields = ("prefix", "name", "user__username")
    fields = (
        "prefix",
        "name",
        "user",
        "created_at",
        "created_by",
        "last_used_at",
        "expires_at",
        "revoked_at",
        "revoked_by",
    )
    readonly_fields = fields
    actions = ["revoke"]

    @admin.display(description=_("prefix"), ordering="prefix")
    def prefix_shown(self, token):
        return f"{token.prefix}…"

    @admin.display(description=_("state"))
    def state(self, token):
        if token.revoked_at is not None:
            return _("Revoked")
        if token.is_expired():
            return _("Expired")
        return _("Active")

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_revoke_permission(self, request):
        return services._may_manage_tokens(request.user)

    @admin.action(description=_("Revoke the selected tokens"), permissions=["revoke"])
    def revoke(self, request, queryset):
        count = 0
        for token in queryset.filter(revoked_at__isnull=True):
            services.token_revoke(user=request.user, token=token)
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d token revoked.", "%(count)d tokens revoked.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    def add_view(self, request, form_url="", extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ApiTokenCreateForm(request.POST or None)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Add API token"),
            "form": form,
            "media": self.media + form.media,
        }
        if request.method == "POST" and form.is_valid():
            try:
                token, key = services.token_create(
                    user=request.user,
                    owner=form.cleaned_data["user"],
                    name=form.cleaned_data["name"],
                    expires_at=form.expires_at(),
                )
            except PermissionDenied as error:
                form.add_error(None, str(error))
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                self.log_addition(request, token, [{"added": {}}])
                # The one time the key is seen: in this answer, never stored or cached.
                response = TemplateResponse(
                    request,
                    "admin/accounts/apitoken/created.html",
                    {
                        **context,
                        "title": _("API token made"),
                        "token": token,
                        "key": key,
                        "header": f"Authorization: Token {key}",
                    },
                )
                response["Cache-Control"] = "no-store"
                return response
        return TemplateResponse(request, "admin/accounts/apitoken/add.html", context)
