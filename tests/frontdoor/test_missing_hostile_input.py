"""Police files and API calls that try to break the import: a field over the CSV parser's
limit, values longer than the record holds (reported, never cut short), NUL characters.
Each is a reported problem and nothing is written."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from teamaround.frontdoor import services
from teamaround.frontdoor.models import MissingEpisode
from tests.frontdoor.test_missing_csv import HEADER, moment

pytestmark = pytest.mark.django_db


def one_row(**values) -> str:
    row = {
        "notification_id": "N-1",
        "forenames": "Jayden",
        "surname": "Whitmore",
        "date_of_birth": "2015-04-09",
        "reported_missing_at": moment(50),
        "returned_at": moment(40),
        "risk_grade": "low",
        "postcode": "CM1 1QH",
        "where_found": "Home",
    } | values
    return HEADER + "\n" + ",".join(row[name] for name in HEADER.split(",")) + "\n"


def test_a_field_over_the_csv_parsers_limit_is_a_reported_problem(screener):
    content = one_row(where_found='"' + "x" * 200_000 + '"')
    with pytest.raises(services.FileRejected) as rejected:
        services.missing_import_accept(actor=screener, file_name="f.csv", data=content.encode())
    assert any("cannot be read" in p.message for p in rejected.value.problems)
    assert MissingEpisode.objects.count() == 0


def test_the_upload_page_reports_it_too(signed_in, screener):
    content = one_row(where_found='"' + "x" * 200_000 + '"').encode()
    upload = SimpleUploadedFile("f.csv", content, content_type="text/csv")
    response = signed_in(screener).post(reverse("frontdoor:missing-upload"), {"file": upload})
    assert response.status_code == 200 and "cannot be read" in response.content.decode()


@pytest.mark.parametrize(
    ("field", "value"),
    [("surname", "W" * 101), ("notification_id", "N" * 61), ("where_found", "x" * 201)],
)
def test_a_value_too_long_is_reported_not_cut(screener, field, value):
    content = one_row(**{field: value})
    with pytest.raises(services.FileRejected) as rejected:
        services.missing_import_accept(actor=screener, file_name="f.csv", data=content.encode())
    assert [(p.line, p.field) for p in rejected.value.problems] == [(2, field)]
    assert "at most" in rejected.value.problems[0].message
    assert MissingEpisode.objects.count() == 0


def test_the_api_reports_a_value_too_long_and_nul(api_as, screener):
    api = api_as(screener)
    url = "/api/v1/hub/missing-notifications/"
    base = {
        "notification_id": "N-9",
        "forenames": "Kai",
        "surname": "Brennan",
        "date_of_birth": "2011-02-03",
        "reported_missing_at": moment(30),
        "risk_grade": "high",
    }
    long = api.post(url, base | {"surname": "B" * 300}, format="json")
    assert long.status_code == 400
    nul = api.post(url, base | {"surname": "Bren\x00nan"}, format="json")
    assert nul.status_code == 400
    assert MissingEpisode.objects.count() == 0


@pytest.mark.postgresql
def test_on_postgresql_long_and_nul_values_are_400s(api_as, screener):
    test_the_api_reports_a_value_too_long_and_nul(api_as, screener)
