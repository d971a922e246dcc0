"""Laying out a family tree for the family page: people in rows by generation, lines for
parent, step-parent, carer and grandparent links, and partners side by side.

Pure layout (coordinates and labels); the template draws it as SVG with a title, a description
and a table beside it, so the tree is readable by screen reader and without images.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from teamaround.people.models import ADULT_ROLES, RelationshipKind

BOX_W, BOX_H, GAP_X, GAP_Y, MARGIN = 170, 56, 30, 70, 10
DOWNWARD = {
    RelationshipKind.PARENT_OF: "solid",
    RelationshipKind.GRANDPARENT_OF: "solid",
    RelationshipKind.STEP_PARENT_OF: "dashed",
    RelationshipKind.CARER_OF: "dotted",
}


@dataclass
class Box:
    person_id: object
    label: str
    detail: str
    x: int = 0
    y: int = 0
    left: bool = False

    @property
    def cx(self) -> int:
        return self.x + BOX_W // 2

    @property
    def text_x(self) -> int:
        return self.x + 10


@dataclass
class Line:
    x1: int
    y1: int
    x2: int
    y2: int
    style: str
    label: str


@dataclass
class FamilyTree:
    boxes: list[Box] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    width: int = 0
    height: int = 0
    description: str = ""


def layout(memberships, relationships, today: date) -> FamilyTree:
    people = {}
    for membership in memberships:
        person = membership.person
        age = person.age_on(today)
        detail = membership.get_role_display()
        if person.is_unborn:
            detail += ", unborn"
        elif age is not None:
            detail += f", {age}"
        if membership.ended_on:
            detail += " (left)"
        people.setdefault(person.pk, (person, membership, detail))
    grandparents = {
        r.from_person_id for r in relationships if r.kind == RelationshipKind.GRANDPARENT_OF
    }
    rows: list[list[Box]] = [[], [], []]
    for person, membership, detail in people.values():
        row = 0 if person.pk in grandparents else 1 if membership.role in ADULT_ROLES else 2
        rows[row].append(Box(person.pk, str(person), detail, left=bool(membership.ended_on)))
    children = len(rows[2])
    rows = [row for row in rows if row]
    tree = FamilyTree()
    widest = max((len(row) for row in rows), default=0)
    tree.width = MARGIN * 2 + widest * BOX_W + max(widest - 1, 0) * GAP_X
    for level, row in enumerate(rows):
        offset = (tree.width - (len(row) * BOX_W + (len(row) - 1) * GAP_X)) // 2
        for index, box in enumerate(row):
            box.x = offset + index * (BOX_W + GAP_X)
            box.y = MARGIN + level * (BOX_H + GAP_Y)
            tree.boxes.append(box)
    tree.height = MARGIN * 2 + len(rows) * BOX_H + max(len(rows) - 1, 0) * GAP_Y
    where = {box.person_id: box for box in tree.boxes}
    for relationship in relationships:
        start, end = where.get(relationship.from_person_id), where.get(relationship.to_person_id)
        if not start or not end:
            continue
        label = f"{start.label} {relationship.get_kind_display().lower()} {end.label}"
        if relationship.kind in DOWNWARD and start.y != end.y:
            top, bottom = (start, end) if start.y < end.y else (end, start)
            tree.lines.append(
                Line(top.cx, top.y + BOX_H, bottom.cx, bottom.y, DOWNWARD[relationship.kind], label)
            )
        elif relationship.kind == RelationshipKind.PARTNER_OF and start.y == end.y:
            left, right = sorted((start, end), key=lambda box: box.x)
            middle = left.y + BOX_H // 2
            tree.lines.append(Line(left.x + BOX_W, middle, right.x, middle, "solid", label))
    adults = len(people) - children
    tree.description = (
        f"{len(people)} people: {adults} adults in the upper rows and "
        f"{children} children below. Solid lines join parents (and grandparents) to "
        "children, dashed lines step-parents, dotted lines carers; partners are joined side by "
        "side. The same information is in the table below."
    )
    return tree
