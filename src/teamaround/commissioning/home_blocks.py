"""Commissioning's block on the home page (core.home): for commissioners and data analysts,
what the commissioning pages hold, with a link to them."""

from django.urls import reverse

from teamaround.commissioning.permissions import is_commissioning_user
from teamaround.core import home


def commissioning_block(user):
    if not is_commissioning_user(user):
        return None
    return home.HomeBlock(
        title="Commissioning",
        lines=[
            "The needs analysis by district, the Resource Envelope of every agency's spend, "
            "the impact of each service, unmet need, Families First outcomes and board packs.",
        ],
        link_text="Go to commissioning",
        link=reverse("core:section", args=["commissioning"]),
    )


home.register_block("commissioning.pages", commissioning_block, order=60)
