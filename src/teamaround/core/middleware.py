"""Carries the details of the request in progress to the audit trail, and tags every response
with a request id so a support call can be matched to the audit events it caused."""

from __future__ import annotations

import contextvars
import uuid
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestDetails:
    request_id: str = ""
    method: str = ""
    path: str = ""
    ip_address: str | None = None
    username: str = ""


_NO_REQUEST = RequestDetails()
_current: contextvars.ContextVar[RequestDetails | None] = contextvars.ContextVar(
    "teamaround_request", default=None
)


def current_request_details() -> RequestDetails:
    """The request in progress, or empty details outside a request (commands, seeding)."""
    return _current.get() or _NO_REQUEST


def client_ip(request) -> str | None:
    """REMOTE_ADDR; a deployment behind a proxy sets it correctly in its WSGI server."""
    return request.META.get("REMOTE_ADDR") or None


class RequestContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = request.headers.get("X-Request-ID", "")[:36] or str(uuid.uuid4())
        user = getattr(request, "user", None)
        token = _current.set(
            RequestDetails(
                request_id=request.request_id,
                method=request.method,
                path=request.path,
                ip_address=client_ip(request),
                username=user.get_username() if user and user.is_authenticated else "",
            )
        )
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        response["X-Request-ID"] = request.request_id
        return response
