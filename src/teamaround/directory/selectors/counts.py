"""Referrals to each service, for the commissioning app's impact assessment: the services with
their referral counts, and for one service the families referred and when (ids and dates only,
which the commissioning app turns into counts; nothing here is shown to anyone)."""

from __future__ import annotations

from django.db.models import Count

from teamaround.core.access import require
from teamaround.directory.models import Service, ServiceReferral


def services_with_referrals(*, actor):
    require(actor, "directory.view_counts", what="see referrals to services")
    return (
        Service.objects.filter(archived_at__isnull=True)
        .select_related("organisation")
        .annotate(referral_count=Count("referrals"))
        .order_by("name")
    )


def service_referrals(*, actor, service) -> list[tuple]:
    """(family_id, referred_at) for every referral of a family to the service."""
    require(actor, "directory.view_counts", what="see referrals to a service")
    return list(
        ServiceReferral.objects.filter(service=service).values_list("family_id", "created_at")
    )


def services_serving(*, actor, service_ids, district_ids) -> set:
    """The ids, of those given, of services offered in any of the districts given (for a
    quadrant's board pack). Ids only."""
    require(actor, "directory.view_counts", what="see where services are offered")
    return set(
        Service.objects.filter(pk__in=set(service_ids), districts__in=set(district_ids))
        .values_list("pk", flat=True)
        .distinct()
    )


def service_coverage(*, actor) -> list[tuple]:
    """(need domain code, district_id, service_id, capacity) for every running service, each
    need it meets and each district it is offered in: for the commissioning app's unmet need.
    Ids and counts only."""
    from teamaround.directory.models.services import ServiceStatus

    require(actor, "directory.view_counts", what="see where services are offered")
    rows = (
        Service.objects.filter(archived_at__isnull=True, status=ServiceStatus.ACTIVE)
        .values_list("needs_met__code", "districts__id", "pk", "capacity")
        .order_by()
    )
    return [row for row in rows if row[0] is not None and row[1] is not None]
