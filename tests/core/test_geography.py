"""Geography as data: the Essex default, loading another council's file, and editing."""

import copy
import io
import json

import pytest
from django.urls import reverse

from teamaround.core.access import SYSTEM
from teamaround.core.errors import ValidationFailed
from teamaround.core.models import District, DistrictKind, PostcodeOutwardCode, Quadrant
from teamaround.core.seeding import ESSEX_GEOGRAPHY
from teamaround.core.selectors import district_for_postcode
from teamaround.core.services import geography_load

pytestmark = pytest.mark.django_db


@pytest.fixture
def essex():
    data = json.loads(ESSEX_GEOGRAPHY.read_text())
    geography_load(actor=SYSTEM, data=data)
    return data


def test_essex_default_has_12_districts_in_4_quadrants_and_2_neighbours(essex):
    assert Quadrant.objects.count() == 4
    assert District.objects.filter(kind=DistrictKind.DISTRICT).count() == 12
    neighbours = District.objects.filter(kind=DistrictKind.NEIGHBOURING_UNITARY)
    assert sorted(neighbours.values_list("name", flat=True)) == ["Southend-on-Sea", "Thurrock"]
    assert all(d.quadrant_id for d in District.objects.filter(kind=DistrictKind.DISTRICT))
    assert District.objects.get(code="chelmsford").quadrant.name == "Mid"


def test_loading_the_same_file_again_changes_nothing(essex):
    counts = (
        Quadrant.objects.count(),
        District.objects.count(),
        PostcodeOutwardCode.objects.count(),
    )
    geography_load(actor=SYSTEM, data=essex)
    assert counts == (
        Quadrant.objects.count(),
        District.objects.count(),
        PostcodeOutwardCode.objects.count(),
    )


def test_postcodes_map_to_districts(essex):
    assert district_for_postcode("CM1 1QH").code == "chelmsford"
    assert district_for_postcode("co15 1aa").code == "tendring"
    assert district_for_postcode("SS1 2AA").code == "southend"
    assert district_for_postcode("M1 1AE") is None
    assert district_for_postcode("") is None


def test_a_bad_file_reports_every_problem_and_loads_nothing():
    data = json.loads(ESSEX_GEOGRAPHY.read_text())
    bad = copy.deepcopy(data)
    bad["quadrants"][0]["code"] = "Not A Code"
    bad["quadrants"][1]["districts"][0]["ons_code"] = "X123"
    bad["quadrants"][2]["districts"][0]["outward_codes"].append("NOTAPOSTCODE")
    bad["neighbours"][0]["code"] = bad["neighbours"][1]["code"]
    with pytest.raises(ValidationFailed) as failure:
        geography_load(actor=SYSTEM, data=bad)
    problems = failure.value.errors
    assert "quadrants[0].code" in problems
    assert "quadrants[1].districts[0].ons_code" in problems
    assert "quadrants[2].districts[0].outward_codes" in problems
    assert any("appears more than once" in m for m in problems["file"])
    assert not District.objects.exists() and not Quadrant.objects.exists()


def test_another_council_can_load_its_own_geography():
    data = {
        "council": "Example Shire Council",
        "quadrants": [
            {
                "code": "north",
                "name": "North",
                "districts": [
                    {"code": "northtown", "name": "Northtown", "outward_codes": ["NT1", "NT2"]}
                ],
            }
        ],
    }
    geography_load(actor=SYSTEM, data=data)
    assert district_for_postcode("NT2 3AB").name == "Northtown"


def test_administrator_edits_a_district_and_it_is_audited(signed_in, administrator, essex):
    district = District.objects.get(code="maldon")
    client = signed_in(administrator)
    response = client.post(
        reverse("core:district-edit", args=[district.pk]),
        {"name": "Maldon District", "ons_code": "E07000074", "quadrant": str(district.quadrant_id)},
    )
    assert response.status_code == 302
    district.refresh_from_db()
    assert district.name == "Maldon District"
    assert district.history.count() == 2


def test_blank_district_name_is_refused_with_the_error_summary(signed_in, administrator, essex):
    district = District.objects.get(code="maldon")
    response = signed_in(administrator).post(
        reverse("core:district-edit", args=[district.pk]), {"name": "", "ons_code": ""}
    )
    assert response.status_code == 200 and "There is a problem" in response.text
    district.refresh_from_db()
    assert district.name == "Maldon"


def test_practitioners_see_geography_but_cannot_change_it(signed_in, practitioner, essex):
    client = signed_in(practitioner)
    assert client.get(reverse("core:district-list")).status_code == 200
    district = District.objects.get(code="maldon")
    response = client.post(reverse("core:district-edit", args=[district.pk]), {"name": "X"})
    assert response.status_code == 403
    assert client.get(reverse("core:geography-upload")).status_code == 403


def test_upload_page_reports_problems_and_loads_nothing(signed_in, administrator):
    upload = io.BytesIO(json.dumps({"council": "", "quadrants": []}).encode())
    upload.name = "geography.json"
    response = signed_in(administrator).post(reverse("core:geography-upload"), {"file": upload})
    assert response.status_code == 200
    assert "Nothing was loaded" in response.text and "Name the council" in response.text
    assert not District.objects.exists()


def test_api_lists_districts_with_their_quadrant(api_as, practitioner, essex):
    response = api_as(practitioner).get("/api/v1/districts/")
    assert response.status_code == 200
    codes = {row["code"]: row for row in response.json()["results"]}
    assert codes["harlow"]["quadrant"] == "west"
    assert "CM20" in codes["harlow"]["outward_codes"]
