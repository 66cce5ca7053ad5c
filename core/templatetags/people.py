from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def person(user) -> str:
    """Who did something, for a page: the full name, else the user name; "–" when there is no
    user (history rows written by a seed or a migration, or a deleted account)."""
    if user is None:
        return "–"
    return user.get_full_name() or user.get_username() or _("unknown")
