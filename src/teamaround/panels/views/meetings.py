"""A meeting's agenda builder, its page (attendance, quorum, cases with their summaries), case
summaries and actions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from teamaround.core.access import require
from teamaround.core.audit import audit_listed
from teamaround.core.errors import DomainError
from teamaround.core.views.forms import attempt
from teamaround.panels import selectors, services
from teamaround.panels.forms import AgendaForm, AttendanceForm, CaseSummaryForm
from teamaround.panels.models import MeetingStatus
from teamaround.panels.services.meetings import expected_members, quorum_shortfall


@login_required
def agenda_builder(request, meeting_id):
    meeting = selectors.meeting_get(actor=request.user, meeting_id=meeting_id)
    require(request.user, "panels.run_meeting", meeting, what="build a panel agenda")
    waiting = audit_listed(
        selectors.waiting_referrals_for(actor=request.user, panel=meeting.panel),
        actor=request.user,
        what="referrals waiting for a panel",
    )
    form = AgendaForm(request.POST or None, referrals=waiting)
    if request.method == "POST" and request.POST.get("send") == "papers":
        try:
            services.papers_send(actor=request.user, meeting=meeting)
        except DomainError as error:
            messages.error(request, error.message)
            return redirect("panels:agenda", meeting.pk)
        messages.success(request, "The papers have been sent to the panel's members.")
        return redirect("panels:meeting-detail", meeting.pk)
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data["referrals"] or None
        added = attempt(
            form,
            lambda: services.agenda_build(actor=request.user, meeting=meeting, referral_ids=chosen),
        )
        if added is not None:
            left = len(chosen or []) - sum(1 for i in added if i.referral_id)
            note = f" {left} did not fit and will be carried over." if left > 0 else ""
            messages.success(request, f"{len(added)} items added to the agenda.{note}")
            return redirect("panels:agenda", meeting.pk)
    return render(
        request,
        "panels/agenda_builder.html",
        {
            "meeting": meeting,
            "form": form,
            "items": audit_listed(
                selectors.agenda(meeting), actor=request.user, what="a meeting's agenda"
            ),
            "can_build": meeting.status == MeetingStatus.PLANNED and not meeting.is_closed,
        },
    )


@login_required
def meeting_detail(request, meeting_id):
    meeting = selectors.meeting_get(actor=request.user, meeting_id=meeting_id)
    members = list(expected_members(meeting))
    present = [str(a.membership_id) for a in meeting.attendance.filter(present=True)]
    form = AttendanceForm(request.POST or None, members=members, initial={"present": present})
    if request.method == "POST" and form.is_valid():
        done = attempt(
            form,
            lambda: services.attendance_record(
                actor=request.user, meeting=meeting, present_ids=form.cleaned_data["present"]
            ),
        )
        if done:
            messages.success(request, "Attendance has been recorded.")
            return redirect("panels:meeting-detail", meeting.pk)
    items = audit_listed(selectors.agenda(meeting), actor=request.user, what="a meeting's agenda")
    summaries = selectors.case_summaries_for(actor=request.user, meeting=meeting)
    for item in items:
        item.visible_summary = summaries.get(item.pk)
    return render(
        request,
        "panels/meeting_detail.html",
        {
            "meeting": meeting,
            "form": form,
            "items": items,
            "shortfall": quorum_shortfall(meeting) if meeting.is_quorate is False else [],
            "runs": request.user.has_perm("panels.run_meeting", meeting),
        },
    )


@login_required
def case_summary_edit(request, summary_id):
    summary = selectors.case_summary_get(actor=request.user, summary_id=summary_id)
    initial = {"text": summary.text, "version": summary.version}
    form = CaseSummaryForm(request.POST or None, initial=initial)
    if (
        request.method == "POST"
        and form.is_valid()
        and attempt(
            form,
            lambda: services.case_summary_save(
                actor=request.user, summary=summary, **form.cleaned_data
            ),
        )
    ):
        messages.success(request, "The case summary has been saved.")
        return redirect("panels:meeting-detail", summary.item.meeting_id)
    return render(request, "panels/case_summary_form.html", {"form": form, "summary": summary})


@login_required
def action_detail(request, action_id):
    action = selectors.action_get(actor=request.user, action_id=action_id)
    if request.method == "POST":
        try:
            services.panel_action_complete(actor=request.user, action=action)
            messages.success(request, "The action is marked as done.")
        except DomainError as error:
            messages.error(request, error.message)
        return redirect("panels:action-detail", action.pk)
    return render(request, "panels/action_detail.html", {"action": action})
