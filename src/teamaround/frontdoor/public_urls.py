"""The public "ask for help" form, under /ask-for-help/ (no sign-in)."""

from django.urls import path

from teamaround.frontdoor.views import public

app_name = "frontdoor_public"

urlpatterns = [
    path("", public.ask_for_help, name="ask"),
    path("resume/", public.resume, name="resume"),
    path("sent/", public.sent, name="sent"),
]
