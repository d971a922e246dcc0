from django.urls import path

from teamaround.people.views import families, merge, persons, search

app_name = "people"

urlpatterns = [
    path("", search.known_child_search, name="search"),
    path("new/", persons.person_create, name="person-create"),
    path("persons/<uuid:person_id>/", persons.person_detail, name="person-detail"),
    path("persons/<uuid:person_id>/edit/", persons.person_edit, name="person-edit"),
    path("persons/<uuid:person_id>/names/new/", persons.person_name_add, name="person-name-add"),
    path(
        "persons/<uuid:person_id>/addresses/new/",
        persons.person_address_add,
        name="person-address-add",
    ),
    path("persons/<uuid:person_id>/break-glass/", persons.break_glass, name="break-glass"),
    path("persons/<uuid:person_id>/merge/", merge.person_merge, name="person-merge"),
    path("merges/<uuid:merge_id>/undo/", merge.person_merge_undo, name="merge-undo"),
    path("families/<uuid:family_id>/", families.family_detail, name="family-detail"),
    path("families/<uuid:family_id>/edit/", families.family_edit, name="family-edit"),
    path(
        "families/<uuid:family_id>/break-glass/",
        persons.family_break_glass,
        name="family-break-glass",
    ),
    path(
        "families/<uuid:family_id>/members/new/",
        families.family_member_add,
        name="family-member-add",
    ),
    path(
        "families/<uuid:family_id>/members/<uuid:membership_id>/end/",
        families.membership_end,
        name="membership-end",
    ),
    path(
        "families/<uuid:family_id>/relationships/new/",
        families.relationship_add,
        name="relationship-add",
    ),
    path("break-glass/", persons.break_glass_review, name="break-glass-review"),
    path(
        "break-glass/<uuid:grant_id>/reviewed/",
        persons.break_glass_reviewed,
        name="break-glass-reviewed",
    ),
]
