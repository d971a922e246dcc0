"""Social care's home, the team's caseload, receiving a referral, the case page and the
decision. Thin: selectors read, services change, core.views.forms.submit runs the forms."""

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from teamaround.core.views.forms import submit
from teamaround.frontdoor.selectors.handovers import hand_over_get
from teamaround.people import selectors as people_selectors
from teamaround.socialcare import adapters, forms, selectors, services
from teamaround.socialcare.selectors import cp_team as team_selectors
from teamaround.socialcare.selectors import oversight as oversight_selectors
from teamaround.socialcare.selectors import proceedings as proceedings_reads

User = get_user_model()


def _staff(team):
    return User.objects.filter(team=team, is_active=True).select_related("team__agency")


def _case_url(referral):
    return reverse("socialcare:case", args=[referral.pk])


@login_required
def home(request):
    mine = selectors.case_list(actor=request.user, mine=True)
    context = {
        "mine": mine,
        "hand_overs": selectors.hand_overs_to_receive(actor=request.user),
    }
    return render(request, "socialcare/home.html", context)


@login_required
def caseload(request):
    context = {
        "board": selectors.caseload(actor=request.user),
        "breaches": selectors.team_breaches(actor=request.user),
    }
    return render(request, "socialcare/caseload.html", context)


@require_POST
@login_required
def safety_checks_run(request):
    submit(
        request,
        None,
        lambda data: services.safety_checks_request(actor=request.user),
        success="The safety checks are running; breaches show here and on your task list.",
    )
    return redirect("socialcare:caseload")


def _referral_page(request, form, family, hand_over=None):
    return render(
        request,
        "socialcare/referral_new.html",
        {"form": form, "family": family, "hand_over": hand_over},
    )


@login_required
def referral_new(request, family_id):
    family = people_selectors.family_get(actor=request.user, family_id=family_id)
    step_up = adapters.step_up_waiting(family, request.user.team) if request.user.team_id else None
    form = forms.ReferralForm(
        request.POST or None,
        children=adapters.children_of(family),
        staff=_staff(request.user.team),
        source="5D" if step_up else "",
    )

    def receive(data):
        origin = {"origin": "step_up", "step_up_id": step_up.pk} if step_up else {}
        return services.referral_receive(actor=request.user, family=family, **data, **origin)

    done = submit(
        request, form, receive, redirect_to=_case_url, success="The referral is recorded."
    )
    return done or _referral_page(request, form, family)


@login_required
def referral_from_hand_over(request, hand_over_id):
    hand_over = hand_over_get(actor=request.user, hand_over_id=hand_over_id)
    form = forms.ReferralForm(
        request.POST or None,
        children=adapters.children_of(hand_over.family),
        staff=_staff(request.user.team),
    )
    done = submit(
        request,
        form,
        lambda data: services.referral_from_hand_over(
            actor=request.user, hand_over=hand_over, **data
        ),
        redirect_to=_case_url,
        success="The hand-over is accepted and the referral recorded.",
    )
    return done or _referral_page(request, form, hand_over.family, hand_over)


@login_required
def case_detail(request, referral_id):
    referral = selectors.case_get(actor=request.user, referral_id=referral_id)
    context = {
        "case": referral,
        "assessment": getattr(referral, "assessment", None),
        "timeliness": selectors.case_timeliness(referral),
        "events": referral.events.select_related("actor"),
        "history": selectors.family_history(referral),
        "can_change": selectors.can_change(request.user, referral),
        **selectors.case_protection(referral),
        "care_periods": list(referral.care_periods.all()),
        "care_period": referral.care_periods.filter(ended_on__isnull=True).first(),
        "breaches": selectors.case_breaches(referral),
        "can_see_proceedings": proceedings_reads.can_see_proceedings(request.user, referral),
        **team_selectors.case_cp_team(referral),
        **oversight_selectors.case_oversight(referral),
        "can_transfer": oversight_selectors.can_transfer(request.user, referral),
        "can_oversee": oversight_selectors.can_oversee(request.user, referral),
        "can_review_cin": not referral.is_closed
        and request.user.has_perm("socialcare.review_cin_plan", referral),
    }
    return render(request, "socialcare/case.html", context)


@login_required
def decide(request, referral_id):
    referral = selectors.case_get(actor=request.user, referral_id=referral_id, audit=False)
    form = forms.DecisionForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.referral_decide(actor=request.user, referral=referral, **data),
        redirect_to=_case_url,
        success="The decision is recorded.",
    )
    return done or render(
        request, "socialcare/form.html", {"form": form, "case": referral, "heading": "Decide"}
    )
