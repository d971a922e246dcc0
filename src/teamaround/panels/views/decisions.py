"""Recording a decision on a case (the form for the panel's kinds of decision) and reviewing a
package of support whose review date has come."""

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from teamaround.core.access import require
from teamaround.core.views.forms import submit
from teamaround.directory.selectors import publicly_visible
from teamaround.panels import selectors, services
from teamaround.panels.forms import DecisionForm, PackageReviewForm
from teamaround.panels.models import AgendaItem, DecisionKind, ItemKind


def _item(request, item_id, kind):
    item = AgendaItem.objects.filter(pk=item_id, kind=kind).select_related("meeting").first()
    if item is None:
        raise Http404
    selectors.meeting_get(actor=request.user, meeting_id=item.meeting_id, audit=False)
    require(request.user, "panels.run_meeting", item.meeting, what="record a panel decision")
    return item


def _people(item):
    """Who can be given actions: the panel's members and the teams involved with the family."""
    from teamaround.people.selectors import family_involvements

    panel_members = item.meeting.panel.memberships.filter(ended_on__isnull=True)
    who = Q(pk__in=panel_members.values("user_id"))
    family = item.referral.family if item.referral_id else None
    if family is not None:
        teams = family_involvements(family).filter(closed_at__isnull=True).values("team_id")
        who |= Q(team_id__in=teams)
    return get_user_model().objects.filter(who, is_active=True).order_by("last_name")


def _services(panel):
    services = publicly_visible().select_related("organisation")
    if panel.district_id:
        services = services.filter(districts=panel.district_id)
    return services.order_by("name")


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
        people=_people(item),
        restricted=panel.restricted,
        services=_services(panel),
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
