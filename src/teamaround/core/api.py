"""API plumbing shared by every app: domain errors become 400s with field errors, refused
access becomes 403, both in DRF's usual shape."""

from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from teamaround.core.access import ensure_refusal_recorded
from teamaround.core.errors import AccessDenied, DomainError


def exception_handler(exc, context):
    if isinstance(exc, DomainError):
        return Response(exc.errors, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, AccessDenied):
        ensure_refusal_recorded(exc)
        return Response({"detail": exc.message}, status=status.HTTP_403_FORBIDDEN)
    return drf_exception_handler(exc, context)
