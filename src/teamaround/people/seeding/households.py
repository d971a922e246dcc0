"""Household shapes for the synthetic county, as plain data: who lives together, their roles
and how they are related. No database here; people.seeding.writer turns plans into rows.

Shapes follow what early help sees: two-parent families, single parents, step-families with
children of different surnames, children living with grandparents, children who moved from one
parent's household to the other's, and unborn children.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from teamaround.people.seeding.names import NamePools


@dataclass
class PlannedPerson:
    key: int
    forenames: str
    surname: str
    sex: str
    date_of_birth: date | None
    unborn: bool = False
    is_child: bool = False
    other_names: tuple[tuple[str, str], ...] = ()


@dataclass
class PlannedMember:
    person: PlannedPerson
    role: str
    started_on: date | None
    ended_on: date | None = None


@dataclass
class PlannedHousehold:
    name: str
    postcode: str
    street: str
    members: list[PlannedMember] = field(default_factory=list)
    relationships: list[tuple[PlannedPerson, str, PlannedPerson]] = field(default_factory=list)
    moved_from: PlannedHousehold | None = None


class HouseholdPlanner:
    def __init__(self, rng: random.Random, pools: NamePools, postcodes, streets, today: date):
        self.rng, self.pools, self.postcodes, self.streets = rng, pools, postcodes, streets
        self.today, self.next_key = today, 0

    def _person(self, surname, sex, born, *, child=False, unborn=False) -> PlannedPerson:
        self.next_key += 1
        forename = self.pools.forename(self.rng, sex)
        if not unborn and self.rng.random() < 0.35:
            forename += " " + self.pools.forename(self.rng, sex)
        return PlannedPerson(self.next_key, forename, surname, sex, born, unborn, child)

    def _born(self, low_years: float, high_years: float) -> date:
        return self.today - timedelta(
            days=self.rng.randint(int(low_years * 365), int(high_years * 365))
        )

    def _household(self, surname) -> PlannedHousehold:
        number = self.rng.randint(1, 180)
        return PlannedHousehold(
            f"{surname} household", self.postcodes(), f"{number} {self.rng.choice(self.streets)}"
        )

    def _children(self, household, parents, surname, count, *, since=None):
        children = []
        for _ in range(count):
            sex = self.rng.choice("FM")
            child = self._person(surname, sex, self._born(0, 17.9), child=True)
            children.append(child)
            household.members.append(PlannedMember(child, "child", since or child.date_of_birth))
            for parent in parents:
                household.relationships.append((parent, "parent_of", child))
        return children

    def plan(self, wanted_children: int) -> PlannedHousehold:
        """One household with about `wanted_children` children (1 to 4)."""
        rng = self.rng
        shape = rng.choices(["couple", "single", "step", "kinship", "moved"], [40, 30, 18, 5, 7])[0]
        surname = self.pools.surname(rng)
        household = self._household(surname)
        mother = self._person(surname, "F", self._born(20, 45))
        household.members.append(PlannedMember(mother, "parent", self._born(1, 18)))
        if shape == "couple":
            father = self._person(surname, "M", self._born(20, 50))
            household.members.append(PlannedMember(father, "parent", mother.date_of_birth))
            household.relationships.append((father, "partner_of", mother))
            self._children(household, [mother, father], surname, wanted_children)
        elif shape == "step":
            old_surname = self.pools.surname(rng)
            step = self._person(surname, "M", self._born(22, 50))
            since = self._born(0.5, 6)
            household.members.append(PlannedMember(step, "step_parent", since))
            household.relationships.append((step, "partner_of", mother))
            older = self._children(household, [mother], old_surname, max(1, wanted_children - 1))
            for child in older:
                household.relationships.append((step, "step_parent_of", child))
            if wanted_children > 1:
                self._children(household, [mother, step], surname, 1, since=since)
        elif shape == "kinship":
            household.members[0].role = "carer"
            mother.date_of_birth = self._born(45, 70)
            children = self._children(household, [], self.pools.surname(rng), wanted_children)
            for child in children:
                household.relationships.append((mother, "grandparent_of", child))
                household.relationships.append((mother, "carer_of", child))
        else:
            self._children(household, [mother], surname, wanted_children)
            if shape == "moved":
                self._move_one_child(household)
        if rng.random() < 0.04 and shape in ("couple", "single", "step"):
            unborn = self._person(
                surname,
                rng.choice("FM"),
                self.today + timedelta(days=rng.randint(20, 200)),
                child=True,
                unborn=True,
            )
            household.members.append(PlannedMember(unborn, "child", None))
            household.relationships.append((mother, "parent_of", unborn))
        children = [m.person for m in household.members if m.role == "child"]
        for first, second in zip(children, children[1:], strict=False):
            household.relationships.append((first, "sibling_of", second))
        for planned in (household, household.moved_from):
            if planned is not None:
                _parents_old_enough(planned)
        return household

    @staticmethod
    def single_child(child: PlannedPerson, like: PlannedHousehold) -> PlannedHousehold:
        """A record of one child on their own, at the same address (another agency's record)."""
        household = PlannedHousehold(f"{child.surname} household", like.postcode, like.street)
        household.members.append(PlannedMember(child, "child", child.date_of_birth))
        return household

    def _move_one_child(self, household: PlannedHousehold) -> None:
        """The first child lived with their father until recently, then moved to their mother."""
        child_member = next(m for m in household.members if m.role == "child")
        child = child_member.person
        father = self._person(child.surname, "M", self._born(22, 50))
        previous = self._household(child.surname)
        moved_on = self._born(0.1, 2)
        previous.members.append(PlannedMember(father, "parent", child.date_of_birth))
        previous.members.append(PlannedMember(child, "child", child.date_of_birth, moved_on))
        previous.relationships.append((father, "parent_of", child))
        child_member.started_on = moved_on
        household.moved_from = previous


PARENT_GAP = timedelta(days=16 * 365 + 4)


def _parents_old_enough(household: PlannedHousehold) -> None:
    """A parent or step-parent is at least 16 years older than each of their children: one who
    would be younger is made older, with no further random draw (so the children, whom the
    known-child search is measured on, stay as they are for a seed)."""
    for parent, kind, child in household.relationships:
        if kind not in ("parent_of", "step_parent_of") or child.unborn:
            continue
        if parent.date_of_birth is None or child.date_of_birth is None:
            continue
        latest = child.date_of_birth - PARENT_GAP - timedelta(days=parent.key % 2500)
        if parent.date_of_birth > child.date_of_birth - PARENT_GAP:
            parent.date_of_birth = latest
