"""Use-cases that change people's records: the only writers of the people app's tables."""

from teamaround.people.services.anonymise import person_anonymise
from teamaround.people.services.chronology import family_event_record, family_events_record_batch
from teamaround.people.services.families import (
    family_create,
    family_member_add,
    family_member_end,
    family_update,
    relationship_record,
)
from teamaround.people.services.involvement import (
    break_glass_grant,
    break_glass_review,
    involvement_close,
    involvement_open,
)
from teamaround.people.services.merge import person_merge, person_merge_undo
from teamaround.people.services.persons import (
    person_address_add,
    person_create,
    person_identifier_add,
    person_name_add,
    person_update,
)
from teamaround.people.services.persons_batch import RecordedPerson, persons_record_batch
from teamaround.people.services.search_keys import search_keys_refresh

__all__ = [
    "RecordedPerson",
    "break_glass_grant",
    "break_glass_review",
    "family_create",
    "family_event_record",
    "family_events_record_batch",
    "family_member_add",
    "family_member_end",
    "family_update",
    "involvement_close",
    "involvement_open",
    "person_address_add",
    "person_anonymise",
    "person_create",
    "person_identifier_add",
    "person_merge",
    "person_merge_undo",
    "person_name_add",
    "person_update",
    "persons_record_batch",
    "relationship_record",
    "search_keys_refresh",
]
