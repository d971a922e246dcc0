"""Merging two records of the same person, and undoing a merge exactly.

Nothing is deleted: every name, address, identifier, membership and relationship of the
merged-away record moves to the survivor, and the ids of what moved are kept on the PersonMerge
so an undo moves exactly those back. The merged-away record stays, pointing at the survivor
(with its own field history), and drops out of search. Both sides are audited.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from teamaround.core.access import actor_user, require
from teamaround.core.errors import Conflict, DomainError
from teamaround.core.models import AuditAction
from teamaround.core.updates import model_update
from teamaround.people.models import (
    FamilyEventKind,
    FamilyMembership,
    Person,
    PersonAddress,
    PersonIdentifier,
    PersonMerge,
    PersonName,
    Relationship,
)
from teamaround.people.services.families import record_for_families
from teamaround.people.services.input_checks import audit, require_reason
from teamaround.people.services.search_keys import search_keys_refresh

# (key in PersonMerge.moved, model, the field that points at the person)
MOVABLE = [
    ("names", PersonName, "person"),
    ("addresses", PersonAddress, "person"),
    ("identifiers", PersonIdentifier, "person"),
    ("memberships", FamilyMembership, "person"),
    ("relationships_from", Relationship, "from_person"),
    ("relationships_to", Relationship, "to_person"),
]


@transaction.atomic
def person_merge(*, actor, survivor: Person, merged: Person, reason: str) -> PersonMerge:
    require(actor, "people.merge", what="merge two records")
    require(actor, "people.view_person", survivor, what="merge two records")
    require(actor, "people.view_person", merged, what="merge two records")
    reason = require_reason(reason)
    if survivor.pk == merged.pk:
        raise DomainError("Choose two different records.", field="merged")
    if survivor.merged_into_id or merged.merged_into_id:
        raise Conflict("One of these records has already been merged.", field="merged")
    if Relationship.objects.filter(
        Q(from_person=survivor, to_person=merged) | Q(from_person=merged, to_person=survivor)
    ).exists():
        raise DomainError(
            "These records are related to each other, so they are two people.", field="merged"
        )
    moved = {}
    for key, model, field in MOVABLE:
        rows = model.objects.filter(**{field: merged})
        moved[key] = [str(pk) for pk in rows.values_list("pk", flat=True)]
        rows.update(**{field: survivor})
    model_update(merged, actor=actor, values={"merged_into": survivor})
    merge = PersonMerge.objects.create(
        survivor=survivor, merged=merged, reason=reason, moved=moved, merged_by=actor_user(actor)
    )
    search_keys_refresh(merged)
    search_keys_refresh(survivor)
    changes = {"merge": [None, str(merge.pk)], "moved": {k: len(v) for k, v in moved.items()}}
    audit(
        actor,
        survivor,
        AuditAction.UPDATE,
        "Merged a duplicate record into this one",
        reason=reason,
        changes=changes,
    )
    audit(
        actor,
        merged,
        AuditAction.ARCHIVE,
        "Merged this record into another",
        reason=reason,
        changes={"merged_into": [None, str(survivor.pk)]},
    )
    record_for_families(
        actor,
        survivor,
        FamilyEventKind.RECORDS_MERGED,
        "Two records of one family member were merged",
        str(merge.pk),
    )
    return merge


@transaction.atomic
def person_merge_undo(*, actor, merge: PersonMerge, reason: str) -> PersonMerge:
    require(actor, "people.merge", what="undo a merge")
    require(actor, "people.view_person", merge.survivor, what="undo a merge")
    reason = require_reason(reason)
    if merge.undone_at:
        raise Conflict("This merge has already been undone.")
    survivor, merged = merge.survivor, merge.merged
    if survivor.merged_into_id:
        raise DomainError("The surviving record has since been merged again: undo that first.")
    record_for_families(
        actor,
        survivor,
        FamilyEventKind.MERGE_UNDONE,
        "A merge of two records was undone",
        str(merge.pk),
    )
    for key, model, field in MOVABLE:
        model.objects.filter(pk__in=merge.moved.get(key, [])).update(**{field: merged})
    model_update(merged, actor=actor, values={"merged_into": None})
    merge.undone_at = timezone.now()
    merge.undone_by = actor_user(actor)
    merge.undo_reason = reason
    merge.save()
    search_keys_refresh(merged)
    search_keys_refresh(survivor)
    audit(
        actor,
        survivor,
        AuditAction.UPDATE,
        "Undid a merge into this record",
        reason=reason,
        changes={"merge": [str(merge.pk), None]},
    )
    audit(
        actor,
        merged,
        AuditAction.UPDATE,
        "Undid the merge of this record",
        reason=reason,
        changes={"merged_into": [str(survivor.pk), None]},
    )
    return merge
