from accounts import roles


def navigation(request):
    """What the menus need to know of the person's roles (accounts.roles)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "is_reviewer_nav": roles.is_reviewer(user),
        "works_in_admin": roles.works_in_admin(user),
        "is_reporter_nav": roles.is_reporter(user),
        "is_partner_nav": roles.is_partner(user),
    }
