"""A meeting's agenda builder, its page (attendance, quorum, cases with their summaries), case
summaries and actions."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse

from teamaround.core.access import require
from teamaround.core.audit import audit_listed
from teamaround.core.views.forms import submit
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
    if request.POST.get("send") == "papers":
        sent = submit(
            request,
            None,
            lambda data: services.papers_send(actor=request.user, meeting=meeting),
            redirect_to=reverse("panels:meeting-detail", args=[meeting.pk]),
            success="The papers have been sent to the panel's members.",
        )
        return sent or redirect("panels:agenda", meeting.pk)

    def added_note(added) -> str:
        left = len(form.cleaned_data["referrals"]) - sum(1 for i in added if i.referral_id)
        note = f" {left} did not fit and will be carried over." if left > 0 else ""
        return f"{len(added)} items added to the agenda.{note}"

    done = submit(
        request,
        form,
        lambda data: services.agenda_build(
            actor=request.user, meeting=meeting, referral_ids=data["referrals"] or None
        ),
        redirect_to=reverse("panels:agenda", args=[meeting.pk]),
        success=added_note,
    )
    return done or render(
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
    present = selectors.present_membership_ids(meeting)
    form = AttendanceForm(request.POST or None, members=members, initial={"present": present})
    done = submit(
        request,
        form,
        lambda data: services.attendance_record(
            actor=request.user, meeting=meeting, present_ids=data["present"]
        ),
        redirect_to=reverse("panels:meeting-detail", args=[meeting.pk]),
        success="Attendance has been recorded.",
    )
    if done:
        return done
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
    done = submit(
        request,
        form,
        lambda data: services.case_summary_save(actor=request.user, summary=summary, **data),
        redirect_to=reverse("panels:meeting-detail", args=[summary.item.meeting_id]),
        success="The case summary has been saved.",
    )
    return done or render(
        request, "panels/case_summary_form.html", {"form": form, "summary": summary}
    )


@login_required
def action_detail(request, action_id):
    action = selectors.action_get(actor=request.user, action_id=action_id)
    if request.method == "POST":
        submit(
            request,
            None,
            lambda data: services.panel_action_complete(actor=request.user, action=action),
            success="The action is marked as done.",
        )
        return redirect("panels:action-detail", action.pk)
    return render(request, "panels/action_detail.html", {"action": action})
