"""API tokens: issued as `ta_` and 43 random URL-safe characters (256 bits), stored only as a
SHA-256 digest, valid for TEAMAROUND_API_TOKEN_DAYS, revocable. A fast digest is right for a
random secret of this length (there is nothing to guess); the API authenticates by it."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication

from teamaround.accounts.models import ApiToken

PREFIX = "ta_"
LAST_USED_EVERY = timedelta(minutes=5)


def digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def new_key() -> str:
    return PREFIX + secrets.token_urlsafe(32)


def expiry(now, days: int | None = None):
    return now + timedelta(days=days or settings.TEAMAROUND_API_TOKEN_DAYS)


class ApiTokenAuthentication(TokenAuthentication):
    """`Authorization: Token <token>`, checked against the stored digest: refused (401) when
    unknown, revoked, expired or its user deactivated."""

    keyword = "Token"

    def authenticate_credentials(self, key):
        now = timezone.now()
        token = ApiToken.objects.select_related("user").filter(digest=digest(key or "")).first()
        if token is None or not token.is_active(now) or not token.user.is_active:
            raise exceptions.AuthenticationFailed("Invalid, expired or revoked token.")
        if token.last_used_at is None or now - token.last_used_at > LAST_USED_EVERY:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        return token.user, token
