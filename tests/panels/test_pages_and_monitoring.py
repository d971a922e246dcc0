"""Pages with good and bad input, package monitoring, and the cost report."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from teamaround.accounts.roles import Role
from teamaround.core.errors import ValidationFailed
from teamaround.panels import selectors, services
from teamaround.panels.models import ItemKind, PackageReview, PanelReferral

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def test_referral_form_rejects_bad_input_and_changes_nothing(heard_case, signed_in):
    ctx = heard_case
    client = signed_in(ctx["referrer"])
    url = f"/panels/{ctx['panel'].pk}/refer/"
    before = PanelReferral.objects.count()
    response = client.post(url, {"family": str(ctx["family"].pk), "question": ""})
    assert response.status_code == 200 and "govuk-error-summary" in response.content.decode()
    response = client.post(url, {"family": "not-a-family", "question": "Help?"})
    assert "govuk-error-summary" in response.content.decode()
    assert PanelReferral.objects.count() == before
    response = client.post(url, {"family": str(ctx["family"].pk), "question": "Help?"})
    assert response.status_code == 302 and PanelReferral.objects.count() == before + 1


def test_decision_form_shows_the_package_rules(heard_case, directory_service, signed_in):
    ctx = heard_case
    client = signed_in(ctx["coordinator"])
    url = f"/panels/items/{ctx['item'].pk}/decision/"
    assert "Service 1 from the Directory" in client.get(url).content.decode()
    service, _ = directory_service
    response = client.post(
        url,
        {
            "summary": "Package",
            "lead_professional": str(ctx["referrer"].pk),
            "starts_on": str(TODAY),
            "duration_weeks": "8",
            "review_on": "",
            "parts-0-service": str(service.pk),
            "parts-0-cost": "",
        },
    )
    body = response.content.decode()
    assert "Enter the cost in pounds" in body
    assert "Panel reviews the package on" in body and "govuk-error-summary" in body
    assert client.get(url + "?kind=joint_funding").status_code == 404


def test_package_review_and_cost_report(heard_case, directory_service, make_user, signed_in):
    ctx = heard_case
    service, agency = directory_service
    coordinator = ctx["coordinator"]
    services.panel_decision_record(
        actor=coordinator,
        item=ctx["item"],
        kind="package",
        summary="Package",
        lead_professional=ctx["referrer"],
        details={
            "starts_on": TODAY,
            "duration_weeks": 6,
            "review_on": TODAY + timedelta(days=3),
            "parts": [{"service": service, "provider": agency, "cost": "450.50"}],
        },
    )
    services.minutes_approve(actor=coordinator, meeting=ctx["meeting"])
    later = services.meeting_schedule(
        actor=coordinator, panel=ctx["panel"], held_on=TODAY + timedelta(days=7)
    )
    (review_item,) = services.agenda_build(actor=coordinator, meeting=later)
    assert review_item.kind == ItemKind.PACKAGE_REVIEW
    services.attendance_record(actor=coordinator, meeting=later, present_ids=[])
    with pytest.raises(ValidationFailed) as raised:
        services.package_review_record(
            actor=coordinator,
            package=review_item.package,
            meeting=later,
            delivering=None,
            outcome="maybe",
            reviewed_on=later.held_on,
        )
    assert {"delivering", "outcome", "next_review_on"} <= set(raised.value.errors)
    review = services.package_review_record(
        actor=coordinator,
        package=review_item.package,
        meeting=later,
        delivering=True,
        outcome="continue",
        reviewed_on=later.held_on,
        next_review_on=later.held_on + timedelta(weeks=6),
    )
    assert review.distance_travelled is None  # early help is not installed here
    assert PackageReview.objects.count() == 1
    commissioner = make_user(Role.COMMISSIONER)
    report = selectors.cost_report(actor=commissioner)
    assert report["by_agency"] == [{"agency": agency.name, "total": Decimal("450.50")}]
    assert report["by_district"][0]["district"] == ctx["panel"].district.name
    assert signed_in(commissioner).get("/panels/costs/").status_code == 200
    assert signed_in(make_user(Role.PRACTITIONER)).get("/panels/costs/").status_code == 403
    page = signed_in(coordinator).get(f"/panels/{ctx['panel'].pk}/packages/").content.decode()
    assert "£450.50" in page and "delivering, continue" in page


def test_panel_list_and_page(heard_case, signed_in):
    client = signed_in(heard_case["members"][0])
    assert heard_case["panel"].name in client.get("/panels/").content.decode()
    assert client.get(f"/panels/{heard_case['panel'].pk}/").status_code == 200
