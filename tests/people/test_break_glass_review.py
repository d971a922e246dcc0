"""Break-glass is narrow and always reviewed: only the roles the council allows may take it
(casework roles by default), every grant names a reviewer (the team manager, else the council's
named reviewer, else an administrator) and lands on their list, and it expires."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from teamaround.accounts.roles import Role
from teamaround.core.errors import AccessDenied, DomainError
from teamaround.people import selectors, services
from teamaround.people.models import BreakGlassGrant

pytestmark = pytest.mark.django_db
REASON = "Child at school with injuries; need the history now"


@pytest.mark.parametrize(
    "role",
    [Role.COMMISSIONER, Role.DATA_ANALYST, Role.PRACTITIONER, Role.PANEL_CHAIR],
)
def test_roles_outside_casework_cannot_break_glass(record_family, make_user, role):
    _, child, _ = record_family()
    with pytest.raises(AccessDenied):
        services.break_glass_grant(actor=make_user(role), person=child, reason=REASON)
    assert not BreakGlassGrant.objects.exists()


def test_the_page_refuses_them_too(record_family, make_user, signed_in):
    _, child, _ = record_family()
    client = signed_in(make_user(Role.COMMISSIONER))
    response = client.post(reverse("people:break-glass", args=[child.pk]), {"reason": REASON})
    assert response.status_code == 403


def test_which_roles_may_is_configuration(record_family, make_user, settings):
    settings.TEAMAROUND_BREAK_GLASS_ROLES = [Role.PRACTITIONER]
    make_user(Role.ADMINISTRATOR)
    _, child, _ = record_family()
    services.break_glass_grant(actor=make_user(Role.PRACTITIONER), person=child, reason=REASON)
    with pytest.raises(AccessDenied):
        services.break_glass_grant(actor=make_user(Role.FAMILY_WORKER), person=child, reason=REASON)


def test_the_team_manager_is_the_named_reviewer(record_family, make_user, signed_in):
    _, child, _ = record_family()
    worker = make_user(Role.FAMILY_WORKER)
    manager = make_user(Role.TEAM_MANAGER, team=worker.team)
    grant = services.break_glass_grant(actor=worker, person=child, reason=REASON)
    assert grant.reviewer == manager
    assert list(selectors.break_glass_for_manager(actor=manager)) == [grant]

    client = signed_in(manager)
    page = client.get(reverse("people:break-glass-review")).content.decode()
    assert REASON in page and "Mark as reviewed" in page
    client.post(reverse("people:break-glass-reviewed", args=[grant.pk]), {"note": "Justified"})
    grant.refresh_from_db()
    assert grant.reviewed_by == manager and grant.review_note == "Justified"
    with pytest.raises(DomainError):
        services.break_glass_review(actor=manager, grant=grant)


def test_without_a_team_manager_the_named_reviewer_gets_it(record_family, make_user, settings):
    _, child, _ = record_family()
    make_user(Role.ADMINISTRATOR)
    governance = make_user(Role.ADMINISTRATOR, username="ig.lead")
    settings.TEAMAROUND_BREAK_GLASS_REVIEWER = "ig.lead"
    worker = make_user(Role.FAMILY_WORKER)  # alone in their team: nobody manages it
    grant = services.break_glass_grant(actor=worker, person=child, reason=REASON)
    assert grant.reviewer == governance
    assert list(selectors.break_glass_for_manager(actor=governance)) == [grant]


def test_with_no_named_reviewer_an_administrator_gets_it(record_family, make_user, signed_in):
    _, child, _ = record_family()
    admin = make_user(Role.ADMINISTRATOR)
    worker = make_user(Role.SOCIAL_WORKER)
    grant = services.break_glass_grant(actor=worker, person=child, reason=REASON)
    assert grant.reviewer == admin
    assert signed_in(admin).get(reverse("people:break-glass-review")).status_code == 200


def test_nobody_else_can_mark_it_reviewed(record_family, make_user, signed_in):
    _, child, _ = record_family()
    worker = make_user(Role.FAMILY_WORKER)
    make_user(Role.TEAM_MANAGER, team=worker.team)
    grant = services.break_glass_grant(actor=worker, person=child, reason=REASON)
    for someone in (worker, make_user(Role.TEAM_MANAGER), make_user(Role.ADMINISTRATOR)):
        response = signed_in(someone).post(reverse("people:break-glass-reviewed", args=[grant.pk]))
        assert response.status_code in (403, 404)
    grant.refresh_from_db()
    assert grant.reviewed_at is None


def test_with_nobody_to_review_it_break_glass_is_refused(record_family, make_user):
    _, child, _ = record_family()
    with pytest.raises(DomainError, match="review"):
        services.break_glass_grant(actor=make_user(Role.FAMILY_WORKER), person=child, reason=REASON)


def test_access_expires(record_family, make_user, settings):
    settings.TEAMAROUND_BREAK_GLASS_HOURS = 2
    make_user(Role.ADMINISTRATOR)
    _, child, _ = record_family()
    worker = make_user(Role.FAMILY_WORKER)
    grant = services.break_glass_grant(actor=worker, person=child, reason=REASON)
    assert timedelta(hours=1) < grant.expires_at - timezone.now() <= timedelta(hours=2)
    assert selectors.person_get(actor=worker, person_id=child.pk) == child
    BreakGlassGrant.objects.filter(pk=grant.pk).update(expires_at=timezone.now())
    with pytest.raises(AccessDenied):
        selectors.person_get(actor=worker, person_id=child.pk)
