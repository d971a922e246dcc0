"""Reads of people's records, always filtered by what the actor may see, views audited."""

from teamaround.people.selectors.households import (
    current_families,
    dates_of_birth,
    open_involvements,
)
from teamaround.people.selectors.match_batch import KnownChildMatch, known_child_match_batch
from teamaround.people.selectors.records import (
    break_glass_active,
    break_glass_for_manager,
    break_glass_to_review,
    family_chronology,
    family_exists,
    family_get,
    family_involvements,
    family_list,
    family_members,
    family_relationships,
    person_exists,
    person_get,
    person_linkable,
    person_list,
    person_memberships,
    person_merges,
    person_relationships,
    relationship_list,
)
from teamaround.people.selectors.search import KnownChildResult, known_child_search

__all__ = [
    "KnownChildMatch",
    "KnownChildResult",
    "break_glass_active",
    "break_glass_for_manager",
    "break_glass_to_review",
    "current_families",
    "dates_of_birth",
    "family_chronology",
    "family_get",
    "family_involvements",
    "family_list",
    "family_members",
    "family_relationships",
    "known_child_match_batch",
    "known_child_search",
    "open_involvements",
    "family_exists",
    "person_exists",
    "person_get",
    "person_linkable",
    "person_list",
    "person_memberships",
    "person_merges",
    "person_relationships",
    "relationship_list",
]
