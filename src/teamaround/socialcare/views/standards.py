"""The council's safety standards: the list (linked from the team's caseload) and the page
that changes one. Thin: the service checks who may change it and audits the change."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from teamaround.core.access import refuse
from teamaround.core.views.forms import submit
from teamaround.socialcare.models import SafetyStandard
from teamaround.socialcare.proceedings_forms import SafetyStandardForm
from teamaround.socialcare.services.standards import safety_standard_set


def _may_set(request) -> None:
    if not request.user.has_perm("socialcare.set_standards"):
        raise refuse(request.user, what="see the safety standards", object_type="standards")


@login_required
def standards(request):
    _may_set(request)
    context = {"standards": SafetyStandard.objects.order_by("label")}
    return render(request, "socialcare/standards.html", context)


@login_required
def standard_edit(request, key):
    _may_set(request)
    standard = get_object_or_404(SafetyStandard, key=key)
    form = SafetyStandardForm(request.POST or None, initial={"working_days": standard.working_days})
    done = submit(
        request,
        form,
        lambda data: safety_standard_set(actor=request.user, standard=standard, **data),
        redirect_to=reverse("socialcare:standards"),
        success="The standard is changed; the next safety checks use it.",
    )
    context = {
        "form": form,
        "heading": f"Change the standard: {standard.label}",
        "back": "socialcare:standards",
    }
    return done or render(request, "socialcare/standard_form.html", context)
