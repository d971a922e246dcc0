"""The bases for sharing recorded for a person (for their record page and the DPO)."""

from __future__ import annotations

from django.db.models import QuerySet

from teamaround.core.access import require
from teamaround.core.audit import audit_record
from teamaround.core.models import AuditAction
from teamaround.governance.models import SharingBasis


def bases_for_person(*, actor, person) -> QuerySet[SharingBasis]:
    require(actor, "governance.view_bases", person, what="see the bases for sharing")
    audit_record(
        action=AuditAction.VIEW,
        actor=actor,
        obj=person,
        summary="Viewed the bases for sharing a person's information",
    )
    return SharingBasis.objects.filter(person=person).select_related(
        "agency", "created_by", "withdrawn_by"
    )


def basis_get(*, actor, basis_id) -> SharingBasis | None:
    """A recorded basis for sharing, if the actor may open its person (subject_get's rule and
    audit); None for an unknown id."""
    from teamaround.governance.selectors.subjects import subject_get

    basis = SharingBasis.objects.filter(pk=basis_id).select_related("person").first()
    if basis is not None:
        subject_get(actor=actor, person_id=basis.person_id)
    return basis
