"""Use-cases that change the council's geography. Administrators edit districts and quadrants;
`geography_load` replaces them from a file, landing whole or not at all."""

from __future__ import annotations

from teamaround.core.access import use_case
from teamaround.core.audit import audit_record
from teamaround.core.errors import DomainError
from teamaround.core.geography_file import GeographyFile, parse_geography
from teamaround.core.models import AuditAction, District, PostcodeOutwardCode, Quadrant
from teamaround.core.updates import model_update


def district_update(*, actor, district: District, **values) -> District:
    with use_case(actor, "core.manage_geography", district, what="change a district"):
        name = values.get("name", "").strip()
        if not name:
            raise DomainError("Enter the district's name.", field="name")
        changes = model_update(district, actor=actor, values=values)
        audit_record(
            action=AuditAction.UPDATE, actor=actor, obj=district, summary=name, changes=changes
        )
        return district


def quadrant_update(*, actor, quadrant: Quadrant, name: str) -> Quadrant:
    with use_case(actor, "core.manage_geography", quadrant, what="change a quadrant"):
        if not name.strip():
            raise DomainError("Enter the quadrant's name.", field="name")
        changes = model_update(quadrant, actor=actor, values={"name": name.strip()})
        audit_record(action=AuditAction.UPDATE, actor=actor, obj=quadrant, changes=changes)
        return quadrant


def geography_load(*, actor, data: dict) -> GeographyFile:
    """Create or update quadrants, districts and outward codes from a geography file.

    The file is checked first and every problem reported; nothing is written unless all of it
    is good. Loading the same file twice changes nothing the second time. The seeder and the
    command line pass core.access.SYSTEM as the actor.
    """
    with use_case(actor, "core.manage_geography", what="load a geography file"):
        geography = parse_geography(data)
        quadrants = {}
        for order, quadrant in enumerate(geography.quadrants):
            quadrants[quadrant.code], _ = Quadrant.objects.update_or_create(
                code=quadrant.code, defaults={"name": quadrant.name, "display_order": order}
            )
        for order, district in enumerate(geography.districts):
            record, _ = District.objects.update_or_create(
                code=district.code,
                defaults={
                    "name": district.name,
                    "ons_code": district.ons_code,
                    "kind": district.kind,
                    "quadrant": quadrants.get(district.quadrant_code),
                    "display_order": order,
                },
            )
            for outward in district.outward_codes:
                PostcodeOutwardCode.objects.update_or_create(
                    outward_code=outward, defaults={"district": record}
                )
        audit_record(
            action=AuditAction.UPDATE,
            actor=actor,
            object_type="core.district",
            summary=f"Loaded geography for {geography.council}"[:300],
            changes={"quadrants": len(geography.quadrants), "districts": len(geography.districts)},
        )
        return geography
