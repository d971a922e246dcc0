"""The Hub's pages, under /hub/ (the public form is in public_urls, under /ask-for-help/)."""

from django.urls import path

from teamaround.frontdoor.views import flow, missing, requests, screening

app_name = "frontdoor"

urlpatterns = [
    path("", requests.start, name="start"),
    path("requests/new/", requests.request_new, name="request-new"),
    path("requests/mine/", requests.my_requests, name="my-requests"),
    path("requests/<uuid:request_id>/", screening.request_detail, name="request-detail"),
    path("requests/<uuid:request_id>/edit/", requests.request_edit, name="request-edit"),
    path(
        "requests/<uuid:request_id>/withdraw/", requests.request_withdraw, name="request-withdraw"
    ),
    path("requests/<uuid:request_id>/assign/", screening.assign, name="request-assign"),
    path("requests/<uuid:request_id>/checks/", screening.checks, name="request-checks"),
    path(
        "requests/<uuid:request_id>/partner-information/",
        screening.partner_information,
        name="partner-information",
    ),
    path("requests/<uuid:request_id>/review/", screening.review, name="request-review"),
    path("requests/<uuid:request_id>/decide/", screening.decide, name="request-decide"),
    path(
        "requests/<uuid:request_id>/decision/correct/",
        screening.decision_correct,
        name="decision-correct",
    ),
    path("queue/", screening.queue, name="queue"),
    path("consultations/new/", requests.consultation_new, name="consultation-new"),
    path("hand-overs/", requests.hand_overs, name="hand-overs"),
    path(
        "hand-overs/<uuid:hand_over_id>/accept/", requests.hand_over_accept, name="hand-over-accept"
    ),
    path("missing/", missing.missing_list, name="missing-list"),
    path("missing/upload/", missing.missing_upload, name="missing-upload"),
    path("missing/imports/<uuid:import_id>/", missing.missing_import, name="missing-import"),
    path("missing/scrutiny/", missing.scrutiny, name="missing-scrutiny"),
    path(
        "missing/return-conversations/", missing.return_conversations, name="return-conversations"
    ),
    path("missing/<uuid:episode_id>/", missing.missing_detail, name="missing-detail"),
    path("flow/", flow.flow, name="flow"),
]
