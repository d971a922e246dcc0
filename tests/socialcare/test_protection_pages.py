"""The child protection pages, through the client: strategy discussion (with the four
agencies), section 47, the initial conference, the plan, a review, ending the plan, step
down; and a partner sees the plan but none of the forms."""

from datetime import date

from django.urls import reverse

from teamaround.socialcare import services


def test_child_protection_through_the_pages(receive, worker, teacher, signed_in):
    referral = receive(received_on=date(2026, 11, 2))
    services.referral_decide(
        actor=worker,
        referral=referral,
        decision="strategy",
        reason="Harm",
        decided_on=date(2026, 11, 2),
    )
    client = signed_in(worker)
    case_url = reverse("socialcare:case", args=[referral.pk])
    strategy_url = reverse("socialcare:strategy", args=[referral.pk])
    missing = client.post(
        strategy_url,
        {
            "held_on": "2026-11-03",
            "social_care": "Sam",
            "police": "PC Dale",
            "summary": "x",
            "section_47": "yes",
        },
    )
    assert missing.status_code == 200 and "Health" in missing.content.decode()
    assert not referral.strategies.exists()
    response = client.post(
        strategy_url,
        {
            "held_on": "2026-11-03",
            "social_care": "Sam",
            "police": "PC Dale",
            "health": "Nurse Lee",
            "education": "Mrs Ng",
            "other": "Ms Bee, housing",
            "summary": "Section 47 agreed",
            "section_47": "yes",
        },
    )
    assert response.status_code == 302
    page = client.get(case_url).content.decode()
    assert "Initial child protection conference: due 24 November 2026" in page
    enquiry = referral.enquiries.get()
    assert (
        client.post(
            reverse("socialcare:enquiry", args=[referral.pk, enquiry.pk]),
            {"findings": "Non-accidental", "outcome": "conference"},
        ).status_code
        == 302
    )
    conference = referral.conferences.get()
    conference_url = reverse("socialcare:conference", args=[referral.pk, conference.pk])
    assert (
        client.post(
            conference_url,
            {"held_on": "2026-11-20", "chair": "Chair", "outcome": "plan", "category": "EMO"},
        ).status_code
        == 302
    )
    page = client.get(case_url).content.decode()
    assert "initial category EMO" in page and "Review child protection conference" in page
    partner = signed_in(teacher).get(case_url).content.decode()
    assert "initial category EMO" in partner and "end the plan" not in partner
    plan = referral.plans.get()
    client = signed_in(worker)
    assert (
        client.post(
            reverse("socialcare:plan-end", args=[referral.pk, plan.pk]), {"reason": "moved_area"}
        ).status_code
        == 302
    )
    assert (
        client.post(
            reverse("socialcare:step-down", args=[referral.pk]), {"reason": "Early help now"}
        ).status_code
        == 302
    )
    referral.refresh_from_db()
    assert referral.status == "closed" and referral.closure_reason == "RC9"
