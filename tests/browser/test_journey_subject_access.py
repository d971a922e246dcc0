"""Journey: the Data Protection Officer answers a mother's subject access request about her son
by clicking only — finds him from the information governance page, records the request (its
one-month deadline shown), decides what to release about the other person named, downloads
the export (a PDF with its contents page and a JSON file, in one zip) and marks it answered."""

import io
import json
import zipfile
from datetime import date

import pytest
from playwright.sync_api import expect

from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.core.models import AuditAction, AuditEvent
from teamaround.governance.models import SubjectAccessRequest
from teamaround.people import services as people_services
from teamaround.people.models import MemberRole
from tests.browser.conftest import assert_accessible, menu, sign_in
from tests.factories import PASSWORD, TeamFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _family():
    family = people_services.family_create(actor=SYSTEM, name="Okonkwo household")
    child = people_services.person_create(
        actor=SYSTEM,
        family=family,
        role=MemberRole.CHILD,
        forenames="Chidi",
        surname="Okonkwo",
        date_of_birth=date(2013, 2, 14),
    )
    mother = people_services.person_create(
        actor=SYSTEM,
        family=family,
        role=MemberRole.PARENT,
        forenames="Adaeze",
        surname="Okonkwo",
        date_of_birth=date(1985, 7, 1),
    )
    return child, mother


def test_the_dpo_answers_a_subject_access_request(journey):
    UserFactory(
        username="dpo", first_name="Dana", roles=[Role.DATA_PROTECTION_OFFICER], team=TeamFactory()
    )
    child, mother = _family()

    sign_in(journey, "dpo", PASSWORD)
    menu(journey, "Information governance")
    assert_accessible(journey)
    journey.get_by_label("Name").fill("Chidi Okonkwo")
    journey.get_by_role("button", name="Find").click()
    journey.get_by_role("list", name="People found").get_by_role("link", name="Chidi").click()
    expect(journey.get_by_role("heading", level=1)).to_contain_text("Chidi Okonkwo")
    assert_accessible(journey)

    journey.get_by_role("button", name="Start a subject access request").click()
    assert_accessible(journey)
    journey.get_by_label("Who made the request").fill("Adaeze Okonkwo, his mother")
    journey.get_by_role("button", name="Record the request").click()
    record = SubjectAccessRequest.objects.get(person=child)
    expect(journey.get_by_text(f"{record.due_on:%-d %B %Y}").first).to_be_visible()
    assert_accessible(journey)

    # His mother is named in his record; she made the request, so she is released.
    party = journey.locator("form", has=journey.get_by_text("Adaeze Okonkwo"))
    party.get_by_label("Release").check()
    party.get_by_label("Reason").fill("She made the request with parental responsibility")
    party.get_by_role("button", name="Save decision").click()
    expect(journey.get_by_text("Adaeze Okonkwo (released)")).to_be_visible()
    assert_accessible(journey)

    with journey.expect_download() as download:
        journey.get_by_role("button", name="Download the subject access export").click()
    data = download.value.path().read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        pdf = next(n for n in names if n.endswith(".pdf"))
        machine = json.loads(archive.read(next(n for n in names if n.endswith(".json"))))
        assert archive.read(pdf).startswith(b"%PDF")
    text = json.dumps(machine)
    assert "Chidi" in text and "Adaeze" in text
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, actor_username="dpo").exists()

    journey.get_by_role("button", name="Mark as answered").click()
    record.refresh_from_db()
    assert record.status == "completed"
    assert_accessible(journey)
