"""Error pages in the service's own look."""

from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader


def not_found(request, exception=None):
    """The 404 page; for the staff API (an address under /api/v1/ that matches nothing, such
    as a malformed id) the JSON answer its document promises."""
    if request.path.startswith("/api/v1/"):
        return JsonResponse({"detail": "Not found."}, status=404)
    return render(request, "404.html", status=404)


def forbidden(request, exception=None):
    """What the person may do next: the refusal's own next steps (break-glass access to a
    record, where it applies), and whom to ask: a team manager asks an administrator, not
    their own team manager."""
    user = getattr(request, "user", None)
    manages = bool(
        user is not None and user.is_authenticated and user.has_perm("core.manage_a_team")
    )
    return render(
        request,
        "403.html",
        {
            "message": getattr(exception, "message", ""),
            "next_steps": getattr(exception, "next_steps", []),
            "ask": "an administrator" if manages else "your team manager",
        },
        status=403,
    )


def server_error(request):
    return HttpResponseServerError(loader.get_template("500.html").render())


def rate_limited(request, exception=None):
    """Too many requests in a short time (core.ratelimits): the GOV.UK-styled 429 page."""
    response = render(request, "429.html", status=429)
    response["Retry-After"] = "60"
    return response
