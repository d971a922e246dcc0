"""Turning planned households into rows, in bulk, for any scale from a demo to 300,000 children.

Rows are built in memory and written a chunk at a time by people.services.bulk (shared with
the batch services). Search keys come from the same `key_rows` the services use, so a seeded
record is found exactly as a recorded one.
(Field history starts at a record's first change: bulk writes skip simple_history.)
"""

from __future__ import annotations

import uuid
from datetime import datetime, time

from django.utils import timezone

from teamaround.people.models import (
    DateOfBirthKind,
    Family,
    FamilyEvent,
    FamilyEventKind,
    FamilyMembership,
    IdentifierScheme,
    Involvement,
    NameKind,
    Person,
    PersonAddress,
    PersonIdentifier,
    PersonName,
    Relationship,
)
from teamaround.people.seeding.households import PlannedHousehold, PlannedPerson
from teamaround.people.services.bulk import Buffers
from teamaround.people.services.search_keys import key_rows
from teamaround.people.validators import nhs_number_check_digit, upn_check_letter

ETHNICITIES = (
    ["WBRI"] * 70
    + ["WOTH"] * 6
    + ["MWBC", "MWBA", "MWAS", "MOTH"] * 2
    + ["AIND", "APKN", "ABAN", "AOTH", "BAFR", "BCRB", "CHNE", "OOTH", "WIRI", "WROM", "NOBT"]
)


class CountyWriter:
    def __init__(self, context, *, districts: dict, chunk: int = 1500):
        self.context, self.rng = context, context.random
        self.districts, self.chunk = districts, chunk
        self.buffers, self.pending = Buffers(), 0
        self.today = timezone.localdate()
        self.ids: dict[int, uuid.UUID] = {}
        self.nhs_serial = 0
        self.written: set[int] = set()
        self.upn_serial = 0

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def person_id(self, planned: PlannedPerson) -> uuid.UUID:
        if planned.key not in self.ids:
            self.ids[planned.key] = self.uuid()
        return self.ids[planned.key]

    def _moment(self, day) -> datetime:
        return timezone.make_aware(datetime.combine(day or self.today, time(9, 0)))

    def household(self, household: PlannedHousehold, *, team=None) -> uuid.UUID:
        """Write a household (and the one a child moved from); `team` becomes involved."""
        if household.moved_from is not None:
            self.household(household.moved_from)
        family = Family(id=self.uuid(), name=household.name)
        self.buffers.add(family)
        self.buffers.add(
            FamilyEvent(
                id=self.uuid(),
                family_id=family.id,
                occurred_at=self._moment(household.members[0].started_on),
                kind=FamilyEventKind.FAMILY_RECORDED,
                summary="Family recorded",
                source_id=str(family.id),
            )
        )
        for member in household.members:
            self._member(family.id, household, member)
        for first, kind, second in household.relationships:
            self.buffers.add(
                Relationship(
                    id=self.uuid(),
                    from_person_id=self.person_id(first),
                    to_person_id=self.person_id(second),
                    kind=kind,
                )
            )
        if team is not None:
            self.involvement(family.id, team)
        self._count(len(household.members))
        return family.id

    def _member(self, family_id, household, member) -> None:
        """A membership and the address that went with it; the person themselves is written
        once, from their current household (so their search keys carry today's postcode)."""
        planned = member.person
        person_id = self.person_id(planned)
        self.buffers.add(
            FamilyMembership(
                id=self.uuid(),
                family_id=family_id,
                person_id=person_id,
                role=member.role,
                started_on=member.started_on,
                ended_on=member.ended_on,
            )
        )
        district = self.districts.get(household.postcode.split(" ")[0])
        self.buffers.add(
            PersonAddress(
                id=self.uuid(),
                person_id=person_id,
                line_1=household.street,
                town=district.name if district else "",
                postcode=household.postcode,
                district_id=district.pk if district else None,
                moved_in=member.started_on or planned.date_of_birth,
                moved_out=member.ended_on,
            )
        )
        if member.ended_on is None and planned.key not in self.written:
            self.written.add(planned.key)
            self.person(planned, person_id, household.postcode, district, family_id)

    def person(
        self, planned: PlannedPerson, person_id, postcode: str, district, family_id=None
    ) -> None:
        rng = self.rng
        self.buffers.add(
            Person(
                id=person_id,
                forenames=planned.forenames,
                surname=planned.surname,
                date_of_birth=planned.date_of_birth,
                date_of_birth_kind=DateOfBirthKind.EXPECTED
                if planned.unborn
                else (DateOfBirthKind.ESTIMATED if rng.random() < 0.01 else DateOfBirthKind.KNOWN),
                sex=planned.sex,
                ethnicity=rng.choice(ETHNICITIES),
                first_language="English"
                if rng.random() < 0.85
                else rng.choice(
                    ["Polish", "Romanian", "Urdu", "Bengali", "Lithuanian", "Turkish", "Punjabi"]
                ),
            )
        )
        if planned.is_child and not planned.unborn:
            self.buffers.add(
                PersonIdentifier(
                    id=self.uuid(),
                    person_id=person_id,
                    scheme=IdentifierScheme.NHS_NUMBER,
                    value=self.nhs_number(),
                )
            )
            if planned.date_of_birth and (self.today - planned.date_of_birth).days > 4 * 365:
                self.buffers.add(
                    PersonIdentifier(
                        id=self.uuid(),
                        person_id=person_id,
                        scheme=IdentifierScheme.UPN,
                        value=self.upn(planned.date_of_birth.year),
                    )
                )
        for forenames, surname in planned.other_names:
            self.buffers.add(
                PersonName(
                    id=self.uuid(),
                    person_id=person_id,
                    kind=NameKind.PREVIOUS,
                    forenames=forenames,
                    surname=surname,
                )
            )
        for row in key_rows(
            person_id=person_id,
            names=[(planned.forenames, planned.surname, True)]
            + [(forenames, surname, False) for forenames, surname in planned.other_names],
            date_of_birth=planned.date_of_birth,
            postcode=postcode,
            district_id=district.pk if district else None,
            sex=planned.sex,
            is_unborn=planned.unborn,
            household_id=family_id,
        ):
            self.buffers.add(row)

    def involvement(self, family_id, team) -> None:
        opened = self._moment(self.today) - timezone.timedelta(days=self.rng.randint(1, 400))
        involvement = Involvement(
            id=self.uuid(),
            family_id=family_id,
            team_id=team.pk,
            opened_at=opened,
            reason="Working with the family",
        )
        self.buffers.add(involvement)
        self.buffers.add(
            FamilyEvent(
                id=self.uuid(),
                family_id=family_id,
                occurred_at=opened,
                kind=FamilyEventKind.INVOLVEMENT_OPENED,
                team_id=team.pk,
                summary=f"{team.name} became involved",
                source_id=str(involvement.id),
            )
        )

    def nhs_number(self) -> str:
        """Synthetic NHS numbers in the 999 range set aside for testing, all valid."""
        while True:
            self.nhs_serial += 1
            first_nine = f"999{self.nhs_serial:06d}"
            check = nhs_number_check_digit(first_nine)
            if check is not None:
                return first_nine + str(check)

    def upn(self, year: int) -> str:
        self.upn_serial += 1
        body = f"881{self.rng.randint(2000, 5999):04d}{year % 100:02d}{self.upn_serial % 1000:03d}"
        return upn_check_letter(body) + body

    def _count(self, people: int) -> None:
        self.pending += people
        if self.pending >= self.chunk:
            self.flush()

    def flush(self) -> None:
        self.buffers.flush()
        self.pending = 0
