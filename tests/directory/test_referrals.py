"""A practitioner refers a family to a service: recorded by the directory (the service's
uptake), audited, and written to the family's chronology by the people app."""

from __future__ import annotations

import pytest

from teamaround.accounts.roles import Role
from teamaround.core.errors import AccessDenied
from teamaround.core.models import AuditAction, AuditEvent
from teamaround.directory.models import ServiceReferral
from teamaround.directory.services import service_referral_record
from teamaround.people.models import FamilyEvent, FamilyEventKind
from teamaround.people.services import family_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def practitioner_with_family(make_user):
    practitioner = make_user(Role.PRACTITIONER)
    return practitioner, family_create(actor=practitioner, name="The Example household")


def test_a_referral_is_recorded_counted_audited_and_on_the_chronology(
    make_service, practitioner_with_family, signed_in
):
    service = make_service("Worry Busters")
    practitioner, family = practitioner_with_family
    client = signed_in(practitioner)
    form = client.get(f"/services/{service.pk}/refer/")
    assert b"The Example household" in form.content
    response = client.post(
        f"/services/{service.pk}/refer/",
        {"family": str(family.pk), "reason": "Child anxious about school"},
    )
    assert response.status_code == 302
    referral = ServiceReferral.objects.get()
    assert (referral.service, referral.family) == (service, family)
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_id=str(referral.pk)).exists()
    event = FamilyEvent.objects.get(family=family, kind=FamilyEventKind.REFERRAL_SENT)
    assert event.source_app == "directory" and event.source_id == str(referral.pk)
    assert "Worry Busters" in event.summary
    page = client.get(f"/services/{service.pk}/").content.decode()
    assert "Referrals through TeamAround" in page
    assert client.get("/services/manage/").status_code == 403  # not an editor


def test_a_practitioner_cannot_refer_a_family_they_cannot_see(
    make_service, make_user, practitioner_with_family, signed_in
):
    service = make_service()
    _, family = practitioner_with_family
    outsider = make_user(Role.PRACTITIONER)
    with pytest.raises(AccessDenied):
        service_referral_record(
            actor=outsider, service=service, family_id=family.pk, reason="Because"
        )
    response = signed_in(outsider).post(
        f"/services/{service.pk}/refer/", {"family": str(family.pk), "reason": "Because"}
    )
    assert response.status_code == 403
    assert ServiceReferral.objects.count() == 0
    assert AuditEvent.objects.filter(action=AuditAction.REFUSED, actor=outsider).exists()


def test_the_public_cannot_refer(client, make_service):
    service = make_service()
    response = client.get(f"/services/{service.pk}/refer/")
    assert response.status_code == 302 and "/sign-in/" in response["Location"]


def test_a_reason_is_needed(make_service, practitioner_with_family, signed_in):
    service = make_service()
    practitioner, family = practitioner_with_family
    response = signed_in(practitioner).post(
        f"/services/{service.pk}/refer/", {"family": str(family.pk), "reason": ""}
    )
    assert b"There is a problem" in response.content
    assert ServiceReferral.objects.count() == 0
