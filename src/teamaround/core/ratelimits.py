"""Rate limits: sign-in, two-factor, the public forms and directory (django-ratelimit, per
address or per user) and the APIs (DRF throttles, per token for staff, per address for the
public). Every rate is configuration (settings.TEAMAROUND_RATE_LIMITS, read at each request);
a page over its limit gets the 429 page (`core.views.errors.rate_limited`), the API DRF's 429.

Counts live in the default cache: one process in the demo; production sets DJANGO_CACHE_URL to
a Redis server so that every gunicorn worker counts together.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django_ratelimit import ALL, UNSAFE
from django_ratelimit.decorators import ratelimit
from rest_framework.throttling import SimpleRateThrottle

__all__ = ["ALL", "UNSAFE", "limited", "client_address"]


def client_address(request) -> str:
    """The caller's address: REMOTE_ADDR, or with TEAMAROUND_TRUSTED_PROXIES = N proxies in
    front, the address the outermost trusted proxy saw (the Nth from the right of
    X-Forwarded-For), so that one client cannot pose as many by sending the header itself."""
    proxies = settings.TEAMAROUND_TRUSTED_PROXIES
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-min(proxies, len(hops))]
    return request.META.get("REMOTE_ADDR") or "0.0.0.0"  # noqa: S104 (a key, not a bind)


def _configured(name: str):
    def rate(group, request):
        return settings.TEAMAROUND_RATE_LIMITS[name]

    return rate


def _user_key(group, request) -> str:
    user = request.user
    return f"user:{user.pk}" if user.is_authenticated else f"ip:{client_address(request)}"


def limited(name: str, *, per: str = "address", method=UNSAFE):
    """A view decorator: at most TEAMAROUND_RATE_LIMITS[name] requests (of `method`) per
    address (`per="address"`) or per signed-in user (`per="user"`), else the 429 page."""
    key = _user_key if per == "user" else "ip"
    return ratelimit(group=f"teamaround.{name}", key=key, rate=_configured(name), method=method)


class _ConfiguredThrottle(SimpleRateThrottle):
    """A DRF throttle whose rate is read from TEAMAROUND_RATE_LIMITS[scope] at each request."""

    def get_rate(self):
        return settings.TEAMAROUND_RATE_LIMITS[self.scope]

    def allow_request(self, request, view):
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_ident(self, request):
        return client_address(request)


class StaffApiThrottle(_ConfiguredThrottle):
    """Signed-in callers: per API token (each token its own budget), else per user."""

    scope = "api_staff"

    def get_cache_key(self, request, view):
        if not request.user.is_authenticated:
            return None
        token = getattr(request.auth, "pk", None)
        ident = f"token:{token}" if token is not None else f"user:{request.user.pk}"
        digest = hashlib.sha256(ident.encode()).hexdigest()[:32]
        return self.cache_format % {"scope": self.scope, "ident": digest}


class PublicApiThrottle(_ConfiguredThrottle):
    """The open Open Referral UK API, per address."""

    scope = "public_api"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
