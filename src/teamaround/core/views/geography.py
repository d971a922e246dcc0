"""Quadrants and districts: everyone on staff can see them; administrators change them."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from teamaround.core.access import require
from teamaround.core.errors import ValidationFailed
from teamaround.core.forms import DistrictForm, GeographyUploadForm
from teamaround.core.models import District
from teamaround.core.selectors import neighbour_list, quadrant_list
from teamaround.core.services import district_update, geography_load
from teamaround.core.views.forms import submit


@login_required
def district_list(request):
    quadrants = quadrant_list(actor=request.user)
    neighbours = neighbour_list(actor=request.user)
    return render(
        request,
        "core/geography/district_list.html",
        {
            "quadrants": quadrants,
            "neighbours": neighbours,
            "can_manage": request.user.has_perm("core.manage_geography"),
        },
    )


@login_required
def district_edit(request, district_id):
    require(request.user, "core.manage_geography", what="change a district")
    district = get_object_or_404(District, pk=district_id)
    form = DistrictForm.for_district(district, request.POST or None)
    done = submit(
        request,
        form,
        lambda data: district_update(actor=request.user, district=district, **data),
        success=lambda district: f"{district.name} has been updated.",
        redirect_to=reverse("core:district-list"),
    )
    context = {"form": form, "district": district}
    return done or render(request, "core/geography/district_form.html", context)


@login_required
def geography_upload(request):
    require(request.user, "core.manage_geography", what="load a geography file")
    form = GeographyUploadForm(request.POST or None, request.FILES or None)
    problems = {}
    if request.method == "POST" and form.is_valid():
        try:
            data = json.loads(form.cleaned_data["file"].read().decode("utf-8"))
            geography = geography_load(actor=request.user, data=data)
        except (UnicodeDecodeError, json.JSONDecodeError):
            form.add_error("file", "The file must be JSON in UTF-8.")
        except ValidationFailed as failure:
            problems = failure.errors
            form.add_error("file", "The file has problems, listed below. Nothing was loaded.")
        else:
            messages.success(
                request,
                f"Loaded {len(geography.districts)} districts in "
                f"{len(geography.quadrants)} quadrants.",
            )
            return redirect("core:district-list")
    return render(
        request, "core/geography/upload.html", {"form": form, "problems": problems.items()}
    )
