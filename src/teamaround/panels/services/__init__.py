"""Use-cases that change panels' records: the only writers of the panels app's tables."""

from teamaround.panels.services.actions import panel_action_complete
from teamaround.panels.services.agenda import (
    agenda_build,
    case_summary_save,
    meeting_schedule,
    papers_send,
)
from teamaround.panels.services.decisions import panel_decision_record
from teamaround.panels.services.meetings import attendance_record
from teamaround.panels.services.minutes import minutes_approve, minutes_correct, minutes_generate
from teamaround.panels.services.monitoring import package_review_record
from teamaround.panels.services.referrals import panel_referral_create, panel_referral_withdraw
from teamaround.panels.services.types import (
    panel_create,
    panel_membership_add,
    panel_membership_end,
    panel_types_load,
)

__all__ = [
    "agenda_build",
    "attendance_record",
    "case_summary_save",
    "meeting_schedule",
    "minutes_approve",
    "minutes_correct",
    "minutes_generate",
    "package_review_record",
    "panel_action_complete",
    "panel_create",
    "panel_decision_record",
    "panel_membership_add",
    "panel_membership_end",
    "panel_referral_create",
    "panel_referral_withdraw",
    "panel_types_load",
    "papers_send",
]
