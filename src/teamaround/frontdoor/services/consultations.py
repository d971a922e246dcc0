"""A professional's consultation with a Hub social worker: advice without a referral. When it
is about a known child, it goes on the family's chronology (what was asked stays here)."""

from __future__ import annotations

from django.utils import timezone

from teamaround.core.access import actor_user, on_behalf_of, use_case
from teamaround.core.audit import audit_record
from teamaround.core.errors import ValidationFailed
from teamaround.core.models import AuditAction
from teamaround.frontdoor import adapters
from teamaround.frontdoor.models import Consultation, ConsultationTopic
from teamaround.frontdoor.permissions import is_hub_social_worker
from teamaround.people import services as people_services


def consultation_record(
    *, actor, hub_social_worker, topic: str, question: str, advice: str, held_on=None, person=None
) -> Consultation:
    with use_case(actor, "frontdoor.record_consultation", what="record a consultation"):
        errors: dict[str, list[str]] = {}
        if hub_social_worker is None or not is_hub_social_worker(hub_social_worker):
            errors["hub_social_worker"] = ["Choose the Hub social worker you spoke to."]
        if topic not in ConsultationTopic.values:
            errors["topic"] = ["Choose what the consultation was about."]
        if not (question or "").strip():
            errors["question"] = ["Say what you asked the Hub."]
        if not (advice or "").strip():
            errors["advice"] = ["Record the advice you were given."]
        held_on = held_on or timezone.localdate()
        if held_on > timezone.localdate():
            errors["held_on"] = ["The consultation date must be today or in the past."]
        if errors:
            raise ValidationFailed(errors)
        family = None
        if person is not None:
            from teamaround.people.selectors import family_get

            family_id = adapters.current_families([person.pk], actor=actor).get(person.pk)
            family = (
                family_get(actor=on_behalf_of(actor), family_id=family_id, audit=False)
                if family_id
                else None
            )
        consultation = Consultation.objects.create(
            professional=actor_user(actor),
            hub_social_worker=hub_social_worker,
            family=family,
            held_on=held_on,
            topic=topic,
            question=question.strip(),
            advice=advice.strip(),
            created_by=actor_user(actor),
        )
        if family is not None:
            people_services.family_event_record(
                actor=on_behalf_of(actor),
                family=family,
                kind=adapters.CONSULTATION_EVENT,
                summary=f"Consultation with the Children and Families Hub: "
                f"{consultation.get_topic_display().lower()}",
                team=getattr(actor_user(actor), "team", None),
                source_app="frontdoor",
                source_id=str(consultation.pk),
            )
        audit_record(
            action=AuditAction.CREATE,
            actor=actor,
            obj=consultation,
            summary="Recorded a consultation with the Hub",
        )
        return consultation
