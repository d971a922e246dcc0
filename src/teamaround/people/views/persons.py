"""A person's page, recording a person, their names and addresses, and break-glass access."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from teamaround.core.access import require
from teamaround.core.audit import audit_listed
from teamaround.core.views.forms import submit
from teamaround.people import selectors, services
from teamaround.people.forms import (
    AddressForm,
    BreakGlassForm,
    NameForm,
    PersonChangeForm,
    PersonForm,
)


@login_required
def person_detail(request, person_id):
    person = selectors.person_get(actor=request.user, person_id=person_id)
    return render(
        request,
        "people/person_detail.html",
        {
            "person": person,
            "age": person.age_on(timezone.localdate()),
            "names": selectors.person_other_names(person),
            "addresses": person.addresses.select_related("district"),
            "identifiers": person.identifiers.select_related("source_agency"),
            "memberships": selectors.person_memberships(person),
            "relationships": selectors.person_relationships(person),
            "merges": selectors.person_merges(person),
            "can_change": request.user.has_perm("people.change_person", person),
            "can_merge": request.user.has_perm("people.merge"),
        },
    )


@login_required
def person_create(request):
    """Record a new person in a new household (members of an existing family are added from
    the family's page)."""
    require(request.user, "people.record", what="record a person")
    form = PersonForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.person_create(actor=request.user, **form.service_arguments()),
        redirect_to=lambda person: reverse("people:person-detail", args=[person.pk]),
        success="The person has been recorded.",
    )
    return done or render(request, "people/person_form.html", {"form": form, "family": None})


@login_required
def person_edit(request, person_id):
    """Change a person's details from the version read: if someone else saved the record
    meanwhile, both versions are shown and this editor's text stays in the form."""
    person = selectors.person_get(actor=request.user, person_id=person_id, audit=False)
    require(request.user, "people.change_person", person, what="change a person's record")
    form = PersonChangeForm(request.POST or None, initial=PersonChangeForm.initial_for(person))
    done = submit(
        request,
        form,
        lambda data: services.person_update(actor=request.user, person=person, **data),
        success="The person's details have been updated.",
        redirect_to=lambda person: reverse("people:person-detail", args=[person.pk]),
    )
    return done or render(request, "people/person_edit.html", {"form": form, "person": person})


@login_required
def person_name_add(request, person_id):
    person = selectors.person_get(actor=request.user, person_id=person_id, audit=False)
    form = NameForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.person_name_add(actor=request.user, person=person, **data),
        redirect_to=reverse("people:person-detail", args=[person.pk]),
        success="The name has been added.",
    )
    return done or render(request, "people/name_form.html", {"form": form, "person": person})


@login_required
def person_address_add(request, person_id):
    person = selectors.person_get(actor=request.user, person_id=person_id, audit=False)
    form = AddressForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.person_address_add(actor=request.user, person=person, **data),
        redirect_to=reverse("people:person-detail", args=[person.pk]),
        success="The address has been added.",
    )
    return done or render(request, "people/address_form.html", {"form": form, "person": person})


@login_required
def break_glass(request, person_id):
    """Ask for access to a record outside the usual rules. Reveals nothing about the record
    until the reason is given."""
    person = selectors.person_exists(actor=request.user, person_id=person_id)
    if person is None:
        raise Http404
    return _break_glass(request, "person", person, "people:person-detail")


@login_required
def family_break_glass(request, family_id):
    """Break-glass access to a whole family's record (its members' records with it)."""
    family = selectors.family_exists(actor=request.user, family_id=family_id)
    if family is None:
        raise Http404
    return _break_glass(request, "family", family, "people:family-detail")


def _break_glass(request, kind: str, record, record_page: str):
    """The break-glass form for a person or a family (`kind`), back to its page once granted."""
    form = BreakGlassForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.break_glass_grant(
            actor=request.user, reason=data["reason"], **{kind: record}
        ),
        redirect_to=reverse(record_page, args=[record.pk]),
        success=f"Break-glass access recorded for {settings.TEAMAROUND_BREAK_GLASS_HOURS} hours.",
    )
    context = {"form": form, kind: record}
    return done or render(request, "people/break_glass_form.html", context)


@login_required
@require_POST
def break_glass_reviewed(request, grant_id):
    grant = selectors.break_glass_to_review(actor=request.user, grant_id=grant_id)
    services.break_glass_review(actor=request.user, grant=grant, note=request.POST.get("note", ""))
    messages.success(request, "Marked as reviewed.")
    return redirect("people:break-glass-review")


@login_required
def break_glass_review(request):
    grants = selectors.break_glass_for_manager(actor=request.user)
    shown = audit_listed(grants[:200], actor=request.user, what="break-glass access to review")
    return render(request, "people/break_glass_review.html", {"grants": shown})
