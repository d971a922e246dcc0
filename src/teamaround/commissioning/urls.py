from django.urls import path

from teamaround.commissioning.views import (
    board_packs,
    envelope,
    evidence,
    families_first,
    impact,
    needs,
    performance,
    unmet,
)

app_name = "commissioning"

urlpatterns = [
    path("needs/", needs.needs, name="needs"),
    path("needs/<slug:code>/by-<slug:by>.csv", needs.needs_csv, name="needs-csv"),
    path("performance/", performance.performance, name="performance"),
    path("performance/<slug:key>.csv", performance.performance_csv, name="performance-csv"),
    path("board-packs/", board_packs.board_packs, name="board-packs"),
    path("board-packs/<uuid:pk>/", board_packs.board_pack, name="board-pack"),
    path("board-packs/<uuid:pk>/pack.html", board_packs.board_pack_html, name="board-pack-html"),
    path("board-packs/<uuid:pk>/pack.pdf", board_packs.board_pack_pdf, name="board-pack-pdf"),
    path("evidence/", evidence.evidence_base, name="evidence"),
    path("evidence/new/", evidence.intervention_edit, name="intervention-new"),
    path("evidence/<uuid:pk>/", evidence.intervention_edit, name="intervention"),
    path("evidence/levels/<int:pk>/", evidence.level_edit, name="evidence-level"),
    path("families-first/", families_first.families_first, name="families-first"),
    path(
        "families-first/<slug:key>.csv",
        families_first.families_first_csv,
        name="families-first-csv",
    ),
    path(
        "families-first/outcomes/<int:pk>/",
        families_first.outcome_edit,
        name="families-first-outcome",
    ),
    path("unmet-need/", unmet.unmet_need, name="unmet-need"),
    path("unmet-need/<slug:key>.csv", unmet.unmet_csv, name="unmet-need-csv"),
    path("resource-envelope/", envelope.envelope, name="envelope"),
    path("resource-envelope/by-<slug:by>.csv", envelope.envelope_csv, name="envelope-csv"),
    path("resource-envelope/spend/", envelope.spend_record, name="spend-record"),
    path("resource-envelope/import/", envelope.spend_import, name="spend-import"),
    path("services/", impact.impact_list, name="impact-list"),
    path("services/<uuid:pk>/", impact.impact, name="impact"),
]
