"""The site's own pages, which join the apps: the start page, and error pages that say what
happened and what to do."""

from django.core.exceptions import RequestDataTooBig
from django.shortcuts import redirect, render
from django.views.defaults import bad_request as django_bad_request

from accounts import roles
from analytics.views import public_home
from reporting.models import TEXT_LIMIT


def home(request):
    """Visitors get the national overview; reviewers their queue, the others their work."""
    if not request.user.is_authenticated:
        return public_home(request)
    if roles.is_reviewer(request.user):
        return redirect("reporting:queue")
    return redirect("reporting:my_work")


def bad_request(request, exception):
    """A form too large to read (someone pasted a book past the form's own limits) gets a page
    that explains and sends them back to their text, which the browser keeps; any other bad
    request gets Django's."""
    if isinstance(exception, RequestDataTooBig):
        return render(
            request,
            "errors/too_large.html",
            {"limit": TEXT_LIMIT, "back": request.META.get("HTTP_REFERER", "")},
            status=400,
        )
    return django_bad_request(request, exception)
