"""Retention with the clock moved forward: the right people are listed (every record past its
period, by the rule's data), a manager's approval anonymises them, the audit trail and the
ledger remain, and a person under a legal hold is never removed."""

from datetime import date

import pytest
from django.urls import reverse

from teamaround.accounts.roles import Role
from teamaround.core.errors import AccessDenied, Conflict
from teamaround.core.models import AuditEvent
from teamaround.earlyhelp import services as earlyhelp
from teamaround.governance.models import (
    Disclosure,
    RetentionReview,
    RetentionRule,
    ReviewStatus,
)
from teamaround.governance.retention import RetainedRecord, keep_until
from teamaround.governance.services import retention


@pytest.fixture
def closed(episode, worker, nurse):
    """The nurse joined the TAF (a ledger entry each), then the episode closed today."""
    earlyhelp.taf_member_add(actor=worker, episode=episode, practitioner=nurse, role="health")
    earlyhelp.episode_close(actor=worker, episode=episode, reason="needs_met", summary="Done")
    episode.refresh_from_db()
    return episode


def listed(dpo, today):
    return {
        review.person.forenames for review in retention.retention_review_run(actor=dpo, today=today)
    }


def test_the_essex_defaults_are_data(db):
    early_help = RetentionRule.objects.get(kind="early_help")
    assert (early_help.years_after_closure, early_help.until_age) == (6, 25)
    social_care = RetentionRule.objects.get(kind="social_care")
    assert (social_care.until_age, social_care.looked_after_years) == (75, 25)
    assert RetentionRule.objects.filter(kind="panel").exists()


def test_the_rules_arithmetic():
    early_help = RetentionRule(kind="early_help", years_after_closure=6, until_age=25)
    social_care = RetentionRule(kind="social_care", until_age=75, looked_after_years=25)
    closed = RetainedRecord(1, "early_help", date(2026, 3, 1), date(2026, 3, 1))
    assert keep_until(early_help, closed, date(1990, 1, 2)) == date(2032, 3, 1)
    assert keep_until(early_help, closed, date(2015, 4, 9)) == date(2040, 4, 9)
    assert (
        keep_until(
            early_help, RetainedRecord(1, "early_help", None, date(2026, 3, 1)), date(1990, 1, 2)
        )
        is None
    )
    looked_after = RetainedRecord(1, "social_care", None, date(2070, 5, 5), looked_after=True)
    assert keep_until(social_care, looked_after, date(2000, 1, 1)) == date(2095, 5, 5)
    not_looked_after = RetainedRecord(1, "social_care", None, date(2070, 5, 5))
    assert keep_until(social_care, not_looked_after, date(2000, 1, 1)) == date(2075, 1, 1)


def test_the_right_people_are_listed_as_the_clock_moves_forward(closed, dpo):
    assert listed(dpo, date(2032, 1, 1)) == set()
    assert listed(dpo, date(2033, 1, 1)) == {"Kerry"}  # 6 years after closure; 25th long past
    assert listed(dpo, date(2041, 1, 1)) == {"Jayden"}  # his 25th birthday, April 2040
    assert listed(dpo, date(2041, 1, 1)) == set()  # not listed twice


def test_an_open_episode_keeps_everyone(episode, dpo):
    assert listed(dpo, date(2090, 1, 1)) == set()


def test_approval_anonymises_and_the_audit_and_ledger_remain(closed, people, dpo, manager):
    mum = people["Kerry"]
    audit_before = AuditEvent.objects.filter(object_id=str(mum.pk)).count()
    ledger_before = Disclosure.objects.filter(person_id=mum.pk).count()
    assert audit_before and ledger_before
    (review,) = retention.retention_review_run(actor=dpo, today=date(2033, 1, 1))
    retention.retention_approve(actor=manager, review=review)

    mum.refresh_from_db()
    assert (mum.forenames, mum.surname) == ("Anonymised", "")
    assert mum.date_of_birth == date(1990, 1, 1) and mum.phone == "" and mum.email == ""
    address = mum.addresses.get()
    assert address.line_1 == "Anonymised" and address.postcode == "CM1"
    assert not mum.history.exclude(forenames="Anonymised").exists()
    assert not address.history.exclude(line_1="Anonymised").exists()
    assert not mum.search_keys.filter(forename__icontains="kerry").exists()
    assert AuditEvent.objects.filter(object_id=str(mum.pk)).count() > audit_before
    assert Disclosure.objects.filter(person_id=mum.pk).count() == ledger_before
    review.refresh_from_db()
    assert review.status == ReviewStatus.APPROVED and review.decided_by == manager
    # the children are untouched
    assert people["Jayden"].__class__.objects.get(pk=people["Jayden"].pk).forenames == "Jayden"


def test_a_person_under_legal_hold_is_never_removed(closed, people, dpo, manager):
    ava = people["Ava"]
    retention.legal_hold_place(actor=dpo, person=ava, reason="Claim against the council")
    assert "Ava" not in listed(dpo, date(2047, 1, 1))
    kerry_review = RetentionReview.objects.get(person=people["Kerry"])
    retention.legal_hold_place(actor=dpo, person=people["Kerry"], reason="Inquiry")
    with pytest.raises(Conflict, match="legal hold"):
        retention.retention_approve(actor=manager, review=kerry_review)
    assert people["Kerry"].__class__.objects.get(pk=people["Kerry"].pk).forenames == "Kerry"
    kerry_review.refresh_from_db()
    assert kerry_review.status == ReviewStatus.LISTED


def test_only_the_dpo_lists_and_only_a_manager_approves(closed, people, dpo, manager, worker):
    with pytest.raises(AccessDenied):
        retention.retention_review_run(actor=manager, today=date(2033, 1, 1))
    (review,) = retention.retention_review_run(actor=dpo, today=date(2033, 1, 1))
    for actor in (dpo, worker):
        with pytest.raises(AccessDenied):
            retention.retention_approve(actor=actor, review=review)
    with pytest.raises(AccessDenied):
        retention.legal_hold_place(actor=manager, person=people["Ava"], reason="x")


def test_keeping_needs_a_reason(closed, dpo, manager):
    from teamaround.core.errors import DomainError

    (review,) = retention.retention_review_run(actor=dpo, today=date(2033, 1, 1))
    with pytest.raises(DomainError):
        retention.retention_keep(actor=manager, review=review, reason=" ")
    retention.retention_keep(actor=manager, review=review, reason="Sibling still open")
    review.refresh_from_db()
    assert review.status == ReviewStatus.KEPT


def test_a_rule_is_changed_as_data_with_its_history(dpo, db):
    rule = RetentionRule.objects.get(kind="panel")
    retention.retention_rule_update(actor=dpo, rule=rule, years_after_closure=10)
    rule.refresh_from_db()
    assert rule.years_after_closure == 10 and rule.history.first().years_after_closure == 10
    assert rule.updated_by == dpo


def test_the_pages_list_approve_and_refuse_others(
    closed, people, dpo, manager, signed_in, make_user
):
    (review,) = retention.retention_review_run(actor=dpo, today=date(2033, 1, 1))
    page = signed_in(dpo).get(reverse("governance:retention"))
    assert page.status_code == 200 and b"Find records past their period" in page.content
    assert b"Approve" not in page.content  # the DPO lists; a manager approves
    client = signed_in(manager)
    assert b"Approve" in client.get(reverse("governance:retention")).content
    client.post(reverse("governance:retention-decide", args=[review.pk]), {"decision": "approve"})
    review.refresh_from_db()
    assert review.status == ReviewStatus.APPROVED
    for role in (Role.PRACTITIONER, Role.FAMILY_WORKER, Role.ADMINISTRATOR, Role.COMMISSIONER):
        other = signed_in(make_user(role))
        assert other.get(reverse("governance:retention")).status_code == 403
        assert other.post(reverse("governance:retention-run")).status_code == 403


def test_anonymous_visitors_cannot_see_retention(client, db):
    assert client.get(reverse("governance:retention")).status_code == 302
