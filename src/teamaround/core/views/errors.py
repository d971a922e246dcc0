"""Error pages in the service's own look."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def not_found(request, exception=None):
    return render(request, "404.html", status=404)


def forbidden(request, exception=None):
    return render(request, "403.html", status=403)


def server_error(request):
    return HttpResponseServerError(loader.get_template("500.html").render())


def rate_limited(request, exception=None):
    """Too many requests in a short time (core.ratelimits): the GOV.UK-styled 429 page."""
    response = render(request, "429.html", status=429)
    response["Retry-After"] = "60"
    return response
