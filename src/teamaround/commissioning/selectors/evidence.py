"""Reads of the evidence base: interventions with their rating and the services that deliver
them, the rating scale, and what one service delivers (for its impact page). Nothing here is
about a person, so reads are not audited."""

from __future__ import annotations

from django.db.models import Prefetch

from teamaround.commissioning.models import EvidenceLevel, Intervention, InterventionDelivery
from teamaround.core.access import require
from teamaround.core.records import record_get


def interventions(*, actor):
    require(actor, "commissioning.view_evidence", what="see the evidence base")
    return (
        Intervention.objects.filter(archived_at__isnull=True)
        .select_related("evidence_level")
        .prefetch_related(
            Prefetch(
                "deliveries",
                queryset=InterventionDelivery.objects.select_related("service").order_by(
                    "service__name"
                ),
            )
        )
        .order_by("evidence_level__display_order", "name")
    )


def intervention_get(*, actor, pk) -> Intervention:
    return record_get(
        interventions(actor=actor),
        actor=actor,
        pk=pk,
        rule=lambda record: True,  # interventions checked the permission
        what="an intervention",
        audit=False,
    )


def evidence_levels(*, actor):
    require(actor, "commissioning.view_evidence", what="see the evidence scale")
    return EvidenceLevel.objects.all()


def evidence_level_get(*, actor, pk) -> EvidenceLevel:
    return record_get(
        evidence_levels(actor=actor),
        actor=actor,
        pk=pk,
        rule=lambda record: True,
        what="an evidence level",
        audit=False,
    )


def service_evidence(*, actor, service) -> list[Intervention]:
    """The interventions a directory service delivers, best evidence first."""
    require(actor, "commissioning.view_evidence", what="see a service's evidence")
    return list(
        Intervention.objects.filter(archived_at__isnull=True, deliveries__service=service)
        .select_related("evidence_level")
        .order_by("evidence_level__display_order", "name")
    )
