"""'Report a problem with this page' on every public service page, and the editors' answer."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render

from teamaround.core.access import MEMBER_OF_PUBLIC, require
from teamaround.core.errors import DomainError, apply_to_form
from teamaround.core.ratelimits import limited
from teamaround.directory import selectors, services
from teamaround.directory.models import ProblemReport, ReportStatus


class ProblemForm(forms.Form):
    description = forms.CharField(
        label="What is wrong with this page?",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=2000,
        help_text="For example a wrong phone number, or the service has closed. Do not "
        "include personal details: we cannot reply to you.",
    )


class AnswerForm(forms.Form):
    status = forms.ChoiceField(
        label="What did you do?",
        choices=[(ReportStatus.FIXED, "Fixed it"), (ReportStatus.NO_CHANGE, "No change needed")],
        widget=forms.RadioSelect,
    )
    outcome = forms.CharField(
        label="What you did, or why", widget=forms.Textarea(attrs={"rows": 3})
    )


@limited("public_form")
def report_problem(request, service_id):
    service = selectors.service_get(actor=request.user, service_id=service_id)
    form = ProblemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actor = request.user if request.user.is_authenticated else MEMBER_OF_PUBLIC
        try:
            services.problem_report_submit(
                actor=actor, service=service, description=form.cleaned_data["description"]
            )
        except DomainError as error:
            apply_to_form(form, error)
        else:
            messages.success(
                request, "Thank you. The people who keep this page up to date will check it."
            )
            return redirect("directory:service", service.pk)
    return render(request, "directory/report_problem.html", {"form": form, "service": service})


@login_required
def problem_answer(request, report_id):
    report = get_object_or_404(ProblemReport.objects.select_related("service"), pk=report_id)
    require(request.user, "directory.edit_services", report.service, what="answer a problem report")
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.problem_report_resolve(actor=request.user, report=report, **form.cleaned_data)
        except DomainError as error:
            apply_to_form(form, error)
        else:
            messages.success(request, "Your answer has been recorded.")
            return redirect("directory:service-edit", report.service.pk)
    return render(request, "directory/problem_answer.html", {"form": form, "report": report})
