"""The information governance lead's page of bulk-read alerts."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from teamaround.core.alerts import bulk_read_alert_list
from teamaround.core.models import AuditAction
from teamaround.core.views.pagination import paginate


def audit_search_link(alert) -> str:
    """The audit search for the views the alert counted (whole days, the form's resolution)."""
    query = {
        "username": alert.username,
        "action": AuditAction.VIEW,
        "date_from": timezone.localtime(alert.window_start).date().isoformat(),
        "date_to": timezone.localtime(alert.window_end).date().isoformat(),
    }
    return f"{reverse('core:audit-search')}?{urlencode(query)}"


@login_required
def bulk_read_alerts(request):
    page = paginate(request, bulk_read_alert_list(actor=request.user))
    for alert in page:
        alert.search_link = audit_search_link(alert)
    return render(
        request,
        "core/audit/alerts.html",
        {
            "page": page,
            "query": "",
            "threshold": settings.TEAMAROUND_BULK_READ_THRESHOLD,
            "window_minutes": settings.TEAMAROUND_BULK_READ_WINDOW_MINUTES,
        },
    )
