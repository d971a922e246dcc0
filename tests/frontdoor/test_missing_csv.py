"""The police's file of missing notifications: a file with bad rows is rejected whole, with
every problem by line and field, and nothing written; a good file lands whole (through the
background task); the same file uploaded again creates nothing twice."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from teamaround.core.models import WorkItem
from teamaround.frontdoor import services
from teamaround.frontdoor.models import ImportStatus, MissingEpisode, RequestForSupport
from teamaround.people.models import Person

pytestmark = pytest.mark.django_db

HEADER = (
    "notification_id,forenames,surname,date_of_birth,reported_missing_at,returned_at,"
    "risk_grade,postcode,where_found"
)


def moment(hours_ago: int) -> str:
    return (timezone.localtime() - timedelta(hours=hours_ago)).strftime("%Y-%m-%d %H:%M")


def good_file() -> str:
    rows = [
        HEADER,
        f"N-1,Jayden,Whitmore,2015-04-09,{moment(50)},{moment(40)},low,CM1 1QH,Home",
        f"N-2,Kai,Brennan,2011-02-03,{moment(30)},,high,CM1 2AB,",
        f"N-3,Poppy,Vance,2019-08-08,{moment(20)},{moment(18)},medium,,With aunt",
    ]
    return "\n".join(rows) + "\n"


def counts():
    return (
        MissingEpisode.objects.count(),
        Person.objects.count(),
        RequestForSupport.objects.count(),
        WorkItem.objects.count(),
    )


def test_a_file_with_bad_rows_is_rejected_whole_with_every_problem(screener, known_child):
    known_child()
    content = (
        "\n".join(
            [
                HEADER + ",shoe_size",
                f"N-1,Jayden,Whitmore,2015-04-09,{moment(50)},{moment(40)},low,CM1 1QH,Home,4",
            ]
        )
        + "\n"
    )
    before = counts()
    with pytest.raises(services.FileRejected) as rejected:
        services.missing_import_accept(actor=screener, file_name="bad.csv", data=content.encode())
    assert [(p.line, p.field) for p in rejected.value.problems] == [(1, "shoe_size")]
    content = (
        "\n".join(
            [
                HEADER,
                f"N-1,Jayden,Whitmore,2015-04-09,{moment(50)},{moment(40)},low,CM1 1QH,Home",
                f"N-2,Kai,Brennan,2011-31-02,{moment(30)},,high,CM1 2AB,",
                f"N-3,Poppy,Vance,2019-08-08,yesterday,{moment(18)},medium,,",
                f"N-4,Ava,Linton,2012-01-01,{moment(10)},{moment(12)},severe,ZZ,",
                f"N-1,Mia,Fairbrother,2014-06-01,{moment(10)},,low,,",
                ",Theo,,2013-03-03,,,,,",
            ]
        )
        + "\n"
    )
    with pytest.raises(services.FileRejected) as rejected:
        services.missing_import_accept(actor=screener, file_name="bad.csv", data=content.encode())
    found = {(p.line, p.field) for p in rejected.value.problems}
    assert found == {
        (3, "date_of_birth"),
        (4, "reported_missing_at"),
        (5, "returned_at"),
        (5, "risk_grade"),
        (5, "postcode"),
        (6, "notification_id"),
        (7, "notification_id"),
        (7, "surname"),
        (7, "reported_missing_at"),
        (7, "risk_grade"),
    }
    assert "line 5: returned_at" in rejected.value.errors
    assert counts() == before


def test_a_good_file_lands_whole_and_a_re_upload_creates_nothing_twice(
    screener, known_child, social_care_team
):
    known_child(team=social_care_team)
    upload = services.missing_import_accept(
        actor=screener, file_name="police.csv", data=good_file().encode()
    )
    assert upload.status == ImportStatus.DONE and upload.episodes_created == 3
    assert (upload.children_matched, upload.children_recorded) == (1, 2)
    assert upload.content == ""
    after = counts()
    episodes = {e.notification_id: e for e in MissingEpisode.objects.all()}
    assert episodes["N-1"].route == "allocated_worker" and episodes["N-3"].needs_scrutiny
    assert episodes["N-2"].screening_request is not None
    with pytest.raises(services.AlreadyImported):
        services.missing_import_accept(
            actor=screener, file_name="police-again.csv", data=good_file().encode()
        )
    assert counts() == after
    overlapping = good_file().replace("N-3,", "N-9,")
    with pytest.raises(services.FileRejected) as rejected:
        services.missing_import_accept(
            actor=screener, file_name="overlap.csv", data=overlapping.encode()
        )
    assert {(p.line, p.message) for p in rejected.value.problems} == {
        (2, "This notification has already been imported."),
        (3, "This notification has already been imported."),
    }
    assert counts() == after


def test_the_upload_page_lists_problems_and_shows_the_import(
    signed_in, screener, chelmsford, school_lead
):
    client = signed_in(screener)
    bad = SimpleUploadedFile("bad.csv", (HEADER + "\nN-1,A,B,not-a-date,,,,,\n").encode())
    response = client.post(reverse("frontdoor:missing-upload"), {"file": bad})
    body = response.content.decode()
    assert "There is a problem" in body and "Problems in the file" in body
    assert "Enter a date of birth as YYYY-MM-DD" in body
    good = SimpleUploadedFile("police.csv", good_file().encode())
    response = client.post(reverse("frontdoor:missing-upload"), {"file": good})
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "Imported" in page and "police.csv" in page
    again = client.post(
        reverse("frontdoor:missing-upload"),
        {"file": SimpleUploadedFile("police.csv", good_file().encode())},
        follow=True,
    )
    assert "already imported" in again.content.decode()
    assert signed_in(school_lead).get(reverse("frontdoor:missing-upload")).status_code == 403


def test_children_not_yet_known_are_recorded_once_with_the_police_reference(screener):
    content = "\n".join(
        [
            HEADER + ",police_reference",
            f"N-1,Kai,Brennan,2011-02-03,{moment(30)},,high,CM1 2AB,,MP-77",
            f"N-2,Kai,Brennan,2011-02-03,{moment(20)},,low,CM1 2AB,,MP-77",
        ]
    )
    upload = services.missing_import_accept(
        actor=screener, file_name="police.csv", data=(content + "\n").encode()
    )
    assert (upload.children_matched, upload.children_recorded) == (0, 1)
    child = Person.objects.get()
    assert child.identifiers.get().value == "MP-77"
    assert child.addresses.get().postcode == "CM1 2AB"
    episodes = MissingEpisode.objects.filter(person=child)
    assert {e.family_id for e in episodes} == {child.memberships.get().family_id}
