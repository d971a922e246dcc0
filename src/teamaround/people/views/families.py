"""A family's page (members, family tree, relationships, addresses, teams, chronology) and the
forms that change who is in the family and how they are related."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from teamaround.core.access import require
from teamaround.core.views.forms import submit
from teamaround.people import selectors, services
from teamaround.people.forms import (
    EndMembershipForm,
    FamilyChangeForm,
    PersonForm,
    RelationshipForm,
)
from teamaround.people.tree import layout


@login_required
def family_detail(request, family_id):
    family = selectors.family_get(actor=request.user, family_id=family_id)
    members = list(selectors.family_members(family))
    relationships = list(selectors.family_relationships(family))
    today = timezone.localdate()
    return render(
        request,
        "people/family_detail.html",
        {
            "family": family,
            "members": members,
            "relationships": relationships,
            "tree": layout(members, relationships, today),
            "involvements": selectors.family_involvements(family),
            "events": selectors.family_chronology(family)[:100],
            "today": today,
            "can_change": request.user.has_perm("people.change_family", family),
        },
    )


@login_required
def family_edit(request, family_id):
    """Rename a family from the version read (a conflict shows both names)."""
    family = selectors.family_get(actor=request.user, family_id=family_id, audit=False)
    require(request.user, "people.change_family", family, what="change a family")
    form = FamilyChangeForm(request.POST or None, initial=FamilyChangeForm.initial_for(family))
    done = submit(
        request,
        form,
        lambda data: services.family_update(actor=request.user, family=family, **data),
        success="The family's name has been changed.",
        redirect_to=lambda family: reverse("people:family-detail", args=[family.pk]),
    )
    return done or render(request, "people/family_edit.html", {"form": form, "family": family})


@login_required
def family_member_add(request, family_id):
    family = selectors.family_get(actor=request.user, family_id=family_id, audit=False)
    form = PersonForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.person_create(
            actor=request.user, family=family, **form.service_arguments()
        ),
        redirect_to=reverse("people:family-detail", args=[family.pk]),
        success="The member has been added.",
    )
    return done or render(request, "people/person_form.html", {"form": form, "family": family})


@login_required
def relationship_add(request, family_id):
    family = selectors.family_get(actor=request.user, family_id=family_id, audit=False)
    people = [m.person for m in selectors.family_members(family)]
    form = RelationshipForm(request.POST or None, people=people)
    by_id = {str(p.pk): p for p in people}
    done = submit(
        request,
        form,
        lambda data: services.relationship_record(
            actor=request.user,
            from_person=by_id[data["from_person"]],
            to_person=by_id[data["to_person"]],
            kind=data["kind"],
            started_on=data["started_on"],
        ),
        redirect_to=reverse("people:family-detail", args=[family.pk]),
        success="The relationship has been recorded.",
    )
    return done or render(
        request, "people/relationship_form.html", {"form": form, "family": family}
    )


@login_required
def membership_end(request, family_id, membership_id):
    family = selectors.family_get(actor=request.user, family_id=family_id, audit=False)
    membership = selectors.membership_get(family, membership_id)
    form = EndMembershipForm(request.POST or None, initial={"ended_on": timezone.localdate()})
    done = submit(
        request,
        form,
        lambda data: services.family_member_end(actor=request.user, membership=membership, **data),
        redirect_to=reverse("people:family-detail", args=[family.pk]),
        success="The membership has ended.",
    )
    return done or render(
        request,
        "people/membership_end.html",
        {"form": form, "family": family, "membership": membership},
    )
