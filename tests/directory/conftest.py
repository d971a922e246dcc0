"""Fixtures for the directory's tests: Essex geography, services built through the directory's
own use-cases, and the Open Referral UK profile's schemas and examples, vendored in the
repository (src/teamaround/directory/specs/, with their licence): never skipped."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from teamaround.core.access import SYSTEM
from teamaround.core.models import District, NeedDomain, WindscreenLevel
from teamaround.core.seeding import ESSEX_GEOGRAPHY
from teamaround.core.services import geography_load
from teamaround.directory import services
from teamaround.directory.oruk.spec import SPECS as ORUK_SPECS

FEED = Path(__file__).resolve().parent / "oruk_feed.json"


@pytest.fixture
def essex(db):
    geography_load(actor=SYSTEM, data=json.loads(ESSEX_GEOGRAPHY.read_text(encoding="utf-8")))
    return {d.code: d for d in District.objects.all()}


@pytest.fixture
def make_organisation(db):
    def make(name="Chelmsford Family Support Trust", **details):
        return services.organisation_create(
            actor=SYSTEM, name=name, description=f"{name} helps families.", **details
        )

    return make


@pytest.fixture
def make_service(essex, make_organisation):
    """make_service(name=..., needs=["emotional-health"], levels=[2], districts=["chelmsford"],
    places=["CM1"], ...) -> a service made through service_create (and location_create)."""

    def make(
        name="Worry Busters",
        *,
        organisation=None,
        needs=("emotional-health",),
        levels=(2,),
        districts=("chelmsford",),
        places=(),
        **values,
    ):
        values.setdefault("description", f"{name} helps children and families.")
        values.setdefault("access_routes", ["self_referral"])
        # The council's required fields a person must give (a contact route, who it is for);
        # pass phone="" and minimum_age=None for an entry that lacks them.
        values.setdefault("phone", "01245 000000")
        values.setdefault("minimum_age", 0)
        values.setdefault("review_date", timezone.localdate() + timedelta(days=180))
        service = services.service_create(
            actor=SYSTEM,
            organisation=organisation or make_organisation(f"{name} Provider"),
            name=name,
            needs_met=list(NeedDomain.objects.filter(code__in=needs)),
            levels=list(WindscreenLevel.objects.filter(number__in=levels)),
            districts=[essex[code] for code in districts],
            **values,
        )
        for outward in places:
            location = services.location_create(
                actor=SYSTEM,
                organisation=service.organisation,
                name=f"{name} at {outward}",
                address_1="1 High Street",
                city="Essex town",
                postcode=f"{outward} 1AA",
            )
            services.service_location_add(actor=SYSTEM, service=service, location=location)
        return service

    return make


def oruk_schema(*parts: str) -> dict:
    return json.loads(ORUK_SPECS.joinpath(*parts).read_text(encoding="utf-8"))


@pytest.fixture
def oruk_feed() -> dict:
    return json.loads(FEED.read_text(encoding="utf-8"))
