"""The site's own pages, which join the apps: error pages that say what happened and what to do.
The start page, /, is the national overview for everybody (analytics.views.overview)."""

from django.core.exceptions import RequestDataTooBig
from django.shortcuts import render
from django.views.defaults import bad_request as django_bad_request

from reporting.models import TEXT_LIMIT


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
