"""Child protection pages: strategy discussion, section 47, conferences, ending a plan; and
stepping a case down or closing it."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from teamaround.core.views.forms import submit
from teamaround.socialcare import forms, selectors, services


def _case(request, referral_id):
    return selectors.case_get(actor=request.user, referral_id=referral_id, audit=False)


def _to_case(referral):
    return lambda result: reverse("socialcare:case", args=[referral.pk])


def _page(request, form, referral, heading, **extra):
    context = {"form": form, "case": referral, "heading": heading, **extra}
    return render(request, "socialcare/form.html", context)


@login_required
def strategy(request, referral_id):
    referral = _case(request, referral_id)
    form = forms.StrategyForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.strategy_record(
            actor=request.user,
            referral=referral,
            held_on=data["held_on"],
            attendees=form.attendees(),
            summary=data["summary"],
            section_47=data["section_47"],
        ),
        redirect_to=_to_case(referral),
        success="The strategy discussion is recorded.",
    )
    return done or _page(request, form, referral, "Record a strategy discussion")


@login_required
def enquiry(request, referral_id, enquiry_id):
    referral = _case(request, referral_id)
    record = get_object_or_404(referral.enquiries, pk=enquiry_id)
    form = forms.EnquiryForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.enquiry_complete(actor=request.user, enquiry=record, **data),
        redirect_to=_to_case(referral),
        success="The section 47 enquiry is complete.",
    )
    return done or _page(request, form, referral, "Complete the section 47 enquiry")


@login_required
def conference(request, referral_id, conference_id):
    referral = _case(request, referral_id)
    record = get_object_or_404(referral.conferences, pk=conference_id)
    form = forms.ConferenceForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.conference_record(actor=request.user, conference=record, **data),
        redirect_to=_to_case(referral),
        success="The conference is recorded.",
    )
    heading = f"Record the {record.get_kind_display().lower()}"
    return done or _page(request, form, referral, heading, due=record.due_on)


@login_required
def plan_end(request, referral_id, plan_id):
    referral = _case(request, referral_id)
    record = get_object_or_404(referral.plans, pk=plan_id)
    form = forms.PlanEndForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.plan_end(actor=request.user, plan=record, **data),
        redirect_to=_to_case(referral),
        success="The child protection plan has ended.",
    )
    return done or _page(request, form, referral, "End the child protection plan")


@login_required
def step_down(request, referral_id):
    referral = _case(request, referral_id)
    form = forms.StepDownForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.case_step_down(actor=request.user, referral=referral, **data),
        redirect_to=_to_case(referral),
        success="The case is closed to step down to early help (RC9).",
    )
    return done or _page(request, form, referral, "Step down to early help")


@login_required
def close(request, referral_id):
    referral = _case(request, referral_id)
    form = forms.CloseForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.case_close(actor=request.user, referral=referral, **data),
        redirect_to=_to_case(referral),
        success="The case is closed.",
    )
    return done or _page(request, form, referral, "Close the case")
