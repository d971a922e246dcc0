"""API plumbing shared by every app, the one place errors become responses: a DomainError is
a 400 with field errors, a Conflict 409, a refused record (RecordRefused) 404 so that guessing
ids reveals nothing, any other refusal 403; all in DRF's usual shape. And the one pagination
helper for lists read through selectors (`paginated`)."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import DataError
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

from teamaround.core.access import ensure_refusal_recorded
from teamaround.core.audit import audit_listed
from teamaround.core.errors import AccessDenied, Conflict, DomainError, RecordRefused, StaleVersion


def version_field(**kwargs) -> serializers.IntegerField:
    """The API's one convention for records two people can edit (core.models.Versioned): GET
    returns `version`; a change sends back the version it read, and a stale one is a 409
    whose body names the version now saved (`current_version`)."""
    kwargs.setdefault("min_value", 1)
    kwargs.setdefault(
        "help_text",
        "The version you read (from GET). If the record has moved on since, nothing is saved "
        "and the answer is 409 with the current version.",
    )
    return serializers.IntegerField(**kwargs)


class ConflictOutput(serializers.Serializer):
    """A 409: the record moved on since it was read (nothing was saved)."""

    version = serializers.ListField(child=serializers.CharField())
    current_version = serializers.IntegerField()


def exception_handler(exc, context):
    if isinstance(exc, RequestDataTooBig):
        return Response(
            {"detail": f"The request is larger than {settings.DATA_UPLOAD_MAX_MEMORY_SIZE} bytes."},
            status=status.HTTP_400_BAD_REQUEST,
        )
    if isinstance(exc, DataError):  # a value the database cannot hold that no check caught
        return Response(
            {"detail": "A value is too long or not valid. Nothing was changed."},
            status=status.HTTP_400_BAD_REQUEST,
        )
    if isinstance(exc, StaleVersion):
        body = exc.errors | {"current_version": exc.current_version}
        return Response(body, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, Conflict):
        return Response(exc.errors, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, DomainError):  # a refusal in the domain's terms (a share) says 403
        return Response(exc.errors, status=getattr(exc, "api_status", 400))
    if isinstance(exc, RecordRefused):
        ensure_refusal_recorded(exc)
        return Response({"detail": "Not found."}, status=status.HTTP_404_NOT_FOUND)
    if isinstance(exc, AccessDenied):
        ensure_refusal_recorded(exc)
        return Response({"detail": exc.message}, status=status.HTTP_403_FORBIDDEN)
    return drf_exception_handler(exc, context)


def paginated(view, request, queryset, serializer, *, audit: bool = True) -> Response:
    """One page of `queryset` in the API's usual shape (count, next, previous, results), for
    ViewSets that list through a selector rather than through `get_queryset`.

    The records on the page returned are accounted for (core.audit.audit_listed: a view of
    each, in one insert). Only lists with nothing about people in them (panel types,
    meetings) pass `audit=False`."""
    paginator = api_settings.DEFAULT_PAGINATION_CLASS()
    page = paginator.paginate_queryset(queryset, request, view=view)
    if audit:
        what = f"{queryset.model._meta.verbose_name_plural} (API)"
        page = audit_listed(page, actor=request.user, what=what)
    context = {"request": request}  # serializers that hide fields by the caller need it
    return paginator.get_paginated_response(serializer(page, many=True, context=context).data)
