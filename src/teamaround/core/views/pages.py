"""The home page, static statements and the health check."""

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from teamaround.core import navigation
from teamaround.core.home import blocks_for
from teamaround.core.work import work_items_for


@login_required
def home(request):
    """The member of staff's start page: who they are and what they have to do."""
    tasks = work_items_for(actor=request.user)[:20]
    return render(
        request,
        "core/home.html",
        {
            "staff": request.user,
            "tasks": tasks,
            "today": timezone.localdate(),
            "blocks": blocks_for(request.user),
        },
    )


@login_required
def section(request, slug):
    """A section of the service navigation: the pages in it this user may see."""
    title, pages = navigation.section_items(request.user, slug)
    if not pages:
        raise Http404
    return render(request, "core/section.html", {"title": title, "pages": pages})


def accessibility(request):
    return render(request, "core/accessibility.html")


def privacy(request):
    return render(request, "core/privacy.html")


@require_GET
@never_cache
def healthz(request):
    """For load balancers and monitoring: 200 when the database answers, 503 when it does not.
    Says nothing about the data."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any database failure means unhealthy
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
