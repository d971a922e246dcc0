"""What the public may see: running services whose entry has been checked recently enough.

A service past its review date is flagged to its editors at once; after a grace period
(TEAMAROUND_DIRECTORY_REVIEW_GRACE_DAYS, default 30) it drops out of the public search, the
public page and the Open Referral feed until someone checks it again.
"""

from __future__ import annotations

import os
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from teamaround.directory.models import Service, ServiceStatus


def review_grace_days() -> int:
    default = os.environ.get("TEAMAROUND_DIRECTORY_REVIEW_GRACE_DAYS", "30")
    return int(getattr(settings, "TEAMAROUND_DIRECTORY_REVIEW_GRACE_DAYS", default))


def public_cut_off(today: date | None = None) -> date:
    """Services whose review date is before this day are hidden from the public."""
    return (today or timezone.localdate()) - timedelta(days=review_grace_days())


def publicly_visible(services: QuerySet[Service] | None = None) -> QuerySet[Service]:
    services = Service.objects.all() if services is None else services
    return services.filter(
        Q(status=ServiceStatus.ACTIVE) | Q(status=ServiceStatus.TEMPORARILY_CLOSED),
        archived_at__isnull=True,
        organisation__archived_at__isnull=True,
        review_date__gte=public_cut_off(),
    )


def service_get(*, actor, service_id) -> Service:
    """One service for its page. Editors may also open services hidden from the public."""
    services = Service.objects.select_related("organisation").prefetch_related(
        "levels",
        "needs_met",
        "districts",
        "cost_options",
        "contacts",
        "schedules",
        "service_at_locations__location",
    )
    try:
        service = services.get(pk=service_id)
    except (Service.DoesNotExist, ValueError) as error:
        raise Http404("No such service") from error
    if publicly_visible(Service.objects.filter(pk=service.pk)).exists():
        return service
    if (
        actor is not None
        and actor.is_authenticated
        and actor.has_perm("directory.edit_services", service)
    ):
        return service
    raise Http404("No such service")


def service_uptake(service: Service) -> int:
    """How many families practitioners have referred to the service through TeamAround."""
    return service.referrals.filter(archived_at__isnull=True).count()
