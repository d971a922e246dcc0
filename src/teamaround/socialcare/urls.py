"""Social care pages, under /social-care/."""

from django.urls import path

from teamaround.socialcare.views import (
    assessment,
    cases,
    cp_team,
    looked_after,
    oversight,
    proceedings,
    protection,
    standards,
)

app_name = "socialcare"

CASE = "cases/<uuid:referral_id>/"
PLO = CASE + "pre-proceedings/<uuid:pre_proceedings_id>/"
OFFER = CASE + "family-group/offers/<uuid:offer_id>/"
urlpatterns = [
    path("", cases.home, name="home"),
    path("caseload/", cases.caseload, name="caseload"),
    path("caseload/safety-checks/", cases.safety_checks_run, name="safety-checks-run"),
    path("standards/", standards.standards, name="standards"),
    path("standards/<slug:key>/", standards.standard_edit, name="standard-edit"),
    path("families/<uuid:family_id>/refer/", cases.referral_new, name="referral-new"),
    path(
        "hand-overs/<uuid:hand_over_id>/receive/",
        cases.referral_from_hand_over,
        name="from-hand-over",
    ),
    path("transfers/", oversight.transfers, name="transfers"),
    path(CASE, cases.case_detail, name="case"),
    path(CASE + "decide/", cases.decide, name="decide"),
    path(CASE + "assessment/", assessment.assessment, name="assessment"),
    path(
        CASE + "assessment/submit/", assessment.submit_for_authorisation, name="assessment-submit"
    ),
    path(CASE + "assessment/authorise/", assessment.authorise, name="assessment-authorise"),
    path(CASE + "strategy/", protection.strategy, name="strategy"),
    path(CASE + "enquiries/<uuid:enquiry_id>/", protection.enquiry, name="enquiry"),
    path(CASE + "conferences/<uuid:conference_id>/", protection.conference, name="conference"),
    path(CASE + "plans/<uuid:plan_id>/end/", protection.plan_end, name="plan-end"),
    path(CASE + "step-down/", protection.step_down, name="step-down"),
    path(CASE + "close/", protection.close, name="close"),
    path(CASE + "looked-after/", looked_after.looked_after, name="looked-after"),
    path(CASE + "looked-after/start/", looked_after.care_start, name="care-start"),
    path(
        CASE + "looked-after/<uuid:period_id>/placement/",
        looked_after.placement_change,
        name="placement-change",
    ),
    path(CASE + "looked-after/<uuid:period_id>/end/", looked_after.care_end, name="care-end"),
    path(
        CASE + "looked-after/reviews/<uuid:care_review_id>/",
        looked_after.care_review,
        name="care-review",
    ),
    path(CASE + "visits/new/", looked_after.visit_new, name="visit-new"),
    path(CASE + "missing/new/", looked_after.missing_new, name="missing-new"),
    path(CASE + "missing/from-hub/", looked_after.missing_from_hub, name="missing-from-hub"),
    path(
        CASE + "missing/<uuid:missing_id>/conversation/",
        looked_after.missing_conversation,
        name="missing-conversation",
    ),
    path(CASE + "pathway-plan/", looked_after.pathway_plan, name="pathway-plan"),
    path(CASE + "pathway-plan/start/", looked_after.pathway_start, name="pathway-start"),
    path(CASE + "pathway-plan/review/", looked_after.pathway_review, name="pathway-review"),
    # Pre-proceedings, family group decision making and the family network
    path(CASE + "pre-proceedings/", proceedings.proceedings, name="proceedings"),
    path(
        CASE + "pre-proceedings/start/",
        proceedings.pre_proceedings_start,
        name="pre-proceedings-start",
    ),
    path(PLO + "letter/", proceedings.letter_new, name="plo-letter"),
    path(PLO + "meeting/", proceedings.meeting_new, name="plo-meeting"),
    path(PLO + "outcome/", proceedings.outcome, name="plo-outcome"),
    path(CASE + "care-proceedings/", proceedings.proceedings_issue, name="proceedings-issue"),
    path(CASE + "family-group/offer/", proceedings.fgdm_offer_new, name="fgdm-offer"),
    path(OFFER + "answer/", proceedings.fgdm_offer_answer, name="fgdm-answer"),
    path(OFFER + "meeting/", proceedings.fgdm_meeting_new, name="fgdm-meeting"),
    path(CASE + "family-group/exception/", proceedings.fgdm_exception, name="fgdm-exception"),
    path(CASE + "family-network/new/", proceedings.network_member_new, name="network-new"),
    path(
        CASE + "family-network/<uuid:member_id>/consent/",
        proceedings.network_consent,
        name="network-consent",
    ),
    path(CASE + "child-protection-team/", cp_team.team, name="cp-team"),
    path(CASE + "child-protection-team/add/", cp_team.member_add, name="cp-team-add"),
    path(
        CASE + "child-protection-team/<uuid:cp_member_id>/remove/",
        cp_team.member_remove,
        name="cp-team-remove",
    ),
    path(CASE + "child-protection-team/lead/", cp_team.lead, name="cp-team-lead"),
    path(
        CASE + "core-groups/<uuid:core_group_id>/members/new/",
        cp_team.core_group_member_add,
        name="core-group-member-add",
    ),
    path(
        CASE + "core-groups/<uuid:core_group_id>/meetings/new/",
        cp_team.core_group_meeting,
        name="core-group-meeting",
    ),
    path(CASE + "transfer/", oversight.transfer, name="transfer"),
    path(CASE + "oversight/new/", oversight.oversight_new, name="oversight-new"),
    path(CASE + "child-in-need-plan/", oversight.cin_plan_start, name="cin-plan-start"),
    path(
        CASE + "child-in-need-plan/<uuid:cin_plan_id>/review/",
        oversight.cin_review,
        name="cin-review",
    ),
]
