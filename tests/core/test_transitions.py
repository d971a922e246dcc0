"""core.transitions: one table decides where an event may happen and what status it leaves;
every move says from, to, who, when and why."""

import pytest

from teamaround.accounts.roles import Role
from teamaround.core.errors import Conflict
from teamaround.core.models import AuditEvent
from teamaround.core.transitions import Lifecycle, step
from teamaround.frontdoor.models import RequestForSupport, RequestStatus
from teamaround.frontdoor.services.lifecycle import REQUEST_LIFECYCLE, batch_event

TABLE = Lifecycle(
    {
        "send": step({"draft"}, "sent", "request_for_support"),
        "note": step(None),
        "decide": step({"sent"}, lambda record: "decided"),
    },
    noun="request",
)


class Record:
    def __init__(self, status):
        self.status = status
        self.saved = 0

    def get_status_display(self):
        return self.status.capitalize()

    def save(self):
        self.saved += 1


def test_a_move_follows_the_table_and_says_from_to_who_why(make_user):
    user = make_user(Role.HUB_SCREENER)
    record = Record("draft")
    moved = TABLE.move(record, "send", actor=user, why="Sent")
    assert (moved.from_status, moved.to_status, record.status) == ("draft", "sent", "sent")
    assert record.saved == 1 and moved.changed
    fields = moved.event_fields()
    assert fields["actor"] == user and fields["summary"] == "Sent" and fields["occurred_at"]
    assert TABLE.chronology_kind("send") == "request_for_support"
    assert TABLE.move(record, "decide", actor=user).to_status == "decided"
    assert not TABLE.move(record, "note", actor=user).changed


def test_an_event_that_may_not_happen_now_is_a_conflict_and_changes_nothing(make_user):
    record = Record("sent")
    with pytest.raises(Conflict, match="request that is sent"):
        TABLE.move(record, "send", actor=make_user(Role.HUB_SCREENER))
    assert record.status == "sent" and record.saved == 0


def test_the_missing_batch_sends_its_requests_through_the_hubs_table(make_user):
    user = make_user(Role.HUB_SCREENER)
    request = RequestForSupport(status=RequestStatus.DRAFT)
    event = batch_event(request, "submitted", actor=user, when=None, summary="Police")
    assert request.status == RequestStatus.SUBMITTED
    assert (event.from_status, event.to_status, event.actor) == ("draft", "submitted", user)
    assert REQUEST_LIFECYCLE.chronology_kind("decided") == "hub_decision"
    assert not AuditEvent.objects.exists()
