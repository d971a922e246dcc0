"""Social care pages, under /social-care/."""

from django.urls import path

from teamaround.socialcare.views import assessment, cases

app_name = "socialcare"

CASE = "cases/<uuid:referral_id>/"
urlpatterns = [
    path("", cases.home, name="home"),
    path("caseload/", cases.caseload, name="caseload"),
    path("families/<uuid:family_id>/refer/", cases.referral_new, name="referral-new"),
    path(
        "hand-overs/<uuid:hand_over_id>/receive/",
        cases.referral_from_hand_over,
        name="from-hand-over",
    ),
    path(CASE, cases.case_detail, name="case"),
    path(CASE + "decide/", cases.decide, name="decide"),
    path(CASE + "assessment/", assessment.assessment, name="assessment"),
    path(
        CASE + "assessment/submit/", assessment.submit_for_authorisation, name="assessment-submit"
    ),
    path(CASE + "assessment/authorise/", assessment.authorise, name="assessment-authorise"),
]
