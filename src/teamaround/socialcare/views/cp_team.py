"""The child protection team's page (members, the lead, core groups and their meetings) and
its forms. Thin: selectors read, services change, case_form_page runs each form."""

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from teamaround.socialcare import selectors, team_forms
from teamaround.socialcare.selectors import cp_team as team_selectors
from teamaround.socialcare.services import core_group, cp_team
from teamaround.socialcare.views.case_forms import case_form_page, case_of

User = get_user_model()
BACK = "socialcare:cp-team"


@login_required
def team(request, referral_id):
    referral = selectors.case_get(actor=request.user, referral_id=referral_id)
    context = {
        "case": referral,
        "can_change": selectors.can_change(request.user, referral),
        "core_groups": team_selectors.case_core_groups(referral),
        **team_selectors.case_cp_team(referral),
    }
    return render(request, "socialcare/cp_team/team.html", context)


@login_required
def member_add(request, referral_id):
    """Find by name (a GET search), then choose and add (a POST)."""
    referral = case_of(request, referral_id)
    query = request.GET.get("q") or request.POST.get("q") or ""
    candidates = team_selectors.cp_team_candidates(query)
    search = team_forms.StaffSearchForm(request.GET or None)
    form = team_forms.CpTeamAddForm(request.POST or None, candidates=candidates)
    if request.method != "POST":
        search.is_valid()
    return case_form_page(
        request,
        referral,
        form,
        lambda data: cp_team.cp_team_member_add(
            actor=request.user, referral=referral, practitioner=data["practitioner"]
        ),
        heading="Add to the child protection team",
        success="They have joined the child protection team.",
        then=BACK,
        template="socialcare/cp_team/member_add.html",
        search=search,
        query=query,
        found=list(candidates[: team_selectors.CANDIDATES_SHOWN]),
    )


@login_required
def member_remove(request, referral_id, cp_member_id):
    referral = case_of(request, referral_id)
    member = get_object_or_404(referral.cp_team, pk=cp_member_id)
    return case_form_page(
        request,
        referral,
        team_forms.ReasonForm(request.POST or None),
        lambda data: cp_team.cp_team_member_remove(
            actor=request.user, member=member, reason=data["reason"]
        ),
        heading=f"Remove {member.practitioner} from the child protection team",
        success="They have left the child protection team.",
        then=BACK,
    )


@login_required
def lead(request, referral_id):
    referral = case_of(request, referral_id)
    members = User.objects.filter(
        pk__in=referral.cp_team.filter(left_at__isnull=True).values("practitioner_id")
    ).select_related("team__agency")
    return case_form_page(
        request,
        referral,
        team_forms.LcppForm(request.POST or None, members=members),
        lambda data: cp_team.lcpp_name(actor=request.user, referral=referral, **data),
        heading="Name the Lead Child Protection Practitioner",
        success="The lead child protection practitioner is named.",
        then=BACK,
    )


@login_required
def core_group_member_add(request, referral_id, core_group_id):
    referral = case_of(request, referral_id)
    group = get_object_or_404(referral.core_groups, pk=core_group_id)
    members = User.objects.filter(
        pk__in=referral.cp_team.filter(left_at__isnull=True).values("practitioner_id")
    ).select_related("team__agency")
    return case_form_page(
        request,
        referral,
        team_forms.CoreGroupMemberForm(request.POST or None, members=members),
        lambda data: core_group.core_group_member_add(actor=request.user, core_group=group, **data),
        heading="Add a core group member",
        success="They are in the core group.",
        then=BACK,
    )


@login_required
def core_group_meeting(request, referral_id, core_group_id):
    referral = case_of(request, referral_id)
    group = get_object_or_404(referral.core_groups, pk=core_group_id)
    members = list(group.members.filter(left_on__isnull=True))
    return case_form_page(
        request,
        referral,
        team_forms.CoreGroupMeetingForm(request.POST or None, members=members),
        lambda data: core_group.core_group_meeting_record(
            actor=request.user, core_group=group, **data
        ),
        heading="Record a core group meeting",
        success="The core group meeting is recorded.",
        then=BACK,
        due=None if group.meetings.exists() else group.first_meeting_due,
    )
