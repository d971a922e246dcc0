"""The Hub's blocks on the home page (core.home): the queue against its one-working-day
deadline for those who work or manage the Hub; for anyone who asks the Hub for help, the new
outcomes of their requests and the hand-overs waiting for their team. Counts only, each with a
link to the work."""

from django.urls import reverse

from teamaround.core import home
from teamaround.core.home import plural
from teamaround.frontdoor.permissions import sees_the_hub
from teamaround.frontdoor.selectors.handovers import hand_overs_waiting_count
from teamaround.frontdoor.selectors.queue import queue_state
from teamaround.frontdoor.selectors.requests import new_outcomes_count


def hub_queue_block(user):
    if not sees_the_hub(user):
        return None
    state = queue_state(actor=user)
    return home.HomeBlock(
        title="The Hub queue",
        lines=[
            f"{plural(state.overdue, 'request is', 'requests are')} past the one working "
            "day deadline.",
            f"{plural(state.due_today, 'request is', 'requests are')} due today and "
            f"{state.in_time} within the deadline.",
            f"{plural(state.unassigned, 'open request has', 'open requests have')} no screener.",
        ],
        link_text="Go to the Hub queue",
        link=reverse("frontdoor:queue"),
    )


def new_outcomes_block(user):
    count = new_outcomes_count(actor=user)
    if not count:
        return None
    return home.HomeBlock(
        title="Outcomes of your requests",
        lines=[
            f"The Hub decided {plural(count, 'request', 'requests')} of yours in the last 14 days."
        ],
        link_text="See your requests and their outcomes",
        link=reverse("frontdoor:my-requests"),
    )


def hand_overs_block(user):
    if not user.has_perm("frontdoor.view_hand_overs"):
        return None
    count = hand_overs_waiting_count(actor=user)
    if not count:
        return None
    return home.HomeBlock(
        title="Hand-overs to your team",
        lines=[f"{plural(count, 'hand-over waits', 'hand-overs wait')} for your team to accept."],
        link_text="See the hand-overs",
        link=reverse("frontdoor:hand-overs"),
    )


home.register_block("frontdoor.queue", hub_queue_block, order=10)
home.register_block("frontdoor.outcomes", new_outcomes_block, order=20)
home.register_block("frontdoor.hand-overs", hand_overs_block, order=21)
