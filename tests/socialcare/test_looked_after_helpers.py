"""Helpers for the looked-after tests: a case taken to a child protection plan."""

from datetime import timedelta

from teamaround.socialcare import services
from teamaround.socialcare.seeding import ALL_FOUR


def to_protection_plan(receive, worker, today):
    referral = receive(received_on=today - timedelta(days=40))
    services.referral_decide(
        actor=worker,
        referral=referral,
        decision="strategy",
        reason="Harm",
        decided_on=referral.received_on,
    )
    referral.refresh_from_db()
    services.strategy_record(
        actor=worker,
        referral=referral,
        held_on=referral.received_on,
        attendees=ALL_FOUR,
        summary="Section 47 agreed.",
        section_47=True,
    )
    services.enquiry_complete(
        actor=worker,
        enquiry=referral.enquiries.get(),
        outcome="conference",
        findings="Substantiated.",
    )
    services.conference_record(
        actor=worker,
        conference=referral.conferences.get(),
        held_on=today - timedelta(days=20),
        outcome="plan",
        category="NEG",
        chair="Chair",
    )
    referral.refresh_from_db()
    return referral
