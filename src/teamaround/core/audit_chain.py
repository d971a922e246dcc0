"""The audit trail as a hash chain, so that changing, removing or inserting an event anywhere
shows.

Every event carries a `sequence` (1, 2, 3, ... with no gaps), the hash of the event before it
(`previous_hash`) and its own `hash`: SHA-256 over a canonical serialisation of its fields and
`previous_hash` (`canonical`). One row, AuditChainHead, holds the last sequence and hash.

Writers take the head row first (`chain_link`): an UPDATE of it is a row lock on PostgreSQL and
the write lock on SQLite, held until the writer's transaction ends, so concurrent writers queue
and each links to the event committed before it; the chain never forks. `chain_verify` walks
the trail in sequence and reports the first broken link, and whether the head agrees with the
last event (a removed tail shows there).
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC

from django.db.models import F
from django.utils import timezone

from teamaround.core.models import AuditChainHead, AuditEvent

GENESIS = "0" * 64
HEAD_ID = 1
FIELDS = (
    "sequence",
    "id",
    "occurred_at",
    "actor_id",
    "actor_username",
    "action",
    "object_type",
    "object_id",
    "summary",
    "reason",
    "changes",
    "request_id",
    "request_method",
    "request_path",
    "ip_address",
    "previous_hash",
)


def _plain(name: str, value):
    if value is None:
        return None
    if name == "occurred_at":
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if name == "ip_address":
        return ipaddress.ip_address(value).compressed
    if name == "changes":
        return json.loads(json.dumps(value))
    if name == "sequence":
        return int(value)
    return str(value)


def canonical(event: AuditEvent) -> bytes:
    """The bytes an event's hash is taken over: its fields as sorted JSON, UTF-8."""
    data = {name: _plain(name, getattr(event, name)) for name in FIELDS}
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def event_hash(event: AuditEvent) -> str:
    return hashlib.sha256(canonical(event)).hexdigest()


def _lock_head() -> tuple[int, str]:
    """Take the head row (waiting for any other writer) and return the last sequence and hash.
    Inside the caller's transaction: the UPDATE holds the lock until it ends."""
    heads = AuditChainHead.objects.filter(id=HEAD_ID)
    if heads.update(sequence=F("sequence")) == 0:
        # No head yet (a new database, or one emptied by a test run): start it from the last
        # event, so a lost head row cannot restart the chain unnoticed.
        last = AuditEvent.objects.filter(sequence__isnull=False).order_by("-sequence").first()
        AuditChainHead.objects.bulk_create(
            [
                AuditChainHead(
                    id=HEAD_ID,
                    sequence=last.sequence if last else 0,
                    hash=last.hash if last else GENESIS,
                )
            ],
            ignore_conflicts=True,
        )
        heads.update(sequence=F("sequence"))
    sequence, last_hash = heads.values_list("sequence", "hash").get()
    return int(sequence), last_hash


def chain_link(events: list[AuditEvent]) -> None:
    """Give `events` (unsaved, in order) their sequence and hashes, and move the head past
    them. Call inside a transaction, then insert the events in the same transaction."""
    sequence, previous = _lock_head()
    now = timezone.now()
    for event in events:
        event.occurred_at = now
        sequence += 1
        event.sequence = sequence
        event.previous_hash = previous
        event.hash = previous = event_hash(event)
    AuditChainHead.objects.filter(id=HEAD_ID).update(sequence=sequence, hash=previous)


@dataclass
class Break:
    sequence: int | None
    event_id: str
    problem: str

    def __str__(self) -> str:
        where = f"event {self.sequence}" if self.sequence is not None else "the head"
        return f"{where} ({self.event_id}): {self.problem}"


def chain_verify() -> tuple[int, Break | None]:
    """(events checked, the first broken link or None)."""
    checked, expected_sequence, previous = 0, 1, GENESIS
    unchained = AuditEvent.objects.filter(sequence__isnull=True).first()
    if unchained is not None:
        return 0, Break(None, str(unchained.pk), "an event outside the chain (no sequence)")
    for event in _in_sequence():
        checked += 1
        if event.sequence != expected_sequence:
            problem = f"expected event {expected_sequence} here: events are missing or inserted"
            return checked, Break(event.sequence, str(event.pk), problem)
        if event.previous_hash != previous:
            problem = "it does not carry the hash of the event before it"
            return checked, Break(event.sequence, str(event.pk), problem)
        if event_hash(event) != event.hash:
            return checked, Break(event.sequence, str(event.pk), "its contents have changed")
        expected_sequence, previous = event.sequence + 1, event.hash
    head = AuditChainHead.objects.filter(id=HEAD_ID).first()
    last_sequence = expected_sequence - 1
    if head is not None and (head.sequence, head.hash) != (last_sequence, previous):
        problem = (
            f"the head names event {head.sequence} but the trail ends at event "
            f"{last_sequence}: events at the end were removed, or added outside the chain"
        )
        return checked, Break(None, "head", problem)
    return checked, None


def _in_sequence() -> Iterator[AuditEvent]:
    return AuditEvent.objects.order_by("sequence").iterator(chunk_size=2000)
