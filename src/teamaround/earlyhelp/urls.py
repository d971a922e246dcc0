"""Early help pages, under /early-help/."""

from django.urls import path

from teamaround.earlyhelp.views import assessment, episodes, meetings, pages, plan

app_name = "earlyhelp"

EPISODE = "episodes/<uuid:episode_id>/"
urlpatterns = [
    path("", pages.home, name="home"),
    path("caseloads/", pages.managers, name="managers"),
    path("families/<uuid:family_id>/timeline/", pages.timeline, name="timeline"),
    path("families/<uuid:family_id>/open/", episodes.episode_new, name="episode-new"),
    path("families/<uuid:family_id>/step-down/", episodes.step_down, name="step-down"),
    path(
        "hand-overs/<uuid:hand_over_id>/open/",
        episodes.episode_from_hand_over,
        name="episode-from-hand-over",
    ),
    path(EPISODE, episodes.episode_detail, name="episode"),
    path(EPISODE + "team/add/", episodes.taf_add, name="taf-add"),
    path(EPISODE + "team/<uuid:member_id>/remove/", episodes.taf_remove, name="taf-remove"),
    path(EPISODE + "lead-professional/", episodes.lead_change, name="lead-change"),
    path(EPISODE + "step-up/", episodes.step_up, name="step-up"),
    path(EPISODE + "close/", episodes.close, name="close"),
    path(EPISODE + "reopen/", episodes.reopen, name="reopen"),
    path(EPISODE + "assessment/", assessment.assessment, name="assessment"),
    path(EPISODE + "assessment/sign-off/", assessment.sign_off, name="sign-off"),
    path(EPISODE + "plan/", plan.plan_edit, name="plan"),
    path(EPISODE + "plan/print/", plan.plan_print, name="plan-print"),
    path(EPISODE + "plan/pdf/", plan.plan_pdf, name="plan-pdf"),
    path(EPISODE + "meetings/new/", meetings.meeting_new, name="meeting-new"),
]
