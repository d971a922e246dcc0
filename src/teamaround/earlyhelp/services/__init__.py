"""Use-cases that change early help records: the only writers of the earlyhelp app's tables."""

from teamaround.earlyhelp.services.api_reads import episode_api_read_record
from teamaround.earlyhelp.services.assessment import (
    assessment_return,
    assessment_sign_off,
    assessment_submit,
    assessment_summary_save,
    member_view_save,
    need_add,
)
from teamaround.earlyhelp.services.episodes import episode_open
from teamaround.earlyhelp.services.handovers import episode_open_from_hand_over
from teamaround.earlyhelp.services.meetings import taf_meeting_record
from teamaround.earlyhelp.services.panel_actions import plan_action_from_panel
from teamaround.earlyhelp.services.plan import plan_save
from teamaround.earlyhelp.services.team import (
    lead_professional_change,
    taf_member_add,
    taf_member_remove,
)
from teamaround.earlyhelp.services.transitions import (
    episode_close,
    episode_reopen,
    episode_step_down,
    episode_step_up,
)

__all__ = [
    "assessment_return",
    "assessment_sign_off",
    "assessment_submit",
    "assessment_summary_save",
    "episode_api_read_record",
    "episode_close",
    "episode_open",
    "episode_open_from_hand_over",
    "episode_reopen",
    "episode_step_down",
    "episode_step_up",
    "lead_professional_change",
    "member_view_save",
    "plan_action_from_panel",
    "need_add",
    "plan_save",
    "taf_meeting_record",
    "taf_member_add",
    "taf_member_remove",
]
