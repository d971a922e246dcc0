"""The directory's part of the synthetic county: the services the Essex Early Help Offer names
at each level of the Windscreen (data/essex_services.json), spread over the districts, with
made-up addresses, phone numbers and opening times. Providers that are agencies in TeamAround
are linked to them (read only). Deterministic for a given --seed.
"""

from __future__ import annotations

import json
from datetime import time, timedelta
from pathlib import Path

from django.utils import timezone

from teamaround.accounts.models import Agency, User
from teamaround.core.access import SYSTEM
from teamaround.core.models import District, DistrictKind, NeedDomain, Quadrant, WindscreenLevel
from teamaround.core.seeding import SeedContext
from teamaround.directory import geo
from teamaround.directory.models import LocationType, Organisation
from teamaround.directory.services import (
    directory_editor_grant,
    location_create,
    organisation_create,
    service_create,
    service_location_add,
    service_opening_times_set,
)

CATALOGUE = Path(__file__).resolve().parent / "data" / "essex_services.json"
WEEKDAYS = ["MO", "TU", "WE", "TH", "FR"]


class _Seeder:
    def __init__(self, context: SeedContext):
        self.context, self.rng, self.fake = context, context.random, context.faker
        self.levels = {level.number: level for level in WindscreenLevel.objects.all()}
        self.needs = {need.code: need for need in NeedDomain.objects.all()}
        self.county = list(District.objects.filter(kind=DistrictKind.DISTRICT).order_by("code"))
        self.organisations: dict[str, Organisation] = {}
        self.today = timezone.localdate()
        self.count = 0

    def organisation(self, name: str, agency: Agency | None = None) -> Organisation:
        if name not in self.organisations:
            agency = agency or Agency.objects.filter(name=name).first()
            self.organisations[name] = organisation_create(
                actor=SYSTEM,
                name=name,
                agency=agency,
                description=f"{name} provides services for children, young people and families.",
                email=f"info@{_slug(name)}.example.org",
            )
        return self.organisations[name]

    def service(self, entry: dict, organisation, districts, *, name: str, places=()):
        low, high = entry.get("ages", (None, None))
        cost = entry.get("cost")
        roll = self.rng.random()
        review = self.today + timedelta(days=self.rng.randint(30, 400))
        if roll < 0.04:
            review = self.today - timedelta(days=self.rng.randint(1, 25))  # flagged, still shown
        elif roll < 0.06:
            review = self.today - timedelta(days=self.rng.randint(40, 120))  # hidden from public
        service = service_create(
            actor=SYSTEM,
            organisation=organisation,
            name=name,
            description=entry["description"],
            levels=[self.levels[n] for n in entry["levels"]],
            needs_met=[self.needs[c] for c in entry["needs"] if c in self.needs],
            districts=districts,
            minimum_age=low,
            maximum_age=high,
            is_free=cost is None,
            cost_amount=cost[0] if cost else None,
            cost_description=cost[1] if cost else "",
            access_routes=entry["routes"],
            how_to_access=_how_to_access(entry["routes"]),
            phone=entry.get("phone")
            or f"01{self.rng.randint(200, 799)} {self.rng.randint(100000, 999999)}",
            email=organisation.email,
            url=f"https://{_slug(organisation.name)}.example.org/",
            waiting_time_weeks=self.rng.choice([0, 0, 1, 2, 4, 6, 12]),
            capacity=self.rng.choice([None, 20, 40, 120]),
            referral_routes=entry.get("referral_routes", ""),
            eligibility_notes=entry.get("eligibility", ""),
            review_date=review,
            assured_date=self.today - timedelta(days=self.rng.randint(0, 300)),
        )
        for district in places:
            self.place(service, district)
        start = self.rng.choice([time(8, 30), time(9, 0), time(9, 30)])
        days = WEEKDAYS if self.rng.random() < 0.7 else self.rng.sample(WEEKDAYS, 3)
        service_opening_times_set(
            actor=SYSTEM,
            service=service,
            sessions=[
                (day, start, self.rng.choice([time(16, 30), time(17, 0), time(19, 0)]))
                for day in sorted(days, key=WEEKDAYS.index)
            ],
        )
        self.count += 1
        return service

    def place(self, service, district: District) -> None:
        codes = sorted(district.outward_codes.values_list("outward_code", flat=True))
        code = self.rng.choice(codes) if codes else "CM1"
        lat, lon = geo.centroid_for_postcode(code) or (51.74, 0.47)
        letters = "ABDEFGHJLNPQRSTUWXYZ"
        location = location_create(
            actor=SYSTEM,
            organisation=service.organisation,
            name=f"{service.organisation.name}, {district.name}",
            address_1=self.fake.street_address().replace("\n", ", "),
            city=district.name,
            postcode=f"{code} {self.rng.randint(1, 9)}{''.join(self.rng.sample(letters, 2))}",
            latitude=round(lat + self.rng.uniform(-0.02, 0.02), 5),
            longitude=round(lon + self.rng.uniform(-0.03, 0.03), 5),
            location_type=LocationType.PHYSICAL,
            accessibility=self.rng.choice(
                [
                    "Step-free access and an accessible toilet.",
                    "Ground floor, hearing loop at reception.",
                    "",
                ]
            ),
        )
        service_location_add(actor=SYSTEM, service=service, location=location)


def seed(context: SeedContext) -> None:
    with context.step("Directory of Services"):
        catalogue = json.loads(CATALOGUE.read_text(encoding="utf-8"))
        seeder = _Seeder(context)
        _county_services(seeder, catalogue["county"])
        _local_services(seeder, catalogue)
        _nominate_demo_editor()
        context.out.write(
            f"  {seeder.count} services from {len(seeder.organisations)} organisations\n"
        )


def _county_services(seeder: _Seeder, entries: list[dict]) -> None:
    quadrants = list(Quadrant.objects.order_by("display_order", "code"))
    for entry in entries:
        organisation = seeder.organisation(entry.get("org") or entry["agency"])
        if entry.get("per_district"):
            for district in seeder.county:
                seeder.service(
                    entry,
                    organisation,
                    [district],
                    places=[district],
                    name=f"{entry['name']}: {district.name}",
                )
        elif entry.get("per_quadrant"):
            for quadrant in quadrants:
                local = sorted(quadrant.districts.all(), key=lambda d: d.code)
                seeder.service(
                    entry,
                    organisation,
                    local,
                    places=local[:2],
                    name=f"{entry['name']} {quadrant.name}",
                )
        else:
            places = [] if entry["routes"] == ["self_referral"] else seeder.county[3:4]
            seeder.service(entry, organisation, seeder.county, places=places, name=entry["name"])


def _local_services(seeder: _Seeder, catalogue: dict) -> None:
    for district in seeder.county:
        agencies = Agency.objects.filter(districts=district).order_by("name")
        for entry in catalogue["local"]:
            matching = [
                a for a in agencies.filter(kind=entry["kind"]) if entry.get("match", "") in a.name
            ]
            for agency in matching[:3]:
                organisation = seeder.organisation(agency.name, agency)
                name = entry["name"].format(agency=agency.name, district=district.name)
                seeder.service(entry, organisation, [district], places=[district], name=name)
        council = seeder.organisation(f"{district.name} Council Leisure and Libraries")
        for entry in catalogue["district_extras"]:
            seeder.service(
                entry,
                council,
                [district],
                places=[district],
                name=entry["name"].format(district=district.name),
            )
        seeder.context.progress("districts", seeder.county.index(district) + 1, len(seeder.county))


def _nominate_demo_editor() -> None:
    """The demo practitioner (a school's safeguarding lead) edits their school's entry."""
    user = User.objects.filter(username="demo.practitioner").select_related("team").first()
    if user is None or user.team is None:
        return
    organisation = Organisation.objects.filter(agency_id=user.team.agency_id).first()
    if organisation is not None:
        directory_editor_grant(actor=SYSTEM, user=user, organisation=organisation)


def _how_to_access(routes: list[str]) -> str:
    if "self_referral" in routes:
        return "Call or email the service yourself. You do not need a referral."
    if "via_hub" in routes:
        return "Ask a professional who knows your family, or contact the Children and Families Hub."
    return (
        "Ask a professional who knows your family (for example your school, GP or health "
        "visitor) to refer you."
    )


def _slug(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())[:40]
