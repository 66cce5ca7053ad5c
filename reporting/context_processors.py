from reporting import permissions


def roles(request):
    """What the navigation needs to know about the user's roles."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"is_reviewer_nav": permissions.is_reviewer(user)}
