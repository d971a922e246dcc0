"""Recording a TAF meeting: attendance by agency, the family's views, progress on each action,
a new action, and a score per need agreed with the family."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse

from teamaround.core.views.forms import submit
from teamaround.earlyhelp import forms, selectors, services
from teamaround.earlyhelp.selectors import parts
from teamaround.earlyhelp.selectors.choices import owner_choices
from teamaround.earlyhelp.services.plan import plan_actions


def _rename(field: str) -> str:
    if field.startswith("actions-0-"):
        return "new_" + field.removeprefix("actions-0-")
    return field


@login_required
def meeting_new(request, episode_id):
    episode = selectors.episode_get(actor=request.user, episode_id=episode_id, what="a TAF meeting")
    plan = parts.plan_of(episode)
    if plan is None:
        messages.info(request, "Agree the Early Help Plan before holding a review.")
        return redirect("earlyhelp:plan", episode.pk)
    owners, lookup = owner_choices(episode)
    form = forms.MeetingForm(
        request.POST or None,
        owners=owners,
        domains=parts.needs_to_score(episode),
        members=parts.taf_current(episode),
        actions=[a for a in plan_actions(plan) if a.is_open],
    )
    done = submit(
        request,
        form,
        lambda data: services.taf_meeting_record(
            actor=request.user,
            episode=episode,
            held_on=data["held_on"],
            family_views=data["family_views"],
            attendance=form.attendance(),
            progress=form.progress(),
            scores=form.scores(),
            new_actions=form.new_actions(lookup),
        ),
        rename=_rename,
        redirect_to=reverse("earlyhelp:episode", args=[episode.pk]),
        success="The TAF meeting is recorded.",
    )
    return done or render(
        request, "earlyhelp/meeting_form.html", {"episode": episode, "form": form}
    )
