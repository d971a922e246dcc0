"""Early help's block on the home page (core.home): a team manager's sign-offs waiting,
reviews out of date and open caseload, with a link to the caseloads page."""

from django.urls import reverse

from teamaround.core import home
from teamaround.core.home import plural
from teamaround.earlyhelp.selectors.managers import manager_home_counts


def manager_block(user):
    counts = manager_home_counts(actor=user)
    if counts is None:
        return None
    return home.HomeBlock(
        title="Your team's early help",
        lines=[
            f"{plural(counts['sign_offs'], 'assessment waits', 'assessments wait')} for your "
            "sign-off.",
            f"{plural(counts['overdue'], 'episode has', 'episodes have')} a review out of date.",
            f"{plural(counts['open'], 'episode is', 'episodes are')} open.",
        ],
        link_text="See the early help caseloads",
        link=reverse("earlyhelp:managers"),
    )


home.register_block("earlyhelp.manager", manager_block, order=30)
