"""Editors' pages: administrators for every organisation, a provider's nominated editor for
their own. Access is decided by the services and selectors, which refuse with a 403."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404, redirect, render

from teamaround.core.access import require
from teamaround.core.errors import DomainError, apply_to_form
from teamaround.core.views.forms import submit
from teamaround.directory import selectors, services
from teamaround.directory.forms import (
    EditorForm,
    LocationForm,
    NewServiceForm,
    OpeningTimesForm,
    OrganisationChangeForm,
    OrganisationForm,
    ServiceChangeForm,
    ServiceForm,
)
from teamaround.directory.models import DirectoryEditor
from teamaround.directory.permissions import editable_organisations
from teamaround.directory.quality import QUALITY_PREFETCH, service_quality
from teamaround.directory.selectors.editing import review_state


@login_required
def service_list(request):
    overdue = request.GET.get("overdue") == "1"
    rows = selectors.services_for_editing(
        actor=request.user, query=request.GET.get("q", ""), overdue_only=overdue
    ).order_by("review_date", "name")
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    prefetch_related_objects(page.object_list, *QUALITY_PREFETCH)
    for service in page.object_list:
        service.review_flag = review_state(service)
        service.quality = service_quality(service)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "directory/manage_list.html",
        {
            "page": page,
            "query": query.urlencode(),
            "q": request.GET.get("q", ""),
            "overdue": overdue,
            "is_admin": request.user.has_perm("directory.manage_directory"),
        },
    )


@login_required
def service_create(request):
    require(request.user, "directory.use_editor_pages", what="add a directory service")
    form = NewServiceForm(request.POST or None, organisations=editable_organisations(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            service = services.service_create(actor=request.user, **form.cleaned_data)
        except DomainError as error:
            apply_to_form(form, error)
        else:
            messages.success(request, f"{service.name} has been added to the directory.")
            return redirect("directory:service", service.pk)
    return render(request, "directory/service_form.html", {"form": form, "service": None})


@login_required
def service_edit(request, service_id):
    service = selectors.service_for_editing(actor=request.user, service_id=service_id)
    form = ServiceChangeForm(request.POST or None, initial=ServiceForm.initial_for(service))
    if request.method == "POST" and form.is_valid():
        try:
            service = services.service_update(
                actor=request.user, service=service, **form.cleaned_data
            )
        except DomainError as error:
            apply_to_form(form, error)
        else:
            held = getattr(service, "held_change", None)
            if held is not None:
                messages.success(
                    request,
                    f"Your changes to {service.name} ({', '.join(held.shown)}) will show once "
                    "an administrator approves them.",
                )
            else:
                messages.success(request, f"{service.name} has been updated.")
            return redirect("directory:service", service.pk)
    return render(
        request,
        "directory/service_form.html",
        {
            "form": form,
            "service": service,
            "review_flag": review_state(service),
        },
    )


@login_required
def opening_times(request, service_id):
    service = selectors.service_for_editing(actor=request.user, service_id=service_id)
    form = OpeningTimesForm(request.POST or None, initial=OpeningTimesForm.initial_for(service))
    if request.method == "POST" and form.is_valid():
        try:
            services.service_opening_times_set(
                actor=request.user, service=service, sessions=form.sessions()
            )
        except DomainError as error:
            apply_to_form(form, error)
        else:
            messages.success(request, "The opening times have been saved.")
            return redirect("directory:service", service.pk)
    days = [
        (form[f"{d}_opens"], form[f"{d}_closes"])
        for d in ("mo", "tu", "we", "th", "fr", "sa", "su")
    ]
    return render(
        request, "directory/opening_times.html", {"form": form, "service": service, "days": days}
    )


@login_required
def location_add(request, service_id):
    service = selectors.service_for_editing(actor=request.user, service_id=service_id)
    form = LocationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            location = services.location_create(
                actor=request.user, organisation=service.organisation, **form.cleaned_data
            )
            services.service_location_add(actor=request.user, service=service, location=location)
        except DomainError as error:
            apply_to_form(form, error)
        else:
            messages.success(request, f"{location.name} has been added.")
            return redirect("directory:service", service.pk)
    return render(request, "directory/location_form.html", {"form": form, "service": service})


@login_required
def organisation_list(request):
    organisations = selectors.organisation_list(actor=request.user).order_by("name")
    page = Paginator(organisations, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "directory/organisation_list.html",
        {
            "page": page,
            "query": "",
            "is_admin": request.user.has_perm("directory.manage_directory"),
        },
    )


@login_required
def organisation_create(request):
    require(request.user, "directory.manage_directory", what="add a directory organisation")
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_create(actor=request.user, **form.cleaned_data)
        except DomainError as error:
            apply_to_form(form, error)
        else:
            messages.success(request, "The organisation has been added.")
            return redirect("directory:organisations")
    return render(request, "directory/organisation_form.html", {"form": form})


@login_required
def organisation_edit(request, organisation_id):
    organisation = selectors.organisation_get(actor=request.user, organisation_id=organisation_id)
    form = OrganisationChangeForm(
        request.POST or None, initial=OrganisationChangeForm.initial_for(organisation)
    )
    done = submit(
        request,
        form,
        lambda data: services.organisation_update(
            actor=request.user, organisation=organisation, **data
        ),
        success=lambda saved: f"{saved.name} has been updated.",
        redirect_to="directory:organisations",
    )
    context = {"form": form, "organisation": organisation}
    return done or render(request, "directory/organisation_form.html", context)


@login_required
def editors(request, organisation_id):
    """Administrators nominate (and withdraw) a provider's editors."""
    require(request.user, "directory.manage_directory", what="manage directory editors")
    organisation = selectors.organisation_get(actor=request.user, organisation_id=organisation_id)
    form = EditorForm(request.POST or None)
    if request.method == "POST" and "withdraw" in request.POST:
        grant = get_object_or_404(
            DirectoryEditor, pk=request.POST["withdraw"], organisation=organisation
        )
        services.directory_editor_revoke(
            actor=request.user, grant=grant, reason="Withdrawn by an administrator"
        )
        messages.success(request, "The editor has been withdrawn.")
        return redirect("directory:organisation-editors", organisation.pk)
    if request.method == "POST" and form.is_valid():
        user = (
            get_user_model()
            .objects.filter(username__iexact=form.cleaned_data["username"].strip())
            .first()
        )
        try:
            if user is None:
                raise DomainError(
                    "There is no member of staff with that username.", field="username"
                )
            services.directory_editor_grant(
                actor=request.user, user=user, organisation=organisation
            )
        except DomainError as error:
            if error.field == "user":
                error.field = "username"
            apply_to_form(form, error)
        else:
            messages.success(request, f"{user} can now edit {organisation.name}'s services.")
            return redirect("directory:organisation-editors", organisation.pk)
    grants = organisation.editors.filter(archived_at__isnull=True).select_related("user")
    return render(
        request,
        "directory/editors.html",
        {"form": form, "organisation": organisation, "grants": grants},
    )
