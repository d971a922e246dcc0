"""Subject access requests, for the Data Protection Officer: start one from a person's
ledger page, decide redactions, extend the deadline, download the export (PDF and JSON in one
zip), and complete it."""

import io
import json
import zipfile

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from teamaround.core.views.forms import submit
from teamaround.governance import forms, services
from teamaround.governance.selectors.access_requests import access_request_get, third_parties
from teamaround.governance.selectors.subjects import subject_get


@login_required
def access_request_start(request, person_id):
    from teamaround.core.access import require

    require(request.user, "governance.handle_access_requests", what="open a subject access request")
    person = subject_get(actor=request.user, person_id=person_id)
    form = forms.AccessRequestForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.access_request_open(
            actor=request.user,
            person=person,
            requested_by=data["requested_by"],
            received_on=data.get("received_on"),
        ),
        redirect_to=lambda made: reverse("governance:access-request", args=[made.pk]),
        success="The request is recorded and its deadline is on your task list.",
    )
    return done or render(
        request, "governance/access_request_form.html", {"form": form, "person": person}
    )


@login_required
def access_request_detail(request, request_id):
    record = access_request_get(actor=request.user, request_id=request_id)
    if request.method == "POST":
        form = forms.RedactionForm(request.POST)
        if form.is_valid():
            party = next(
                (
                    p
                    for p in third_parties(actor=request.user, request=record)
                    if p["person"].pk == form.cleaned_data["third_party"]
                ),
                None,
            )
            if party is None:
                messages.error(request, "That person is not named in this export.")
            else:
                submit(
                    request,
                    None,
                    lambda data: services.redaction_decide(
                        actor=request.user,
                        request=record,
                        third_party=party["person"],
                        redact=form.cleaned_data["redact"],
                        reason=form.cleaned_data["reason"],
                    ),
                    success=f"Your decision about {party['label']} is saved.",
                )
        else:
            messages.error(request, "Choose whether to redact or release them.")
        return redirect("governance:access-request", record.pk)
    return render(
        request,
        "governance/access_request.html",
        {
            "record": record,
            "parties": third_parties(actor=request.user, request=record),
            "extend_form": forms.ExtendForm(),
        },
    )


@login_required
def access_request_export(request, request_id):
    """One action: the PDF with its contents page and the JSON file, in one zip."""
    record = access_request_get(actor=request.user, request_id=request_id)
    pdf = services.access_request_export(actor=request.user, request=record, kind="pdf")
    data = services.access_request_export(actor=request.user, request=record, kind="json")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"subject-access-{record.pk}.pdf", pdf)
        archive.writestr(
            f"subject-access-{record.pk}.json", json.dumps(data, indent=2, ensure_ascii=False)
        )
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="subject-access-{record.pk}.zip"'
    return response


@login_required
def access_request_extend(request, request_id):
    record = access_request_get(actor=request.user, request_id=request_id)
    form = forms.ExtendForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.access_request_extend(
            actor=request.user, request=record, reason=data["reason"]
        ),
        redirect_to=reverse("governance:access-request", args=[record.pk]),
        success="The deadline is extended by two months.",
    )
    return done or redirect("governance:access-request", record.pk)


@login_required
def access_request_complete(request, request_id):
    record = access_request_get(actor=request.user, request_id=request_id)
    submit(
        request,
        None,
        lambda data: services.access_request_complete(actor=request.user, request=record),
        success="The request is complete.",
    )
    return redirect("governance:access-request", record.pk)
