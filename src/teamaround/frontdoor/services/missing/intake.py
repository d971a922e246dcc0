"""Receiving missing notifications: match each child to a known record (or record them), then
route the episode. Open to social care: a task for the allocated worker (or their team).
Otherwise: into the Hub queue, to be screened like a request. Every 10 to 18 year old who has
returned is offered a return conversation within 72 hours; every under-10's episode goes to
the Missing Co-ordinator's scrutiny list; 3 or more episodes in 90 days are flagged.

Batched for files of thousands of rows: children are matched a chunk at a time, the facts
needed for routing are loaded per chunk, and episodes, requests and conversations are written
with bulk_create (their field history starts at their first change, as with people's bulk
writer). Audit events name the batch, not the children.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from teamaround.core.access import actor_user, on_behalf_of
from teamaround.core.audit import audit_record
from teamaround.core.models import AuditAction
from teamaround.core.work import work_item_create
from teamaround.frontdoor import adapters
from teamaround.frontdoor.models import (
    MissingEpisode,
    MissingRoute,
    RequestEvent,
    RequestEventKind,
    RequestForSupport,
    RequestSource,
    RequestStatus,
    ReturnConversation,
    RiskGrade,
)
from teamaround.frontdoor.services.lifecycle import batch_event, hub_due_on
from teamaround.frontdoor.services.missing.parsing import Notification, age_on
from teamaround.frontdoor.services.requests import (
    RE_REFERRAL_WINDOW,
    new_reference,
    random_reference,
)

BATCH = 500
REPEAT_WINDOW = timedelta(days=90)
REPEAT_COUNT = 3
CONVERSATION_HOURS = 72
CONVERSATION_AGES = range(10, 19)
SCRUTINY_UNDER = 10


def receive(
    actor, notifications: list[Notification], *, source_import=None, progress=None
) -> list[MissingEpisode]:
    """Record and route the notifications (already checked). Called inside a use case."""
    episodes: list[MissingEpisode] = []
    districts = {code.outward_code: code.district_id for code in _outward_codes()}
    made: dict[tuple, object] = {}
    for start in range(0, len(notifications), BATCH):
        batch = notifications[start : start + BATCH]
        episodes += _receive_batch(actor, batch, source_import, districts, made)
        if progress:
            progress(min(start + BATCH, len(notifications)))
    audit_record(
        action=AuditAction.CREATE,
        actor=actor,
        object_type="frontdoor.missingepisode",
        object_id=str(source_import.pk) if source_import else "",
        summary=f"Received {len(episodes)} missing notifications",
        changes={"matched": sum(e.matched_known_child for e in episodes)},
    )
    return episodes


def _outward_codes():
    from teamaround.core.models import PostcodeOutwardCode

    return PostcodeOutwardCode.objects.only("outward_code", "district_id")


def _receive_batch(actor, batch, source_import, districts, made) -> list[MissingEpisode]:
    details = [
        adapters.ChildDetails(
            n.forenames,
            n.surname,
            n.date_of_birth,
            n.postcode,
            line_1=n.address,
            police_reference=n.police_reference,
        )
        for n in batch
    ]
    matches = adapters.match_children(details, actor=actor)
    keys = [(n.forenames.lower(), n.surname.lower(), n.date_of_birth) for n in batch]
    new = {}  # one record per child not yet known, however many rows name them
    for key, child, person_id in zip(keys, details, matches, strict=True):
        if person_id is None and key not in made and key not in new:
            new[key] = child
    if new:
        made.update(
            zip(new, adapters.record_children(list(new.values()), actor=actor), strict=True)
        )
    matched = [person_id is not None for person_id in matches]
    person_ids = [
        person_id if person_id is not None else made[key]
        for key, person_id in zip(keys, matches, strict=True)
    ]
    families = adapters.current_families(set(person_ids), actor=actor)
    involvements = adapters.open_involvements(set(families.values()), actor=actor)
    history = _earlier_episodes(person_ids, batch)
    recent = _recent_requests(person_ids, families)
    episodes, requests, events, conversations = [], [], [], []
    now = timezone.now()
    for notification, person_id, was_matched in zip(batch, person_ids, matched, strict=True):
        family_id = families[person_id]
        gone = notification.reported_missing_at
        age = age_on(notification.date_of_birth, timezone.localtime(gone).date())
        count = sum(1 for when in history[person_id] if gone - REPEAT_WINDOW < when <= gone)
        episode = MissingEpisode(
            notification_id=notification.notification_id,
            police_reference=notification.police_reference,
            child_forenames=notification.forenames,
            child_surname=notification.surname,
            child_date_of_birth=notification.date_of_birth,
            address_line_1=notification.address,
            postcode=notification.postcode,
            reported_missing_at=gone,
            returned_at=notification.returned_at,
            where_found=notification.where_found,
            risk_grade=notification.risk_grade,
            person_id=person_id,
            family_id=family_id,
            district_id=districts.get(notification.postcode.split(" ")[0]),
            matched_known_child=was_matched,
            age_when_missing=age,
            is_repeat=count >= REPEAT_COUNT,
            episodes_in_90_days=count,
            needs_scrutiny=age < SCRUTINY_UNDER,
            source_import=source_import,
            created_by=actor_user(actor),
        )
        social_care = [i for i in involvements.get(family_id, []) if adapters.is_social_care(i)]
        if social_care:
            episode.route = MissingRoute.ALLOCATED_WORKER
            episode.allocated_team_id = social_care[0].team_id
            episode.allocated_worker_id = social_care[0].lead_worker_id
        else:
            episode.route = MissingRoute.HUB_SCREENING
            request = _screening_request(actor, episode, notification, now, recent)
            requests.append(request)
            events.append(
                batch_event(
                    request,
                    RequestEventKind.SUBMITTED,
                    actor=actor,
                    when=now,
                    summary="Police missing notification",
                )
            )
            episode.screening_request = request
            recent[person_id].append(now)
        if notification.returned_at and age in CONVERSATION_AGES:
            conversations.append(
                ReturnConversation(
                    episode=episode,
                    created_by=actor_user(actor),
                    due_by=notification.returned_at + timedelta(hours=CONVERSATION_HOURS),
                )
            )
        episodes.append(episode)
    _references(requests)
    RequestForSupport.objects.bulk_create(requests, batch_size=500)
    RequestEvent.objects.bulk_create(events, batch_size=500)
    MissingEpisode.objects.bulk_create(episodes, batch_size=500)
    ReturnConversation.objects.bulk_create(conversations, batch_size=500)
    _tasks_and_chronology(actor, episodes)
    return episodes


def _earlier_episodes(person_ids, batch) -> dict:
    """Every episode time per child, from earlier notifications and from this batch."""
    history = defaultdict(list)
    earliest = min(n.reported_missing_at for n in batch) - REPEAT_WINDOW
    for person_id, when in MissingEpisode.objects.filter(
        person_id__in=set(person_ids), reported_missing_at__gte=earliest
    ).values_list("person_id", "reported_missing_at"):
        history[person_id].append(when)
    for person_id, notification in zip(person_ids, batch, strict=True):
        history[person_id].append(notification.reported_missing_at)
    return history


def _recent_requests(person_ids, families) -> dict:
    """person id -> when requests about them (or their family) were sent in the last year."""
    since = timezone.now() - RE_REFERRAL_WINDOW
    person_of_family = defaultdict(set)
    for person_id, family_id in families.items():
        person_of_family[family_id].add(person_id)
    recent = defaultdict(list)
    rows = (
        RequestForSupport.objects.filter(submitted_at__gte=since)
        .filter(person_id__in=set(person_ids))
        .values_list("person_id", "family_id", "submitted_at")
    )
    rows = list(rows) + list(
        RequestForSupport.objects.filter(
            submitted_at__gte=since, family_id__in=set(families.values())
        ).values_list("person_id", "family_id", "submitted_at")
    )
    for person_id, family_id, when in rows:
        for who in {person_id, *person_of_family.get(family_id, ())}:
            recent[who].append(when)
    return recent


def _screening_request(actor, episode, notification, now, recent) -> RequestForSupport:
    returned = (
        f"returned {timezone.localtime(notification.returned_at):%d %B %Y %H:%M}"
        if notification.returned_at
        else "not yet returned"
    )
    concern = (
        f"Police notification {notification.notification_id}: reported missing "
        f"{timezone.localtime(notification.reported_missing_at):%d %B %Y %H:%M}, {returned}"
        f"{', found at ' + notification.where_found if notification.where_found else ''}. "
        f"Risk grade: {RiskGrade(notification.risk_grade).label.lower()}."
    )
    if episode.is_repeat:
        concern += f" Repeat: {episode.episodes_in_90_days} episodes in 90 days."
    return RequestForSupport(
        source=RequestSource.MISSING_EPISODE,
        status=RequestStatus.DRAFT,  # sent by batch_event, through the Hub's table
        child_forenames=notification.forenames,
        child_surname=notification.surname,
        child_date_of_birth=notification.date_of_birth,
        address_line_1=notification.address,
        postcode=notification.postcode,
        person_id=episode.person_id,
        family_id=episode.family_id,
        district_id=episode.district_id,
        concern=concern,
        safeguarding_concern=notification.risk_grade == RiskGrade.HIGH,
        referrer_name="Police missing notification",
        submitted_at=now,
        due_on=hub_due_on(now),
        is_re_referral=bool(recent.get(episode.person_id)),
        created_by=actor_user(actor),
    )


def _references(requests) -> None:
    """Unique references for a batch in one query (a clash is rare: 32^6 possibilities)."""
    wanted = {}
    while len(wanted) < len(requests):
        wanted[random_reference()] = True
    clashes = set(
        RequestForSupport.objects.filter(reference__in=list(wanted)).values_list(
            "reference", flat=True
        )
    )
    fresh = [reference for reference in wanted if reference not in clashes]
    while len(fresh) < len(requests):
        fresh.append(new_reference())
    for request, reference in zip(requests, fresh, strict=False):
        request.reference = reference


def _tasks_and_chronology(actor, episodes) -> None:
    """A task for each allocated worker, and one chronology event per episode (in one batch)."""
    for episode in episodes:
        if episode.route == MissingRoute.ALLOCATED_WORKER:
            work_item_create(
                actor=on_behalf_of(actor),
                title="Missing episode: follow up the police notification",
                details=f"Police notification {episode.notification_id}",
                assigned_to=episode.allocated_worker,
                team=episode.allocated_team,
                due_on=hub_due_on(timezone.now()),
                source_type="frontdoor.missingepisode",
                source_id=str(episode.pk),
                link=reverse("frontdoor:missing-detail", args=[episode.pk]),
            )
    adapters.record_family_events(
        actor=actor,
        events=[
            {
                "family_id": episode.family_id,
                "kind": adapters.MISSING_EVENT,
                "summary": "Police notified a missing episode "
                f"({episode.get_route_display().lower()})",
                "occurred_at": episode.reported_missing_at,
                "source_app": "frontdoor",
                "source_id": str(episode.pk),
            }
            for episode in episodes
        ],
    )
