"""Who sees the needs analysis: commissioners and data analysts; no other role, nor anyone
signed out. The casework apps' count selectors refuse everyone else too, and every refusal is
audited."""

import pytest
from django.urls import reverse
from django.utils import timezone

from teamaround.accounts.roles import Role
from teamaround.core.errors import AccessDenied
from teamaround.core.models import AuditAction, AuditEvent
from teamaround.earlyhelp.selectors.counts import monthly_counts as earlyhelp_counts
from teamaround.frontdoor.selectors.counts import monthly_counts as frontdoor_counts
from teamaround.panels.selectors.counts import monthly_counts as panel_counts

ALLOWED = {Role.COMMISSIONER, Role.DATA_ANALYST}
PAGES = [
    ("commissioning:needs", []),
    ("commissioning:needs-csv", ["requests", "district"]),
    ("commissioning:needs-csv", ["open_episodes", "month"]),
    ("commissioning:performance", []),
    ("commissioning:performance-csv", ["hub-by-district"]),
    ("commissioning:performance-csv", ["package-reviews"]),
    ("commissioning:families-first", []),
    ("commissioning:families-first-csv", ["outcomes-by-district"]),
    ("commissioning:families-first-csv", ["whole-family"]),
    ("commissioning:unmet-need", []),
    ("commissioning:unmet-need-csv", ["unmet-by-district"]),
    ("commissioning:unmet-need-csv", ["need-and-services"]),
]


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize(("name", "args"), PAGES)
def test_only_commissioners_and_analysts_see_the_needs_analysis(
    county, make_user, signed_in, role, name, args
):
    user = make_user(role)
    response = signed_in(user).get(reverse(name, args=args))
    if role in ALLOWED:
        assert response.status_code == 200
    else:
        assert response.status_code == 403
        assert AuditEvent.objects.filter(action=AuditAction.REFUSED, actor=user).exists()
        assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_signed_out_visitors_are_sent_to_sign_in(client, county, name, args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302 and "sign-in" in response["Location"]


def test_the_navigation_link_is_shown_only_to_those_who_may_use_it(county, make_user, signed_in):
    """The navigation's Commissioning entry opens the section's page, which links each page."""
    url = reverse("commissioning:needs")
    section = reverse("core:section", args=["commissioning"])
    commissioner = signed_in(make_user(Role.COMMISSIONER))
    assert section in commissioner.get("/").content.decode()
    assert url in commissioner.get(section).content.decode()
    practitioner = signed_in(make_user(Role.PRACTITIONER))
    home = practitioner.get("/").content.decode()
    assert url not in home and section not in home
    assert practitioner.get(section).status_code == 404


def test_the_performance_count_selectors_refuse_other_roles(county, make_user):
    from datetime import date

    from teamaround.frontdoor.selectors.counts import decision_timeliness
    from teamaround.panels.selectors.counts import package_reviews_overdue, panel_throughput

    now, today = timezone.now(), date.today()
    for role in (Role.PRACTITIONER, Role.TEAM_MANAGER, Role.HUB_SCREENER, Role.ADMINISTRATOR):
        user = make_user(role)
        with pytest.raises(AccessDenied):
            decision_timeliness(actor=user, start=now.replace(day=1), end=now)
        with pytest.raises(AccessDenied):
            panel_throughput(actor=user, start=today.replace(day=1), end=today)
        with pytest.raises(AccessDenied):
            package_reviews_overdue(actor=user, today=today)


@pytest.mark.parametrize("counts", [frontdoor_counts, earlyhelp_counts, panel_counts])
@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.TEAM_MANAGER, Role.ADMINISTRATOR])
def test_the_count_selectors_refuse_other_roles(county, make_user, counts, role):
    now = timezone.now()
    with pytest.raises(AccessDenied):
        counts(actor=make_user(role), start=now.replace(day=1), end=now)


def test_the_filter_rejects_a_comparison_of_one_district(county, make_user, signed_in):
    response = signed_in(make_user(Role.COMMISSIONER)).get(
        reverse("commissioning:needs"), {"compare": ["alpha"]}
    )
    assert response.status_code == 200
    assert "Choose two or more districts to compare." in response.content.decode()
