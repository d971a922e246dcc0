"""A person's bases for sharing: record a consent or statutory basis, withdraw one, and record
a decision not to share. For the person's caseworkers and the Data Protection Officer."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from teamaround.core.errors import ValidationFailed
from teamaround.core.views.forms import submit
from teamaround.governance import forms, selectors, services
from teamaround.governance.models import SharingBasis
from teamaround.governance.selectors.subjects import approver_named, subject_get


def _back(person) -> str:
    return reverse("governance:bases", args=[person.pk])


@login_required
def bases(request, person_id):
    person = subject_get(actor=request.user, person_id=person_id)
    records = selectors.bases_for_person(actor=request.user, person=person)
    return render(
        request,
        "governance/bases.html",
        {
            "person": person,
            "bases": records,
            "can_record": request.user.has_perm("governance.record_basis", person),
        },
    )


@login_required
def basis_add(request, person_id):
    person = subject_get(actor=request.user, person_id=person_id)
    form = forms.BasisForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.basis_record(actor=request.user, person=person, **_given(data)),
        redirect_to=_back(person),
        success="The basis for sharing is recorded.",
    )
    return done or render(request, "governance/basis_form.html", {"form": form, "person": person})


def _given(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, "")}


@login_required
def basis_withdraw(request, person_id, basis_id):
    person = subject_get(actor=request.user, person_id=person_id)
    basis = get_object_or_404(SharingBasis, pk=basis_id, person=person)
    form = forms.WithdrawForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.basis_withdraw(
            actor=request.user, basis=basis, reason=data["reason"]
        ),
        redirect_to=_back(person),
        success="Withdrawn. New shares are refused from now, and those holding the "
        "information have been told.",
    )
    return done or render(
        request, "governance/withdraw_form.html", {"form": form, "person": person, "basis": basis}
    )


@login_required
def withhold(request, person_id):
    person = subject_get(actor=request.user, person_id=person_id)
    form = forms.WithholdForm(request.POST or None)

    def record(data):
        approver = approver_named(actor=request.user, username=data["approver"])
        if approver is None:
            raise ValidationFailed(
                {"approver": ["There is no member of staff with that username."]}
            )
        return services.withholding_record(
            actor=request.user,
            person=person,
            purpose=data["purpose"],
            recipient_agency=data["recipient_agency"],
            reason=data["reason"],
            approver=approver,
        )

    done = submit(
        request,
        form,
        record,
        redirect_to=_back(person),
        success="The decision not to share is recorded in the ledger.",
    )
    return done or render(
        request, "governance/withhold_form.html", {"form": form, "person": person}
    )
