"""After a missing episode: the return conversation ("Missing Chat") offered and its outcome,
and the Missing Co-ordinator's scrutiny of an under-10's episode."""

from __future__ import annotations

from django.utils import timezone

from teamaround.core.access import actor_user, use_case
from teamaround.core.audit import audit_record
from teamaround.core.errors import Conflict, DomainError
from teamaround.core.models import AuditAction
from teamaround.core.updates import model_update
from teamaround.frontdoor.models import ConversationOutcome, MissingEpisode, ReturnConversation

Outcome = ConversationOutcome
ANSWERS = {Outcome.ACCEPTED, Outcome.DECLINED, Outcome.NO_CONTACT, Outcome.COMPLETED}


def return_conversation_record(
    *, actor, conversation: ReturnConversation, outcome: str, offered_at=None, notes: str = ""
) -> ReturnConversation:
    """Record that the conversation was offered (when) and what happened."""
    with use_case(
        actor,
        "frontdoor.record_missing_follow_up",
        conversation.episode,
        what="record a return conversation",
    ):
        if outcome not in {Outcome.OFFERED, *ANSWERS}:
            raise DomainError("Choose what happened.", field="outcome")
        now = timezone.now()
        offered_at = offered_at or conversation.offered_at or now
        if offered_at > now:
            raise DomainError("The offer cannot be in the future.", field="offered_at")
        returned = conversation.episode.returned_at
        if returned and offered_at < returned:
            raise DomainError("The offer cannot be before the child returned.", field="offered_at")
        if outcome == Outcome.NO_CONTACT and not (notes or "").strip():
            raise DomainError("Say what was tried to make contact.", field="notes")
        model_update(
            conversation,
            actor=actor,
            values={
                "offered_at": offered_at,
                "outcome": outcome,
                "outcome_recorded_at": now if outcome in ANSWERS else None,
                "notes": (notes or conversation.notes).strip(),
            },
        )
        audit_record(
            action=AuditAction.UPDATE,
            actor=actor,
            obj=conversation,
            summary=f"Recorded a return conversation: {outcome}",
        )
        return conversation


def missing_scrutiny_record(*, actor, episode: MissingEpisode, notes: str) -> MissingEpisode:
    with use_case(
        actor, "frontdoor.record_missing_follow_up", episode, what="scrutinise a missing episode"
    ):
        if not episode.needs_scrutiny:
            raise DomainError("Only episodes of children under 10 are scrutinised here.")
        if episode.scrutinised_at:
            raise Conflict("This episode has already been scrutinised.")
        if not (notes or "").strip():
            raise DomainError("Record what the scrutiny found.", field="notes")
        model_update(
            episode,
            actor=actor,
            values={
                "scrutinised_at": timezone.now(),
                "scrutinised_by": actor_user(actor),
                "scrutiny_notes": notes.strip(),
            },
        )
        audit_record(
            action=AuditAction.UPDATE,
            actor=actor,
            obj=episode,
            summary="Scrutinised an under-10's missing episode",
        )
        return episode
