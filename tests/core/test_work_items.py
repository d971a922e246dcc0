"""Work items: given to a person or a team, shown on their home page, closed only by them."""

from datetime import date

import pytest
from django.urls import reverse

from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.core.errors import AccessDenied, DomainError
from teamaround.core.models import AuditAction, AuditEvent, WorkItemStatus
from teamaround.core.work import work_item_complete, work_item_create, work_items_for

pytestmark = pytest.mark.django_db


def give(**kwargs):
    values = {"title": "Offer a return conversation", "source_type": "test.thing", "source_id": "1"}
    values.update(kwargs)
    return work_item_create(actor=SYSTEM, **values)


def test_work_for_a_person_and_for_their_team_appears_on_their_home_page(signed_in, make_user):
    worker = make_user(Role.SOCIAL_WORKER)
    give(assigned_to=worker, due_on=date(2020, 1, 2), title="Visit the family")
    give(team=worker.team, title="Allocate the referral")
    page = signed_in(worker).get(reverse("core:home"))
    assert "Visit the family" in page.text and "Overdue" in page.text
    assert "Allocate the referral" in page.text


def test_work_needs_an_owner_and_a_title(make_user):
    with pytest.raises(DomainError, match="person or a team"):
        give()
    with pytest.raises(DomainError, match="Say what needs doing"):
        give(team=make_user(Role.PRACTITIONER).team, title="  ")


def test_only_the_owner_or_their_team_can_complete_it(make_user):
    worker = make_user(Role.SOCIAL_WORKER)
    colleague = make_user(Role.SOCIAL_WORKER, team=worker.team)
    stranger = make_user(Role.SOCIAL_WORKER)
    item = give(team=worker.team)
    with pytest.raises(AccessDenied):
        work_item_complete(actor=stranger, item=item)
    assert AuditEvent.objects.filter(action=AuditAction.REFUSED, actor=stranger).exists()
    work_item_complete(actor=colleague, item=item, outcome="Done by phone")
    item.refresh_from_db()
    assert item.status == WorkItemStatus.DONE
    with pytest.raises(DomainError, match="already closed"):
        work_item_complete(actor=worker, item=item)


def test_other_peoples_work_is_not_on_my_list(make_user):
    me, other = make_user(Role.PRACTITIONER), make_user(Role.PRACTITIONER)
    give(assigned_to=other)
    assert list(work_items_for(actor=me)) == []
    assert work_items_for(actor=other).count() == 1
