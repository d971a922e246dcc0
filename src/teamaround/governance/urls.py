from django.urls import path

from teamaround.governance.views import access_requests, bases, ledger, retention

app_name = "governance"

PERSON = "people/<uuid:person_id>/"

urlpatterns = [
    path("", ledger.home, name="home"),
    path("ledger.csv", ledger.ledger_csv, name="ledger-csv"),
    path("ended-consent/", ledger.stale_consent, name="stale-consent"),
    path("agencies/<uuid:agency_id>/", ledger.agency_ledger, name="agency"),
    path(PERSON, ledger.person_ledger, name="person"),
    path(PERSON + "legal-hold/", retention.legal_hold_place, name="legal-hold"),
    path("legal-holds/<uuid:hold_id>/lift/", retention.legal_hold_lift, name="legal-hold-lift"),
    path("retention/", retention.retention, name="retention"),
    path("retention/review/", retention.retention_run, name="retention-run"),
    path(
        "retention/reviews/<uuid:review_id>/", retention.retention_decide, name="retention-decide"
    ),
    path(PERSON + "bases/", bases.bases, name="bases"),
    path(PERSON + "bases/new/", bases.basis_add, name="basis-add"),
    path(PERSON + "bases/<uuid:basis_id>/withdraw/", bases.basis_withdraw, name="basis-withdraw"),
    path(PERSON + "not-shared/", bases.withhold, name="withhold"),
    path(
        PERSON + "access-request/",
        access_requests.access_request_start,
        name="access-request-start",
    ),
    path(
        "access-requests/<uuid:request_id>/",
        access_requests.access_request_detail,
        name="access-request",
    ),
    path(
        "access-requests/<uuid:request_id>/export/",
        access_requests.access_request_export,
        name="access-request-export",
    ),
    path(
        "access-requests/<uuid:request_id>/extend/",
        access_requests.access_request_extend,
        name="access-request-extend",
    ),
    path(
        "access-requests/<uuid:request_id>/complete/",
        access_requests.access_request_complete,
        name="access-request-complete",
    ),
]
