"""The pages: the Hub's hand-over offers social care's action, the referral form, the case
page with timeliness and the family's history, the decision, the assessment, the caseload."""

from django.urls import reverse

from teamaround.socialcare.models import SocialCareReferral


def test_the_hand_over_goes_through_the_pages_to_an_assessment(
    hand_over, worker, manager, signed_in
):
    from teamaround.socialcare.adapters import children_of

    client = signed_in(worker)
    listing = client.get(reverse("frontdoor:hand-overs")).content.decode()
    url = reverse("socialcare:from-hand-over", args=[hand_over.pk])
    assert url in listing and "Accept and receive the social care referral" in listing
    home = client.get(reverse("socialcare:home")).content.decode()
    assert url in home
    bad = client.post(url, {"source": "", "primary_need": "N1", "reason": "x"})
    assert bad.status_code == 200 and "govuk-error-summary" in bad.content.decode()
    assert not SocialCareReferral.objects.exists()
    child = children_of(hand_over.family)[0]
    response = client.post(
        url,
        {
            "child": child.pk,
            "source": "2A",
            "primary_need": "N1",
            "reason": "Disclosure",
            "allocated_worker": worker.pk,
        },
    )
    referral = SocialCareReferral.objects.get()
    assert response.url == reverse("socialcare:case", args=[referral.pk])
    page = client.get(response.url).content.decode()
    assert "Referral decision" in page and "Hub decision" in page  # the family's history
    assert "Decide on the referral" in page
    decided = client.post(
        reverse("socialcare:decide", args=[referral.pk]),
        {"decision": "assessment", "reason": "Needs an assessment"},
    )
    assert decided.status_code == 302
    assessment_url = reverse("socialcare:assessment", args=[referral.pk])
    page = client.get(assessment_url)
    saved = client.post(
        assessment_url,
        {
            "factors": ["18B"],
            "child_voice": "Mia wants to feel safe.",
            "analysis": "Harm.",
            "outcome": "strategy",
            "version": page.context["form"].initial["version"],
        },
    )
    assert saved.status_code == 302
    sent = client.post(reverse("socialcare:assessment-submit", args=[referral.pk]), {})
    assert sent.status_code == 302
    boss = signed_in(manager)
    caseload = boss.get(reverse("socialcare:caseload")).content.decode()
    assert "Mia Fairbrother" in caseload and "Assessment" in caseload
    authorised = boss.post(
        reverse("socialcare:assessment-authorise", args=[referral.pk]), {"comment": "Agreed"}
    )
    assert authorised.status_code == 302
    referral.refresh_from_db()
    assert referral.status == "protection"
