"""Response headers that every page carries, beside the Content-Security-Policy (django-csp,
configured in settings): a Permissions-Policy that turns off the browser features the portal
never uses, and no caching of what a signed-in person sees (a shared or stolen computer must
not keep a reviewer's pages of protection figures in its cache)."""

from django.utils.cache import add_never_cache_headers, patch_cache_control

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)


SIGN_OUT_VIEWS = {"logout", "admin:logout"}


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        match = getattr(request, "resolver_match", None)
        if request.method == "POST" and match and match.view_name in SIGN_OUT_VIEWS:
            # Signing out empties what this site keeps in the browser: the report form's drafts
            # and offline queue (IndexedDB) and the service worker's copies of the reporter's
            # pages (docs/architecture.md, "Drafts and the offline queue").
            response.headers["Clear-Site-Data"] = '"cache", "storage"'
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
            patch_cache_control(response, private=True, no_store=True)
        return response
