"""The Shared Family Assessment page: each member's views, needs by domain, submit, and the
manager's sign-off or return."""

from django import forms as django_forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from teamaround.core.views.forms import submit
from teamaround.earlyhelp import forms, selectors, services
from teamaround.earlyhelp.selectors import parts
from teamaround.earlyhelp.services.household import current_members


@login_required
def assessment(request, episode_id):
    episode = selectors.episode_get(
        actor=request.user, episode_id=episode_id, what="a Shared Family Assessment"
    )
    people = current_members(episode.family)
    record = parts.assessment_of(episode)
    posted = request.POST if request.method == "POST" else None
    which = request.POST.get("form") if posted else None
    view_form = forms.MemberViewForm(
        posted if which == "view" else None,
        people=people,
        prefix="view",
        initial=_view_initial(record, request.GET.get("view")),
    )
    need_form = forms.NeedForm(posted if which == "need" else None, people=people, prefix="need")
    # The submit button has no fields: its form carries a refusal to the error summary.
    submit_form = django_forms.Form(posted if which == "submit" else None)
    here = reverse("earlyhelp:assessment", args=[episode.pk])
    done = (
        submit(
            request,
            view_form,
            lambda data: services.member_view_save(
                actor=request.user,
                episode=episode,
                person=view_form.people.get(data["person"]),
                in_their_words=data["in_their_words"],
                recorded_for_them=data["recorded_for_them"],
                strengths=data["strengths"],
                goals=data["goals"],
                version=data["version"],
            ),
            redirect_to=here,
            success="Their views are saved in the draft.",
        )
        or submit(
            request,
            need_form,
            lambda data: services.need_add(
                actor=request.user,
                episode=episode,
                domain=data["domain"],
                description=data["description"],
                person=need_form.people.get(data["person"]),
            ),
            redirect_to=here,
            success="The need is saved in the draft.",
        )
        or submit(
            request,
            submit_form,
            lambda data: services.assessment_submit(actor=request.user, episode=episode),
            redirect_to=here,
            success="The assessment has been sent for sign-off.",
        )
    )
    return done or render(
        request,
        "earlyhelp/assessment.html",
        {
            "episode": episode,
            "assessment": record,
            "view_form": view_form,
            "need_form": need_form,
            "submit_form": submit_form,
            "can_edit": selectors.can_edit(request.user, episode),
            "can_sign_off": request.user.has_perm("earlyhelp.sign_off_assessment", episode),
            "return_form": forms.ReturnForm(),
            "errors_form": next((f for f in (view_form, need_form, submit_form) if f.errors), None),
        },
    )


@login_required
@require_POST
def sign_off(request, episode_id):
    episode = selectors.episode_get(actor=request.user, episode_id=episode_id, audit=False)
    record = parts.assessment_of(episode)
    if record is None:
        raise Http404("There is no assessment to sign off.")
    if request.POST.get("decision") == "return":
        form = forms.ReturnForm(request.POST)
        done = submit(
            request,
            form,
            lambda data: services.assessment_return(
                actor=request.user, assessment=record, reason=data["reason"]
            ),
            redirect_to=reverse("earlyhelp:assessment", args=[episode.pk]),
            success="The assessment has been returned for more work.",
        )
        return done or render(request, "earlyhelp/return.html", {"episode": episode, "form": form})
    services.assessment_sign_off(actor=request.user, assessment=record)
    messages.success(request, "The assessment is signed off.")
    return redirect("earlyhelp:episode", episode.pk)


def _view_initial(record, person_id) -> dict:
    """ "Change" on a member's views opens the form with their views and the version read."""
    if record is None or not person_id:
        return {}
    view = parts.member_view_of(record, person_id)
    if view is None:
        return {"person": person_id}
    return {
        "person": str(view.person_id),
        "in_their_words": view.in_their_words,
        "recorded_for_them": view.recorded_for_them,
        "strengths": view.strengths,
        "goals": view.goals,
        "version": view.version,
    }
