"""The pages of a child's pre-proceedings (Public Law Outline), family group decision making
and wider family network, all reached from the pre-proceedings page linked on the case page.
Thin: the case is read through selectors.proceedings (partners of the case do not see these
pages), services change, and each form page is socialcare.views.case_forms.case_form_page."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from teamaround.socialcare import proceedings_forms as forms
from teamaround.socialcare import selectors, services
from teamaround.socialcare.selectors import proceedings as reads
from teamaround.socialcare.views.case_forms import case_form_page

PAGE = "socialcare:proceedings"


def _case(request, referral_id, *, audit: bool = False):
    return reads.proceedings_case_get(actor=request.user, referral_id=referral_id, audit=audit)


def _page(request, referral, form, change, *, heading, success, **extra):
    return case_form_page(
        request, referral, form, change, heading=heading, success=success, then=PAGE, **extra
    )


@login_required
def proceedings(request, referral_id):
    referral = _case(request, referral_id, audit=True)
    context = {
        "case": referral,
        "can_change": selectors.can_change(request.user, referral),
        "can_authorise": selectors.can_authorise(request.user, referral),
        "timeliness": reads.proceedings_timeliness(referral, timezone.localdate()),
        **reads.case_proceedings(referral),
    }
    return render(request, "socialcare/proceedings/page.html", context)


def _plo(referral, pre_proceedings_id):
    return get_object_or_404(referral.pre_proceedings, pk=pre_proceedings_id)


@login_required
def pre_proceedings_start(request, referral_id):
    referral = _case(request, referral_id)
    return _page(
        request,
        referral,
        forms.PreProceedingsStartForm(request.POST or None),
        lambda data: services.pre_proceedings_start(actor=request.user, referral=referral, **data),
        heading="Start pre-proceedings",
        success="Pre-proceedings are started.",
    )


@login_required
def letter_new(request, referral_id, pre_proceedings_id):
    referral = _case(request, referral_id)
    plo = _plo(referral, pre_proceedings_id)
    return _page(
        request,
        referral,
        forms.LetterForm(request.POST or None),
        lambda data: services.letter_before_proceedings_record(
            actor=request.user, pre_proceedings=plo, **data
        ),
        heading="Record the letter before proceedings",
        success="The letter before proceedings is recorded.",
    )


@login_required
def meeting_new(request, referral_id, pre_proceedings_id):
    referral = _case(request, referral_id)
    plo = _plo(referral, pre_proceedings_id)
    return _page(
        request,
        referral,
        forms.PreProceedingsMeetingForm(request.POST or None),
        lambda data: services.pre_proceedings_meeting_record(
            actor=request.user, pre_proceedings=plo, **data
        ),
        heading="Record a pre-proceedings meeting",
        success="The meeting is recorded.",
    )


@login_required
def outcome(request, referral_id, pre_proceedings_id):
    referral = _case(request, referral_id)
    plo = _plo(referral, pre_proceedings_id)
    return _page(
        request,
        referral,
        forms.PreProceedingsOutcomeForm(request.POST or None),
        lambda data: services.pre_proceedings_decide(
            actor=request.user, pre_proceedings=plo, **data
        ),
        heading="Record the outcome of pre-proceedings",
        success="The outcome is recorded.",
        due=plo.due_on,
    )


@login_required
def proceedings_issue(request, referral_id):
    referral = _case(request, referral_id)
    return _page(
        request,
        referral,
        forms.ProceedingsIssueForm(request.POST or None),
        lambda data: services.proceedings_issue(actor=request.user, referral=referral, **data),
        heading="Record that care proceedings are issued",
        success="The application to court is recorded.",
    )


@login_required
def fgdm_offer_new(request, referral_id):
    referral = _case(request, referral_id)
    return _page(
        request,
        referral,
        forms.FgdmOfferForm(request.POST or None),
        lambda data: services.fgdm_offer_record(actor=request.user, referral=referral, **data),
        heading="Record the offer of a family group decision-making meeting",
        success="The offer is recorded.",
    )


def _offer(referral, offer_id):
    return get_object_or_404(referral.fgdm_offers, pk=offer_id)


@login_required
def fgdm_offer_answer(request, referral_id, offer_id):
    referral = _case(request, referral_id)
    offer = _offer(referral, offer_id)
    return _page(
        request,
        referral,
        forms.FgdmAnswerForm(request.POST or None),
        lambda data: services.fgdm_offer_answer(actor=request.user, offer=offer, **data),
        heading="Record the answer to the offer",
        success="The answer is recorded.",
    )


@login_required
def fgdm_meeting_new(request, referral_id, offer_id):
    referral = _case(request, referral_id)
    offer = _offer(referral, offer_id)
    return _page(
        request,
        referral,
        forms.FgdmMeetingForm(request.POST or None),
        lambda data: services.fgdm_meeting_record(actor=request.user, offer=offer, **data),
        heading="Record the family group decision-making meeting",
        success="The meeting is recorded.",
    )


@login_required
def fgdm_exception(request, referral_id):
    referral = _case(request, referral_id)
    return _page(
        request,
        referral,
        forms.FgdmExceptionForm(request.POST or None),
        lambda data: services.fgdm_exception_authorise(
            actor=request.user, referral=referral, **data
        ),
        heading="Authorise an exception to the family group decision-making meeting",
        success="The exception is authorised.",
    )


@login_required
def network_member_new(request, referral_id):
    referral = _case(request, referral_id)
    return _page(
        request,
        referral,
        forms.NetworkMemberForm(request.POST or None),
        lambda data: services.network_member_add(actor=request.user, referral=referral, **data),
        heading="Add a member of the family network",
        success="The family network member is recorded.",
    )


@login_required
def network_consent(request, referral_id, member_id):
    referral = _case(request, referral_id)
    member = get_object_or_404(referral.network, pk=member_id)
    return _page(
        request,
        referral,
        forms.NetworkConsentForm(request.POST or None),
        lambda data: services.network_consent_record(actor=request.user, member=member, **data),
        heading=f"Record a change to {member.name}'s consent",
        success="The change to their consent is recorded.",
    )
