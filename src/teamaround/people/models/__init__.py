from teamaround.people.models.choices import (
    ADULT_ROLES,
    DateOfBirthKind,
    Ethnicity,
    IdentifierScheme,
    MemberRole,
    NameKind,
    RelationshipKind,
    Sex,
)
from teamaround.people.models.chronology import FamilyEvent, FamilyEventKind
from teamaround.people.models.families import Family, FamilyMembership, Relationship
from teamaround.people.models.involvement import BreakGlassGrant, Involvement
from teamaround.people.models.persons import Person, PersonAddress, PersonIdentifier, PersonName
from teamaround.people.models.search import MatchModel, PersonMerge, PersonSearchKey

__all__ = [
    "ADULT_ROLES",
    "BreakGlassGrant",
    "DateOfBirthKind",
    "Ethnicity",
    "Family",
    "FamilyEvent",
    "FamilyEventKind",
    "FamilyMembership",
    "IdentifierScheme",
    "Involvement",
    "MemberRole",
    "NameKind",
    "Person",
    "PersonAddress",
    "PersonIdentifier",
    "MatchModel",
    "PersonMerge",
    "PersonName",
    "PersonSearchKey",
    "Relationship",
    "RelationshipKind",
    "Sex",
]
