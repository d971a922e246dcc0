"""Reads for the directory's editors: only what they may change."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from teamaround.core.access import require
from teamaround.directory.models import Organisation, Service
from teamaround.directory.permissions import editable_organisations
from teamaround.directory.selectors.public import public_cut_off


def services_for_editing(*, actor, query: str = "", overdue_only: bool = False) -> QuerySet:
    """The services an editor may change, flagged when their review date has passed."""
    require(actor, "directory.use_editor_pages", what="list services to edit")
    services = Service.objects.filter(
        organisation__in=editable_organisations(actor), archived_at__isnull=True
    ).select_related("organisation")
    if query:
        services = services.filter(search_text__contains=query.strip().lower())
    today = timezone.localdate()
    if overdue_only:
        services = services.filter(review_date__lt=today)
    return services.annotate(uptake=Count("referrals", filter=Q(referrals__archived_at=None)))


def review_state(service: Service) -> str:
    """ "hidden", "overdue" or "" (in date), for the editors' flag."""
    today = timezone.localdate()
    if service.review_date < public_cut_off(today):
        return "hidden"
    if service.review_date < today:
        return "overdue"
    return ""


def service_for_editing(*, actor, service_id) -> Service:
    service = get_object_or_404(Service.objects.select_related("organisation"), pk=service_id)
    require(actor, "directory.edit_services", service, what="edit a directory service")
    return service


def organisation_list(*, actor) -> QuerySet[Organisation]:
    require(actor, "directory.use_editor_pages", what="list directory organisations")
    return editable_organisations(actor).annotate(service_count=Count("services"))


def organisation_get(*, actor, organisation_id) -> Organisation:
    organisation = get_object_or_404(Organisation, pk=organisation_id)
    require(actor, "directory.edit_services", organisation, what="edit a directory organisation")
    return organisation
