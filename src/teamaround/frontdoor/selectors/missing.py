"""Reading missing episodes: the Hub and its manager see them all; an allocated worker and
their team see the episodes sent to them. Opening one is audited."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.http import Http404

from teamaround.core.access import is_system, require
from teamaround.core.audit import audit_record
from teamaround.core.models import AuditAction
from teamaround.core.records import record_get
from teamaround.frontdoor.models import (
    ConversationOutcome,
    MissingEpisode,
    MissingImport,
    ReturnConversation,
)


def episode_filter(actor) -> Q:
    if is_system(actor) or actor.has_perm("frontdoor.view_missing"):
        return Q()
    if not getattr(actor, "is_authenticated", False):
        return Q(pk__in=[])
    mine = Q(allocated_worker_id=actor.pk)
    if actor.team_id:
        mine |= Q(allocated_team_id=actor.team_id)
    return mine


def missing_episode_list(
    *, actor, repeat_only: bool = False, route: str = "", district: str = ""
) -> QuerySet[MissingEpisode]:
    require(actor, "frontdoor.view_missing", what="list missing episodes")
    episodes = MissingEpisode.objects.all()
    if repeat_only:
        episodes = episodes.filter(is_repeat=True)
    if route:
        episodes = episodes.filter(route=route)
    if district:
        episodes = episodes.filter(district__code=district)
    audit_record(
        action=AuditAction.SEARCH,
        actor=actor,
        object_type="frontdoor.missingepisode",
        summary="Listed missing episodes",
    )
    return episodes.select_related("district", "return_conversation").order_by(
        "-reported_missing_at"
    )


def missing_episode_get(*, actor, episode_id) -> MissingEpisode:
    return record_get(
        MissingEpisode.objects.select_related(
            "district", "allocated_team", "allocated_worker", "screening_request", "scrutinised_by"
        ),
        actor=actor,
        pk=episode_id,
        rule=episode_filter(actor),
        what="a missing episode",
    )


def earlier_episodes(*, actor, episode: MissingEpisode) -> QuerySet[MissingEpisode]:
    """The child's other missing episodes, those the actor may see."""
    return (
        MissingEpisode.objects.filter(episode_filter(actor), person_id=episode.person_id)
        .exclude(pk=episode.pk)
        .order_by("-reported_missing_at")
    )


def scrutiny_list(*, actor, done: bool = False) -> QuerySet[MissingEpisode]:
    """The Missing Co-ordinator's list: every episode of a child under 10."""
    require(actor, "frontdoor.record_missing_follow_up", what="open the scrutiny list")
    return (
        MissingEpisode.objects.filter(needs_scrutiny=True, scrutinised_at__isnull=not done)
        .select_related("district")
        .order_by("reported_missing_at")
    )


def return_conversations_due(*, actor, outstanding: bool = True) -> QuerySet[ReturnConversation]:
    require(actor, "frontdoor.record_missing_follow_up", what="list return conversations")
    conversations = ReturnConversation.objects.select_related("episode__district")
    if outstanding:
        conversations = conversations.filter(
            outcome__in=[ConversationOutcome.PENDING, ConversationOutcome.OFFERED]
        )
    return conversations.order_by("due_by")


def missing_import_get(*, actor, import_id) -> MissingImport:
    require(actor, "frontdoor.receive_missing", what="see a missing-notification import")
    try:
        found = MissingImport.objects.defer("content").filter(pk=import_id).first()
    except (ValueError, ValidationError):
        found = None
    if found is None:
        raise Http404
    return found


def missing_imports(*, actor) -> QuerySet[MissingImport]:
    require(actor, "frontdoor.receive_missing", what="list missing-notification imports")
    return MissingImport.objects.defer("content").order_by("-created_at")


def missing_episodes_of_person(*, actor, person_id, since=None) -> QuerySet[MissingEpisode]:
    """The police missing notifications about one child that the actor may see (for social
    care to link to a looked-after child's own record), oldest first."""
    episodes = MissingEpisode.objects.filter(episode_filter(actor), person_id=person_id)
    if since is not None:
        episodes = episodes.filter(reported_missing_at__date__gte=since)
    audit_record(
        action=AuditAction.SEARCH,
        actor=actor,
        object_type="frontdoor.missingepisode",
        object_id=str(person_id),
        summary="Listed a child's missing episodes",
    )
    return episodes.order_by("reported_missing_at")
