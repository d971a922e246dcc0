"""Administrators approve (or not) providers' changes to public fields, field by field."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from teamaround.core.access import require
from teamaround.core.errors import DomainError
from teamaround.directory import services
from teamaround.directory.models import ChangeStatus, PendingChange


@login_required
def pending_changes(request):
    require(request.user, "directory.manage_directory", what="see changes waiting for approval")
    changes = (
        PendingChange.objects.filter(status=ChangeStatus.PENDING)
        .select_related("service__organisation", "created_by")
        .order_by("created_at")
    )
    return render(request, "directory/approvals.html", {"changes": changes})


@login_required
@require_POST
def pending_change_decide(request, change_id):
    require(request.user, "directory.manage_directory", what="decide a directory change")
    change = get_object_or_404(PendingChange, pk=change_id)
    approve = request.POST.get("decision") == "approve"
    try:
        services.pending_change_decide(
            actor=request.user,
            change=change,
            approve=approve,
            reason=request.POST.get("reason", ""),
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        verb = "approved and published" if approve else "not approved"
        messages.success(request, f"The change to {change.service.name} was {verb}.")
    return redirect("directory:approvals")
