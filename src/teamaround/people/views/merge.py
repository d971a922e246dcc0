"""Merging a duplicate into a person's record, and undoing a merge."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render

from teamaround.core.access import require
from teamaround.core.views.forms import attempt
from teamaround.people import selectors, services
from teamaround.people.forms import MergeForm, ReasonForm
from teamaround.people.models import PersonMerge


@login_required
def person_merge(request, person_id):
    require(request.user, "people.merge", what="merge two records")
    survivor = selectors.person_get(actor=request.user, person_id=person_id, audit=False)
    form = MergeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        duplicate = selectors.person_get(
            actor=request.user, person_id=form.cleaned_data["duplicate"]
        )
        if attempt(
            form,
            lambda: services.person_merge(
                actor=request.user,
                survivor=survivor,
                merged=duplicate,
                reason=form.cleaned_data["reason"],
            ),
        ):
            messages.success(request, "The records have been merged. You can undo this.")
            return redirect("people:person-detail", survivor.pk)
    return render(request, "people/merge_form.html", {"form": form, "person": survivor})


@login_required
def person_merge_undo(request, merge_id):
    require(request.user, "people.merge", what="undo a merge")
    merge = get_object_or_404(PersonMerge.objects.select_related("survivor", "merged"), pk=merge_id)
    selectors.person_get(actor=request.user, person_id=merge.survivor_id, audit=False)
    form = ReasonForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and attempt(
            form,
            lambda: services.person_merge_undo(
                actor=request.user, merge=merge, reason=form.cleaned_data["reason"]
            ),
        )
    ):
        messages.success(request, "The merge has been undone: there are two records again.")
        return redirect("people:person-detail", merge.survivor_id)
    return render(request, "people/merge_undo.html", {"form": form, "merge": merge})
