"""Minutes: the draft generated from decisions, approval (which closes the meeting), the PDF,
and corrections as new versions."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe

from teamaround.core.views.forms import submit
from teamaround.panels import selectors, services
from teamaround.panels.forms import CorrectionForm
from teamaround.panels.services.minutes import minutes_html


def _body(meeting, minutes) -> str:
    """The minutes' HTML: rendered by our own autoescaping template, so safe to show as is."""
    if minutes is not None and minutes.is_locked:
        html = minutes.current.html
    elif minutes is not None and minutes.draft_html:
        html = minutes.draft_html
    else:
        html = minutes_html(meeting)
    return mark_safe(html)  # noqa: S308 - from panels/minutes_body.html, autoescaped


@login_required
def minutes_page(request, meeting_id):
    meeting, minutes = selectors.minutes_get(actor=request.user, meeting_id=meeting_id)
    if request.method == "POST":
        step = request.POST.get("step")
        call = services.minutes_approve if step == "approve" else services.minutes_generate
        done = "approved; the meeting is closed" if step == "approve" else "drafted"
        submit(
            request,
            None,
            lambda data: call(actor=request.user, meeting=meeting),
            success=f"The minutes have been {done}.",
        )
        return redirect("panels:minutes", meeting.pk)
    return render(
        request,
        "panels/minutes.html",
        {
            "meeting": meeting,
            "minutes": minutes,
            "body": _body(meeting, minutes),
            "versions": minutes.versions.all() if minutes else [],
            "can_approve": request.user.has_perm("panels.approve_minutes", meeting),
        },
    )


@login_required
def minutes_pdf(request, meeting_id):
    from weasyprint import HTML

    meeting, minutes = selectors.minutes_get(actor=request.user, meeting_id=meeting_id, export=True)
    html = render(
        request,
        "panels/minutes_print.html",
        {"meeting": meeting, "body": _body(meeting, minutes), "minutes": minutes},
    ).content.decode()
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="minutes-{meeting.held_on}.pdf"'
    return response


@login_required
def minutes_correct(request, meeting_id):
    meeting, minutes = selectors.minutes_get(actor=request.user, meeting_id=meeting_id)
    initial = {"version": minutes.version if minutes else None}
    form = CorrectionForm(request.POST or None, initial=initial)
    done = submit(
        request,
        form,
        lambda data: services.minutes_correct(actor=request.user, meeting=meeting, **data),
        redirect_to=reverse("panels:minutes", args=[meeting.pk]),
        success="The correction has been added as a new version.",
    )
    return done or render(
        request, "panels/minutes_correct.html", {"form": form, "meeting": meeting}
    )
