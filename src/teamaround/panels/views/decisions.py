"""Recording a decision on a case (the form for the panel's kinds of decision) and reviewing a
package of support whose review date has come."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from teamaround.core.access import require
from teamaround.core.views.forms import submit
from teamaround.panels import selectors, services
from teamaround.panels.forms import DecisionForm, PackageReviewForm
from teamaround.panels.models import DecisionKind, ItemKind


def _item(request, item_id, kind):
    item = selectors.agenda_item_get(actor=request.user, item_id=item_id, kind=kind)
    require(request.user, "panels.run_meeting", item.meeting, what="record a panel decision")
    return item


@login_required
def decision_record(request, item_id):
    item = _item(request, item_id, ItemKind.CASE)
    panel = item.meeting.panel
    kinds = panel.panel_type.decision_kinds
    kind = request.GET.get("kind") or kinds[0]
    if kind not in kinds:
        raise Http404
    form = DecisionForm(
        request.POST or None,
        kind=kind,
        people=selectors.action_owner_choices(actor=request.user, item=item),
        restricted=panel.restricted,
        services=selectors.decision_service_choices(actor=request.user, panel=panel),
    )
    done = submit(
        request,
        form,
        lambda data: services.panel_decision_record(
            actor=request.user,
            item=item,
            kind=kind,
            summary=data["summary"],
            lead_professional=data.get("lead_professional"),
            details=form.details(kind),
            actions=form.actions(),
        ),
        redirect_to=reverse("panels:meeting-detail", args=[item.meeting_id]),
        success="The decision has been recorded.",
    )
    if done:
        return done
    choices = [(k, DecisionKind(k).label) for k in kinds]
    return render(
        request,
        "panels/decision_form.html",
        {
            "form": form,
            "item": item,
            "kind": kind,
            "kind_label": DecisionKind(kind).label,
            "kinds": choices,
        },
    )


@login_required
def package_review(request, item_id):
    item = _item(request, item_id, ItemKind.PACKAGE_REVIEW)
    form = PackageReviewForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.package_review_record(
            actor=request.user,
            package=item.package,
            meeting=item.meeting,
            delivering=data["delivering"],
            outcome=data["outcome"],
            notes=data["notes"],
            reviewed_on=timezone.localdate(),
            next_review_on=data["next_review_on"],
        ),
        redirect_to=reverse("panels:meeting-detail", args=[item.meeting_id]),
        success="The package review has been recorded.",
    )
    return done or render(request, "panels/package_review_form.html", {"form": form, "item": item})
