"""A practitioner refers a family to a service from the service's page.

The referral is the directory's record (and the service's uptake); the family's chronology
belongs to the people app, so the event is written there through its own service,
`people.services.family_event_record`, and the family is opened through its selector, which
checks that the practitioner may see it.
"""

from __future__ import annotations

from django.db import transaction

from teamaround.core.access import actor_user, require
from teamaround.core.errors import DomainError
from teamaround.core.models import AuditAction
from teamaround.directory.models import Service, ServiceReferral
from teamaround.directory.selectors.public import publicly_visible
from teamaround.directory.services.audit_trail import audit_change
from teamaround.people.models import FamilyEventKind
from teamaround.people.selectors import family_get, family_list
from teamaround.people.services import family_event_record


def family_choices(*, actor) -> list[tuple[str, str]]:
    """The families this practitioner may refer: those they can already see."""
    return [(str(f.pk), f.name) for f in family_list(actor=actor)[:500]]


def service_referral_check(*, actor, service: Service, family_id):
    """Outside the transaction, so that a refusal stays in the audit trail."""
    require(actor, "directory.refer_family", service, what="refer a family to a service")
    return family_get(actor=actor, family_id=family_id, audit=False)


def service_referral_record(*, actor, service: Service, family_id, reason: str) -> ServiceReferral:
    family = service_referral_check(actor=actor, service=service, family_id=family_id)
    with transaction.atomic():
        if not publicly_visible(Service.objects.filter(pk=service.pk)).exists():
            raise DomainError("This service is not taking referrals through the directory.")
        if not (reason or "").strip():
            raise DomainError("Say why you are referring the family.", field="reason")
        referral = ServiceReferral.objects.create(
            service=service, family=family, reason=reason.strip(), created_by=actor_user(actor)
        )
        audit_change(
            actor,
            referral,
            AuditAction.CREATE,
            {"service": [None, str(service.pk)], "family": [None, str(family.pk)]},
        )
        family_event_record(
            actor=actor,
            family=family,
            kind=FamilyEventKind.REFERRAL_SENT,
            summary=f"Referred to {service.name} ({service.organisation.name})"[:300],
            source_app="directory",
            source_id=str(referral.pk),
        )
        return referral
