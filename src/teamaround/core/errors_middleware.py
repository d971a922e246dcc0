"""Turns domain errors that a view did not handle into proper pages: AccessDenied is a 403
(already audited by whoever raised it), an unhandled DomainError a 400."""

from django.db import DataError
from django.shortcuts import render

from teamaround.core.access import ensure_refusal_recorded
from teamaround.core.errors import AccessDenied, DomainError
from teamaround.core.views.errors import forbidden


class DomainErrorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, AccessDenied):
            ensure_refusal_recorded(exception)
            return forbidden(request, exception)
        if isinstance(exception, DataError):  # a value the database cannot hold
            message = "A value is too long or not valid. Nothing was changed."
            return render(request, "400.html", {"message": message}, status=400)
        if isinstance(exception, DomainError):
            return render(request, "400.html", {"message": exception.message}, status=400)
        return None
