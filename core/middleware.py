"""The language and the digits of a request, after the person's own choice.

The language is, in order: ``?lang=`` in the address (the API documents it; a link can carry
it), the language a signed-in person chose (remembered on their account), then Django's
LocaleMiddleware's choice (the language cookie, then the browser's Accept-Language).
"""

from django.conf import settings
from django.utils import translation

from core.digits import html_eastern

LANGUAGE_QUERY_PARAMETER = "lang"


def _chosen_language(request):
    asked = request.GET.get(LANGUAGE_QUERY_PARAMETER)
    if asked is not None:
        # Views never see it: the admin's lists take every parameter for a filter.
        request.GET = request.GET.copy()
        del request.GET[LANGUAGE_QUERY_PARAMETER]
    if asked in dict(settings.LANGUAGES):
        return asked
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.language in dict(settings.LANGUAGES):
        return user.language
    return None


class PreferencesMiddleware:
    """Comes after AuthenticationMiddleware and LocaleMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = _chosen_language(request)
        if language:
            translation.activate(language)
            request.LANGUAGE_CODE = language
        user = getattr(request, "user", None)
        eastern = bool(user is not None and user.is_authenticated and user.digits == "arab")
        response = self.get_response(request)
        if (
            eastern
            and request.method != "HEAD"
            and not response.streaming
            and not response.has_header("Content-Encoding")
            and response.get("Content-Type", "").startswith("text/html")
            and response.content
            # The admin is the Directorate's workbench of codes and searches: left as it is.
            and not (request.resolver_match and request.resolver_match.namespace == "admin")
        ):
            charset = response.charset or "utf-8"
            try:
                rewritten = html_eastern(response.content.decode(charset))
                response.content = rewritten.encode(charset, errors="xmlcharrefreplace")
            except UnicodeError:
                pass  # not the charset it says: leave the page as it is
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        response.setdefault("Content-Language", translation.get_language())
        return response
