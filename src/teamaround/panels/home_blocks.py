"""Panels' block on the home page (core.home): the next meetings of the panels the user sits
on (chair, coordinator or member, on the meeting's day), each with how many items its agenda
holds. Names of panels and dates only, never a family."""

from django.db.models import Count
from django.urls import reverse
from django.utils.formats import date_format

from teamaround.core import home
from teamaround.core.home import plural
from teamaround.panels.selectors import meeting_list

SHOWN = 5


def meetings_block(user):
    meetings = list(
        meeting_list(actor=user, upcoming=True)
        .filter(closed_at__isnull=True)
        .annotate(agenda=Count("items"))[:SHOWN]
    )
    if not meetings:
        return None
    return home.HomeBlock(
        title="Your panels' next meetings",
        lines=[
            f"{meeting.panel.name} on {date_format(meeting.held_on, 'j F Y')}: "
            f"{plural(meeting.agenda, 'item', 'items')} on the agenda."
            for meeting in meetings
        ],
        link_text="Go to your panels",
        link=reverse("panels:panel-list"),
    )


home.register_block("panels.meetings", meetings_block, order=40)
