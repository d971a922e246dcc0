"""Reads for the commissioning pages, always checked against the actor."""

from teamaround.commissioning.selectors.board_packs import (
    board_pack_export,
    board_pack_get,
    board_packs,
)
from teamaround.commissioning.selectors.envelope import (
    agencies_for_spend,
    current_financial_year,
    envelope,
    envelope_csv_rows,
    priority_areas,
    spend_entries,
)
from teamaround.commissioning.selectors.evidence import (
    evidence_level_get,
    evidence_levels,
    intervention_get,
    interventions,
    service_evidence,
)
from teamaround.commissioning.selectors.families_first import (
    FamiliesFirst,
    families_first_csv_rows,
    families_first_figures,
    families_first_outcome_get,
    families_first_outcomes,
)
from teamaround.commissioning.selectors.impact import (
    Impact,
    impact_services,
    service_for_impact,
    service_impact,
)
from teamaround.commissioning.selectors.needs import (
    Area,
    NeedsAnalysis,
    area_choices,
    area_for,
    breakdown_csv_rows,
    district_choices,
    needs_analysis,
)
from teamaround.commissioning.selectors.performance import (
    Performance,
    performance_csv_rows,
    performance_figures,
)
from teamaround.commissioning.selectors.unmet import UnmetNeed, unmet_csv_rows, unmet_need

__all__ = [
    "UnmetNeed",
    "unmet_csv_rows",
    "unmet_need",
    "FamiliesFirst",
    "families_first_csv_rows",
    "families_first_figures",
    "families_first_outcome_get",
    "families_first_outcomes",
    "evidence_level_get",
    "evidence_levels",
    "intervention_get",
    "interventions",
    "service_evidence",
    "board_pack_export",
    "board_pack_get",
    "board_packs",
    "Performance",
    "performance_csv_rows",
    "performance_figures",
    "Impact",
    "impact_services",
    "service_for_impact",
    "service_impact",
    "agencies_for_spend",
    "current_financial_year",
    "Area",
    "NeedsAnalysis",
    "area_choices",
    "area_for",
    "breakdown_csv_rows",
    "district_choices",
    "envelope",
    "envelope_csv_rows",
    "needs_analysis",
    "priority_areas",
    "spend_entries",
]
