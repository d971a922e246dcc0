"""Early help pages, under /early-help/."""

from django.urls import path

from teamaround.earlyhelp.views import assessment, episodes, meetings, pages, plan

app_name = "earlyhelp"

E = "episodes/<uuid:episode_id>/"
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
    path(E, episodes.episode_detail, name="episode"),
    path(E + "team/add/", episodes.taf_add, name="taf-add"),
    path(E + "team/<uuid:member_id>/remove/", episodes.taf_remove, name="taf-remove"),
    path(E + "lead-professional/", episodes.lead_change, name="lead-change"),
    path(E + "step-up/", episodes.step_up, name="step-up"),
    path(E + "close/", episodes.close, name="close"),
    path(E + "reopen/", episodes.reopen, name="reopen"),
    path(E + "assessment/", assessment.assessment, name="assessment"),
    path(E + "assessment/sign-off/", assessment.sign_off, name="sign-off"),
    path(E + "plan/", plan.plan_edit, name="plan"),
    path(E + "plan/print/", plan.plan_print, name="plan-print"),
    path(E + "plan/pdf/", plan.plan_pdf, name="plan-pdf"),
    path(E + "meetings/new/", meetings.meeting_new, name="meeting-new"),
]
