"""Transferring a case with a hand-over note, the hand-overs a worker or manager is party to,
and management oversight entries."""

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from teamaround.accounts.models import AgencyKind
from teamaround.core.views.pagination import paginate
from teamaround.socialcare import team_forms
from teamaround.socialcare.selectors import oversight as oversight_selectors
from teamaround.socialcare.services import cin, oversight
from teamaround.socialcare.services.oversight import WORKER_ROLES
from teamaround.socialcare.views.case_forms import case_form_page, case_of

User = get_user_model()


def _workers():
    return (
        User.objects.filter(
            is_active=True,
            team__agency__kind=AgencyKind.CHILDRENS_SOCIAL_CARE,
            role_assignments__role__in=WORKER_ROLES,
        )
        .select_related("team__agency")
        .distinct()
        .order_by("team__name", "last_name")
    )


@login_required
def transfer(request, referral_id):
    referral = case_of(request, referral_id)
    return case_form_page(
        request,
        referral,
        team_forms.TransferForm(request.POST or None, workers=_workers()),
        lambda data: oversight.case_transfer(actor=request.user, referral=referral, **data),
        heading="Transfer the case",
        success="The case is transferred; the new worker has the hand-over note.",
    )


@login_required
def oversight_new(request, referral_id):
    referral = case_of(request, referral_id)
    return case_form_page(
        request,
        referral,
        team_forms.OversightForm(request.POST or None),
        lambda data: oversight.oversight_record(actor=request.user, referral=referral, **data),
        heading="Record management oversight",
        success="The management oversight is recorded and signed.",
    )


@login_required
def transfers(request):
    page = paginate(request, oversight_selectors.transfers_for(actor=request.user))
    return render(request, "socialcare/oversight/transfers.html", {"page": page})


@login_required
def cin_plan_start(request, referral_id):
    """The lead is anyone of any agency who does casework (found by the team's staff and the
    teams working with the family)."""
    from teamaround.earlyhelp.selectors.choices import staff_near

    referral = case_of(request, referral_id)
    staff = staff_near(referral.family, request.user).filter(is_active=True)
    return case_form_page(
        request,
        referral,
        team_forms.CinPlanForm(request.POST or None, staff=staff.select_related("team__agency")),
        lambda data: cin.cin_plan_start(actor=request.user, referral=referral, **data),
        heading="Start the child in need plan",
        success="The child in need plan has started.",
    )


@login_required
def cin_review(request, referral_id, cin_plan_id):
    referral = case_of(request, referral_id)
    plan = get_object_or_404(referral.cin_plans, pk=cin_plan_id)
    return case_form_page(
        request,
        referral,
        team_forms.CinReviewForm(request.POST or None),
        lambda data: cin.cin_review_record(actor=request.user, plan=plan, **data),
        heading="Review the child in need plan",
        success="The review is recorded.",
        due=plan.next_review_due,
    )
