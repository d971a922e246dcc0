from django.urls import path

from teamaround.commissioning import views

app_name = "commissioning"

urlpatterns = [
    path("needs/", views.needs, name="needs"),
    path("needs/<slug:code>/by-<slug:by>.csv", views.needs_csv, name="needs-csv"),
]
