"""Transferring a case with a hand-over note, the hand-overs a worker or manager is party to,
and management oversight entries."""

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from teamaround.accounts.models import AgencyKind
from teamaround.core.views.pagination import paginate
from teamaround.socialcare import team_forms
from teamaround.socialcare.selectors import oversight as oversight_selectors
from teamaround.socialcare.services import oversight
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
