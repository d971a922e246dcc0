"""Response headers that hold on every page and API response: Permissions-Policy (no camera,
microphone, location and the like: nothing here uses them), and `Cache-Control: no-store` so
that no browser, proxy or shared computer keeps a copy of personal data (pages, PDFs, the
API). The Content-Security-Policy is django-csp's (settings.CONTENT_SECURITY_POLICY), the
Referrer-Policy Django's (SECURE_REFERRER_POLICY). Static files (served by WhiteNoise before
this middleware) keep their long-lived caching."""

from django.utils.cache import patch_cache_control

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "usb",
        "xr-spatial-tracking",
    )
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        # Anything answered by the application may name a person or show what someone may do.
        if "Cache-Control" in response:
            del response["Cache-Control"]
        patch_cache_control(response, no_store=True, private=True)
        response.setdefault("Pragma", "no-cache")
        return response
