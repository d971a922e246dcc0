"""Merging a duplicate into a person's record, and undoing a merge."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse

from teamaround.core.access import require
from teamaround.core.views.forms import submit
from teamaround.people import selectors, services
from teamaround.people.forms import MergeForm, ReasonForm


@login_required
def person_merge(request, person_id):
    require(request.user, "people.merge", what="merge two records")
    survivor = selectors.person_get(actor=request.user, person_id=person_id, audit=False)
    form = MergeForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.person_merge(
            actor=request.user,
            survivor=survivor,
            merged=selectors.person_get(actor=request.user, person_id=data["duplicate"]),
            reason=data["reason"],
        ),
        redirect_to=reverse("people:person-detail", args=[survivor.pk]),
        success="The records have been merged. You can undo this.",
    )
    return done or render(request, "people/merge_form.html", {"form": form, "person": survivor})


@login_required
def person_merge_undo(request, merge_id):
    require(request.user, "people.merge", what="undo a merge")
    merge = selectors.merge_get(actor=request.user, merge_id=merge_id)
    form = ReasonForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.person_merge_undo(
            actor=request.user, merge=merge, reason=data["reason"]
        ),
        redirect_to=reverse("people:person-detail", args=[merge.survivor_id]),
        success="The merge has been undone: there are two records again.",
    )
    return done or render(request, "people/merge_undo.html", {"form": form, "merge": merge})
