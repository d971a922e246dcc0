"""An episode's page and the forms that open, staff, step and close it."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse

from teamaround.core.views.forms import submit
from teamaround.earlyhelp import forms, selectors, services
from teamaround.earlyhelp.selectors import offers, parts
from teamaround.earlyhelp.selectors.choices import staff_near, step_down_staff
from teamaround.frontdoor.selectors.handovers import hand_over_get
from teamaround.people import selectors as people_selectors


def _episode_page(episode) -> str:
    return reverse("earlyhelp:episode", args=[episode.pk])


def _form_page(request, template, form, episode=None, **extra):
    return render(request, f"earlyhelp/{template}", {"form": form, "episode": episode, **extra})


@login_required
def episode_new(request, family_id):
    family = people_selectors.family_get(actor=request.user, family_id=family_id, audit=False)
    form = forms.OpenEpisodeForm(
        request.POST or None,
        staff=staff_near(family, request.user),
        initial={"lead_professional": request.user.pk},
    )
    done = submit(
        request,
        form,
        lambda data: services.episode_open(actor=request.user, family=family, **data),
        redirect_to=_episode_page,
        success="The early help episode is open.",
    )
    return done or _form_page(request, "episode_new.html", form, family=family)


@login_required
def episode_from_hand_over(request, hand_over_id):
    hand_over = hand_over_get(actor=request.user, hand_over_id=hand_over_id)
    form = forms.OpenEpisodeForm(
        request.POST or None,
        with_level=False,
        staff=staff_near(hand_over.family, request.user),
        initial={"lead_professional": (hand_over.decision.lead_professional_id or request.user.pk)},
    )
    done = submit(
        request,
        form,
        lambda data: services.episode_open_from_hand_over(
            actor=request.user, hand_over=hand_over, **data
        ),
        redirect_to=_episode_page,
        success="The hand-over is accepted and the episode is open.",
    )
    return done or _form_page(
        request, "episode_new.html", form, family=hand_over.family, hand_over=hand_over
    )


@login_required
def step_down(request, family_id):
    family = people_selectors.family_get(actor=request.user, family_id=family_id, audit=False)
    form = forms.StepDownForm(request.POST or None, staff=step_down_staff(family, request.user))
    done = submit(
        request,
        form,
        lambda data: services.episode_step_down(actor=request.user, family=family, **data),
        redirect_to=_episode_page,
        success="The family has stepped down to early help.",
    )
    return done or _form_page(request, "episode_new.html", form, family=family, stepping_down=True)


@login_required
def episode_detail(request, episode_id):
    episode = selectors.episode_get(actor=request.user, episode_id=episode_id)
    return render(
        request,
        "earlyhelp/episode_detail.html",
        {
            "episode": episode,
            "can_edit": selectors.can_edit(request.user, episode),
            "can_reopen": episode.is_closed
            and request.user.has_perm("earlyhelp.change_episode", episode),
            "can_step_down": episode.is_closed
            and offers.may_step_down(request.user, episode.family),
            "clock": selectors.family_solutions_clock(episode),
            "taf": episode.taf_members.select_related("practitioner", "team__agency"),
            "leads": episode.leads.select_related("practitioner", "team"),
            "events": episode.events.select_related("actor"),
            "assessment": getattr(episode, "assessment", None),
            "plan": getattr(episode, "plan", None),
            "distance": selectors.distance_travelled(actor=request.user, episode=episode),
            "closures": episode.closures.select_related("feedback"),
            "step_ups": episode.step_ups.select_related("to_team"),
            "step_down": getattr(episode, "step_down", None),
        },
    )


def _episode_form(request, episode_id, form_class, template, call, done, **form_kwargs):
    episode = selectors.episode_get(actor=request.user, episode_id=episode_id, audit=False)
    if "staff" in form_kwargs:
        form_kwargs["staff"] = staff_near(episode.family, request.user)
    form = form_class(request.POST or None, **form_kwargs)
    sent = submit(
        request,
        form,
        lambda data: call(request.user, episode, form),
        redirect_to=reverse("earlyhelp:episode", args=[episode.pk]),
        success=done,
    )
    return sent or _form_page(request, template, form, episode)


@login_required
def taf_add(request, episode_id):
    return _episode_form(
        request,
        episode_id,
        forms.TafAddForm,
        "taf_add.html",
        lambda u, e, f: services.taf_member_add(actor=u, episode=e, **f.cleaned_data),
        "They have joined the Team Around the Family.",
        staff=True,
    )


@login_required
def lead_change(request, episode_id):
    return _episode_form(
        request,
        episode_id,
        forms.LeadChangeForm,
        "lead_change.html",
        lambda u, e, f: services.lead_professional_change(actor=u, episode=e, **f.cleaned_data),
        "The lead professional has changed.",
        staff=True,
    )


@login_required
def step_up(request, episode_id):
    return _episode_form(
        request,
        episode_id,
        forms.StepUpForm,
        "step_up.html",
        lambda u, e, f: services.episode_step_up(actor=u, episode=e, **f.cleaned_data),
        "The family has been stepped up to children's social care.",
    )


@login_required
def close(request, episode_id):
    return _episode_form(
        request,
        episode_id,
        forms.CloseForm,
        "close.html",
        lambda u, e, f: services.episode_close(
            actor=u,
            episode=e,
            reason=f.cleaned_data["reason"],
            summary=f.cleaned_data["summary"],
            feedback=f.feedback(),
        ),
        "The episode is closed.",
    )


@login_required
def reopen(request, episode_id):
    return _episode_form(
        request,
        episode_id,
        forms.ReasonForm,
        "reopen.html",
        lambda u, e, f: services.episode_reopen(actor=u, episode=e, **f.cleaned_data),
        "The episode is open again.",
    )


@login_required
def taf_remove(request, episode_id, member_id):
    episode = selectors.episode_get(actor=request.user, episode_id=episode_id, audit=False)
    member = parts.taf_member_get(episode, member_id)
    form = forms.ReasonForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.taf_member_remove(actor=request.user, member=member, **data),
        redirect_to=reverse("earlyhelp:episode", args=[episode.pk]),
        success="They have left the Team Around the Family.",
    )
    return done or _form_page(request, "taf_remove.html", form, episode, member=member)
