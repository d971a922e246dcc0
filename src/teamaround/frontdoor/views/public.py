"""Asking for help without signing in: the public form, its drafts (a resume code, or the same
browser's session), and the confirmation. No staff data is shown here."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render

from teamaround.core.ratelimits import limited
from teamaround.core.views.forms import submit
from teamaround.frontdoor import selectors, services
from teamaround.frontdoor.forms import PublicRequestForm, ResumeForm
from teamaround.frontdoor.views.child_search import hub_field

SESSION_KEY = "frontdoor_public_draft"


def _draft_in_session(request):
    return selectors.public_draft_get(request.session.get(SESSION_KEY))


@limited("public_form")
def ask_for_help(request):
    draft = _draft_in_session(request)
    initial = {name: getattr(draft, name) for name in PublicRequestForm.FIELDS} if draft else {}
    form = PublicRequestForm(request.POST or None, initial=initial)
    code = request.session.pop("frontdoor_resume_code", None)
    saved = submit(
        request,
        form,
        lambda data: services.public_request_save_draft(request=draft, values=form.values()),
        rename=hub_field,
    )
    if saved:
        draft, new_code = saved
        request.session[SESSION_KEY] = str(draft.pk)
        if request.POST.get("action") == "submit":
            sent = submit(
                request,
                form,
                lambda data: services.public_request_submit(request=draft),
                rename=hub_field,
                redirect_to="frontdoor_public:sent",
            )
            if sent:
                request.session.pop(SESSION_KEY, None)
                request.session["frontdoor_sent"] = draft.reference
                return sent
            code = new_code
        else:
            if new_code:
                request.session["frontdoor_resume_code"] = new_code
            messages.success(request, "Your answers have been saved.")
            return redirect("frontdoor_public:ask")
    return render(
        request, "frontdoor/public_form.html", {"form": form, "draft": draft, "resume_code": code}
    )


@limited("public_form")
def resume(request):
    form = ResumeForm(request.POST or None)
    draft = submit(
        request,
        form,
        lambda data: services.public_request_resume(code=data["code"]),
        rename=hub_field,
    )
    if draft:
        request.session[SESSION_KEY] = str(draft.pk)
        return redirect("frontdoor_public:ask")
    return render(request, "frontdoor/public_resume.html", {"form": form})


def sent(request):
    reference = request.session.get("frontdoor_sent")
    if not reference:
        raise Http404
    return render(request, "frontdoor/public_sent.html", {"reference": reference})
