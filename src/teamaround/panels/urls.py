from django.urls import path

from teamaround.panels.views import decisions, meetings, minutes, panels

app_name = "panels"

urlpatterns = [
    path("", panels.panel_list, name="panel-list"),
    path("costs/", panels.cost_report, name="cost-report"),
    path("<uuid:panel_id>/", panels.panel_detail, name="panel-detail"),
    path("<uuid:panel_id>/refer/", panels.referral_create, name="referral-create"),
    path("<uuid:panel_id>/meetings/new/", panels.meeting_schedule, name="meeting-schedule"),
    path("<uuid:panel_id>/packages/", panels.package_monitoring, name="package-monitoring"),
    path("meetings/<uuid:meeting_id>/", meetings.meeting_detail, name="meeting-detail"),
    path("meetings/<uuid:meeting_id>/agenda/", meetings.agenda_builder, name="agenda"),
    path("meetings/<uuid:meeting_id>/minutes/", minutes.minutes_page, name="minutes"),
    path("meetings/<uuid:meeting_id>/minutes.pdf", minutes.minutes_pdf, name="minutes-pdf"),
    path(
        "meetings/<uuid:meeting_id>/minutes/correct/",
        minutes.minutes_correct,
        name="minutes-correct",
    ),
    path("summaries/<uuid:summary_id>/", meetings.case_summary_edit, name="case-summary"),
    path("items/<uuid:item_id>/decision/", decisions.decision_record, name="decision-record"),
    path("items/<uuid:item_id>/review/", decisions.package_review, name="package-review"),
    path("actions/<uuid:action_id>/", meetings.action_detail, name="action-detail"),
]
