"""Agencies and their teams: every member of staff can look them up; administrators manage them."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse

from teamaround.accounts import selectors, services
from teamaround.accounts.forms import (
    AgencyChangeForm,
    AgencyForm,
    ReasonForm,
    TeamChangeForm,
    TeamForm,
)
from teamaround.accounts.models import AgencyKind
from teamaround.core.access import require
from teamaround.core.selectors import district_by_code, district_choices
from teamaround.core.views.forms import submit
from teamaround.core.views.pagination import paginate


def _agency_page(agency) -> str:
    return reverse("accounts:agency-detail", args=[agency.pk])


@login_required
def agency_list(request):
    district = district_by_code(request.GET.get("district", ""))
    agencies = selectors.agency_list(
        actor=request.user,
        kind=request.GET.get("kind", ""),
        district=district,
        query=request.GET.get("q", "").strip(),
    )
    page = paginate(request, agencies)
    return render(
        request,
        "accounts/agency_list.html",
        {
            "page": page,
            "query": page.query,
            "kinds": AgencyKind.choices,
            "districts": district_choices(),
            "selected_kind": request.GET.get("kind", ""),
            "selected_district": district,
            "q": request.GET.get("q", ""),
            "can_manage": request.user.has_perm("accounts.manage_agencies"),
        },
    )


@login_required
def agency_detail(request, agency_id):
    agency = selectors.agency_get(actor=request.user, agency_id=agency_id)
    teams = selectors.team_list(actor=request.user, agency=agency)
    return render(
        request,
        "accounts/agency_detail.html",
        {
            "agency": agency,
            "teams": teams,
            "can_manage": request.user.has_perm("accounts.manage_agencies"),
        },
    )


@login_required
def agency_create(request):
    require(request.user, "accounts.manage_agencies", what="create an agency")
    form = AgencyForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.agency_create(actor=request.user, **data),
        success=lambda agency: f"{agency.name} has been added.",
        redirect_to=_agency_page,
    )
    return done or render(request, "accounts/agency_form.html", {"form": form, "agency": None})


@login_required
def agency_edit(request, agency_id):
    require(request.user, "accounts.manage_agencies", what="change an agency")
    agency = selectors.agency_get(actor=request.user, agency_id=agency_id)
    form = AgencyChangeForm(request.POST or None, initial=AgencyChangeForm.initial_for(agency))
    done = submit(
        request,
        form,
        lambda data: services.agency_update(actor=request.user, agency=agency, **data),
        success=lambda agency: f"{agency.name} has been updated.",
        redirect_to=_agency_page,
    )
    return done or render(request, "accounts/agency_form.html", {"form": form, "agency": agency})


@login_required
def agency_archive(request, agency_id):
    require(request.user, "accounts.manage_agencies", what="archive an agency")
    agency = selectors.agency_get(actor=request.user, agency_id=agency_id)
    form = ReasonForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.agency_archive(
            actor=request.user, agency=agency, reason=data["reason"]
        ),
        success=lambda agency: f"{agency.name} has been archived.",
        redirect_to=reverse("accounts:agency-list"),
    )
    return done or render(request, "accounts/agency_archive.html", {"form": form, "agency": agency})


@login_required
def team_create(request, agency_id):
    require(request.user, "accounts.manage_teams", what="create a team")
    agency = selectors.agency_get(actor=request.user, agency_id=agency_id)
    form = TeamForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.team_create(actor=request.user, agency=agency, **data),
        success="The team has been added.",
        redirect_to=_agency_page(agency),
    )
    context = {"form": form, "agency": agency, "team": None}
    return done or render(request, "accounts/team_form.html", context)


@login_required
def team_edit(request, team_id):
    require(request.user, "accounts.manage_teams", what="change a team")
    team = selectors.team_get(actor=request.user, team_id=team_id)
    form = TeamChangeForm(request.POST or None, initial=TeamChangeForm.initial_for(team))
    done = submit(
        request,
        form,
        lambda data: services.team_update(actor=request.user, team=team, **data),
        success="The team has been updated.",
        redirect_to=_agency_page(team.agency),
    )
    context = {"form": form, "agency": team.agency, "team": team}
    return done or render(request, "accounts/team_form.html", context)
