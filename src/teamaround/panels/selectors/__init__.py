"""Reads of panels' records, always filtered by what the actor may see; views audited."""

from teamaround.panels.selectors.decisions import (
    action_get,
    action_list,
    action_owner_choices,
    agenda_item_get,
    decision_get,
    decision_list,
    decision_service_choices,
    linked_children,
)
from teamaround.panels.selectors.minutes import minutes_context, minutes_get
from teamaround.panels.selectors.panels import (
    agenda,
    case_summaries_for,
    case_summary_get,
    meeting_get,
    meeting_list,
    panel_get,
    panel_list,
    panel_type_get,
    panel_type_list,
    present_membership_ids,
    referral_get,
    referral_list,
    waiting_referrals_for,
)
from teamaround.panels.selectors.reports import cost_report, packages_for_monitoring

__all__ = [
    "panel_type_get",
    "present_membership_ids",
    "action_owner_choices",
    "agenda_item_get",
    "decision_service_choices",
    "action_get",
    "action_list",
    "agenda",
    "case_summaries_for",
    "case_summary_get",
    "cost_report",
    "decision_get",
    "decision_list",
    "linked_children",
    "meeting_get",
    "meeting_list",
    "minutes_context",
    "minutes_get",
    "packages_for_monitoring",
    "panel_get",
    "panel_list",
    "panel_type_list",
    "referral_get",
    "referral_list",
    "waiting_referrals_for",
]
