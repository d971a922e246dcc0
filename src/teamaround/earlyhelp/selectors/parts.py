"""The parts of an episode its pages and the API show: the assessment, the plan, the current
Team Around the Family, the needs a review scores. Each takes the episode as `episode_get`
returned it to the actor, so the episode's access rule has already been applied (and the
opening audited); these read no further person records of their own."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from teamaround.core.models import NeedDomain
from teamaround.earlyhelp.models import (
    AssessedNeed,
    EarlyHelpPlan,
    Episode,
    MemberView,
    NeedScore,
    SharedFamilyAssessment,
    TafMember,
)
from teamaround.earlyhelp.services.plan import plan_actions


def assessment_of(episode: Episode) -> SharedFamilyAssessment | None:
    return SharedFamilyAssessment.objects.filter(episode=episode).first()


def plan_of(episode: Episode) -> EarlyHelpPlan | None:
    return EarlyHelpPlan.objects.filter(episode=episode).first()


def member_view_of(assessment: SharedFamilyAssessment, person_id) -> MemberView | None:
    return assessment.member_views.filter(person_id=person_id).first()


def taf_current(episode: Episode, *related: str) -> QuerySet[TafMember]:
    """Who is in the Team Around the Family now (not those who left)."""
    related = related or ("practitioner", "team__agency")
    return episode.taf_members.filter(left_at__isnull=True).select_related(*related)


def taf_member_get(episode: Episode, member_id) -> TafMember:
    """One member of this episode's TAF (past or present); 404 for any other id."""
    return get_object_or_404(
        TafMember.objects.select_related("practitioner"), pk=member_id, episode=episode
    )


def needs_to_score(episode: Episode) -> list[NeedDomain]:
    """The needs a review scores: those assessed, those actions meet, and those scored before
    (every active need when there are none yet)."""
    ids = set(
        AssessedNeed.objects.filter(assessment__episode=episode).values_list("domain_id", flat=True)
    )
    ids |= set(NeedScore.objects.filter(episode=episode).values_list("domain_id", flat=True))
    plan = plan_of(episode)
    if plan:
        ids |= set(plan_actions(plan).exclude(domain=None).values_list("domain_id", flat=True))
    domains = (
        NeedDomain.objects.filter(pk__in=ids) if ids else NeedDomain.objects.filter(is_active=True)
    )
    return list(domains.order_by("display_order"))
