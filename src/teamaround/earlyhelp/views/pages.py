"""The worker's home page, the managers' page and the family's whole-journey timeline."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from teamaround.core.access import require
from teamaround.core.audit import audit_listed
from teamaround.earlyhelp import selectors
from teamaround.earlyhelp.selectors.handovers import hand_overs_to_open


@login_required
def home(request):
    require(request.user, "earlyhelp.open_episode", what="see early help work")
    hand_overs = hand_overs_to_open(actor=request.user)
    return render(
        request,
        "earlyhelp/home.html",
        {
            "home": selectors.worker_home(actor=request.user),
            "hand_overs": audit_listed(
                hand_overs[:50], actor=request.user, what="hand-overs to my team"
            ),
            "is_manager": request.user.has_perm("earlyhelp.see_caseloads"),
        },
    )


@login_required
def managers(request):
    return render(
        request, "earlyhelp/managers.html", selectors.managers_overview(actor=request.user)
    )


@login_required
def timeline(request, family_id):
    data = selectors.family_timeline(
        actor=request.user,
        family_id=family_id,
        agency_id=request.GET.get("agency", ""),
        kind=request.GET.get("kind", ""),
    )
    return render(request, "earlyhelp/timeline.html", data)
