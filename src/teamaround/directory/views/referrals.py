"""A practitioner refers a family to a service, from the service's page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from teamaround.core.access import require
from teamaround.core.errors import DomainError, apply_to_form
from teamaround.directory import selectors, services
from teamaround.directory.forms import ReferralForm
from teamaround.directory.services.referrals import family_choices, service_referral_check


@login_required
def refer(request, service_id):
    service = selectors.service_get(actor=request.user, service_id=service_id)
    require(request.user, "directory.refer_family", service, what="refer a family to a service")
    family_id = request.POST.get("family") if request.method == "POST" else None
    if family_id:
        service_referral_check(actor=request.user, service=service, family_id=family_id)
    form = ReferralForm(request.POST or None, families=family_choices(actor=request.user))
    if request.method == "POST" and form.is_valid():
        try:
            services.service_referral_record(
                actor=request.user,
                service=service,
                family_id=form.cleaned_data["family"],
                reason=form.cleaned_data["reason"],
            )
        except DomainError as error:
            apply_to_form(form, error)
        else:
            messages.success(request, f"The family has been referred to {service.name}.")
            return redirect("directory:service", service.pk)
    return render(request, "directory/refer.html", {"form": form, "service": service})
