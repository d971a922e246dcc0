"""The list of panels, a panel's page, referring a case, scheduling, monitoring and costs."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone

from teamaround.core.access import require
from teamaround.core.audit import audit_listed
from teamaround.core.views.forms import attempt
from teamaround.panels import selectors, services
from teamaround.panels.forms import ReferralForm, ScheduleForm


@login_required
def panel_list(request):
    panels = list(selectors.panel_list(actor=request.user))
    return render(request, "panels/panel_list.html", {"panels": panels})


@login_required
def panel_detail(request, panel_id):
    panel = selectors.panel_get(actor=request.user, panel_id=panel_id)
    user = request.user
    return render(
        request,
        "panels/panel_detail.html",
        {
            "panel": panel,
            "meetings": selectors.meeting_list(actor=user, panel=panel, upcoming=True)[:20],
            "past": selectors.meeting_list(actor=user, panel=panel)
            .filter(held_on__lt=timezone.localdate())
            .order_by("-held_on")[:10],
            "waiting": audit_listed(
                selectors.waiting_referrals_for(actor=user, panel=panel)[:50],
                actor=user,
                what="referrals waiting for a panel",
            ),
            "can_refer": user.has_perm("panels.refer", panel),
            "runs_panel": user.has_perm("panels.run_panel", panel),
        },
    )


def _families(user):
    from teamaround.people.selectors import family_list

    return family_list(actor=user)


@login_required
def referral_create(request, panel_id):
    panel = selectors.panel_get(actor=request.user, panel_id=panel_id)
    require(request.user, "panels.refer", panel, what="refer a case to a panel")
    form = ReferralForm(request.POST or None, panel=panel, families=_families(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        referral = attempt(
            form,
            lambda: services.panel_referral_create(
                actor=request.user,
                panel=panel,
                question=data["question"],
                family=data.get("family"),
                place=data.get("place", ""),
                risk_score=data.get("risk_score"),
                professional_judgement=data.get("professional_judgement", False),
                consent_given_by=data.get("consent_given_by", ""),
            ),
        )
        if referral:
            note = " This is a repeat referral within 12 months." if referral.is_repeat else ""
            messages.success(request, f"Your referral has been sent to {panel}.{note}")
            return redirect("panels:panel-detail", panel.pk)
    return render(request, "panels/referral_form.html", {"form": form, "panel": panel})


@login_required
def meeting_schedule(request, panel_id):
    panel = selectors.panel_get(actor=request.user, panel_id=panel_id)
    require(request.user, "panels.run_panel", panel, what="schedule a panel meeting")
    form = ScheduleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        meeting = attempt(
            form,
            lambda: services.meeting_schedule(actor=request.user, panel=panel, **form.cleaned_data),
        )
        if meeting:
            messages.success(request, "The meeting has been scheduled.")
            return redirect("panels:agenda", meeting.pk)
    return render(request, "panels/schedule_form.html", {"form": form, "panel": panel})


@login_required
def package_monitoring(request, panel_id):
    panel = selectors.panel_get(actor=request.user, panel_id=panel_id)
    require(request.user, "panels.run_panel", panel, what="monitor packages of support")
    packages = audit_listed(
        selectors.packages_for_monitoring(actor=request.user, panel=panel),
        actor=request.user,
        what="packages of support being monitored",
    )
    return render(request, "panels/package_monitoring.html", {"panel": panel, "packages": packages})


@login_required
def cost_report(request):
    report = selectors.cost_report(actor=request.user)
    return render(request, "panels/cost_report.html", {"report": report})
