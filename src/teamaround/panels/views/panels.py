"""The list of panels, a panel's page, referring a case, scheduling, monitoring and costs."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse

from teamaround.core.access import require
from teamaround.core.audit import audit_listed
from teamaround.core.views.forms import submit
from teamaround.panels import selectors, services
from teamaround.panels.forms import ReferralForm, ScheduleForm


@login_required
def panel_list(request):
    panels = list(selectors.panel_list(actor=request.user))
    upcoming = selectors.meeting_list(actor=request.user, upcoming=True)[:10]
    return render(request, "panels/panel_list.html", {"panels": panels, "upcoming": upcoming})


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
            "past": selectors.meeting_list(actor=user, panel=panel, past=True)[:10],
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
    done = submit(
        request,
        form,
        lambda data: services.panel_referral_create(
            actor=request.user,
            panel=panel,
            question=data["question"],
            family=data.get("family"),
            place=data.get("place", ""),
            risk_score=data.get("risk_score"),
            professional_judgement=data.get("professional_judgement", False),
            consent_given_by=data.get("consent_given_by", ""),
        ),
        redirect_to=reverse("panels:panel-detail", args=[panel.pk]),
        success=lambda referral: (
            f"Your referral has been sent to {panel}."
            + (" This is a repeat referral within 12 months." if referral.is_repeat else "")
        ),
    )
    return done or render(request, "panels/referral_form.html", {"form": form, "panel": panel})


@login_required
def meeting_schedule(request, panel_id):
    panel = selectors.panel_get(actor=request.user, panel_id=panel_id)
    require(request.user, "panels.run_panel", panel, what="schedule a panel meeting")
    form = ScheduleForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.meeting_schedule(actor=request.user, panel=panel, **data),
        redirect_to=lambda meeting: reverse("panels:agenda", args=[meeting.pk]),
        success="The meeting has been scheduled.",
    )
    return done or render(request, "panels/schedule_form.html", {"form": form, "panel": panel})


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
