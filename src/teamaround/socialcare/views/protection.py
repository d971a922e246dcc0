"""Child protection pages: strategy discussion, section 47, conferences, ending a plan; and
stepping a case down or closing it."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404

from teamaround.socialcare import forms, services
from teamaround.socialcare.views.case_forms import case_form_page, case_of


@login_required
def strategy(request, referral_id):
    referral = case_of(request, referral_id)
    form = forms.StrategyForm(request.POST or None)
    return case_form_page(
        request,
        referral,
        form,
        lambda data: services.strategy_record(
            actor=request.user,
            referral=referral,
            held_on=data["held_on"],
            attendees=form.attendees(),
            summary=data["summary"],
            section_47=data["section_47"],
        ),
        heading="Record a strategy discussion",
        success="The strategy discussion is recorded.",
    )


@login_required
def enquiry(request, referral_id, enquiry_id):
    referral = case_of(request, referral_id)
    record = get_object_or_404(referral.enquiries, pk=enquiry_id)
    return case_form_page(
        request,
        referral,
        forms.EnquiryForm(request.POST or None),
        lambda data: services.enquiry_complete(actor=request.user, enquiry=record, **data),
        heading="Complete the section 47 enquiry",
        success="The section 47 enquiry is complete.",
    )


@login_required
def conference(request, referral_id, conference_id):
    referral = case_of(request, referral_id)
    record = get_object_or_404(referral.conferences, pk=conference_id)
    return case_form_page(
        request,
        referral,
        forms.ConferenceForm(request.POST or None),
        lambda data: services.conference_record(actor=request.user, conference=record, **data),
        heading=f"Record the {record.get_kind_display().lower()}",
        success="The conference is recorded.",
        due=record.due_on,
    )


@login_required
def plan_end(request, referral_id, plan_id):
    referral = case_of(request, referral_id)
    record = get_object_or_404(referral.plans, pk=plan_id)
    return case_form_page(
        request,
        referral,
        forms.PlanEndForm(request.POST or None),
        lambda data: services.plan_end(actor=request.user, plan=record, **data),
        heading="End the child protection plan",
        success="The child protection plan has ended.",
    )


@login_required
def step_down(request, referral_id):
    referral = case_of(request, referral_id)
    return case_form_page(
        request,
        referral,
        forms.StepDownForm(request.POST or None),
        lambda data: services.case_step_down(actor=request.user, referral=referral, **data),
        heading="Step down to early help",
        success="The case is closed to step down to early help (RC9).",
    )


@login_required
def close(request, referral_id):
    referral = case_of(request, referral_id)
    return case_form_page(
        request,
        referral,
        forms.CloseForm(request.POST or None),
        lambda data: services.case_close(actor=request.user, referral=referral, **data),
        heading="Close the case",
        success="The case is closed.",
    )
