"""core.records.record_get, the one way to open a record, and the one error policy of the API."""

import uuid

import pytest
from django.db.models import Q
from django.http import Http404

from teamaround.accounts.models import Team
from teamaround.accounts.roles import Role
from teamaround.core.api import exception_handler
from teamaround.core.errors import AccessDenied, Conflict, DomainError, RecordRefused
from teamaround.core.models import AuditAction, AuditEvent
from teamaround.core.records import record_get


def own_team(actor) -> Q:
    return Q(pk=actor.team_id)


def test_a_record_the_actor_may_see_is_returned_and_the_view_audited(make_user):
    user = make_user(Role.PRACTITIONER)
    team = record_get(Team, actor=user, pk=user.team_id, rule=own_team(user), what="a team")
    assert team.pk == user.team_id
    event = AuditEvent.objects.get(action=AuditAction.VIEW)
    assert event.actor == user and event.object_id == str(team.pk)
    assert event.summary == "Viewed a team"


def test_a_refused_record_is_an_audited_record_refused(make_user):
    user, other = make_user(Role.PRACTITIONER), make_user(Role.PRACTITIONER)
    with pytest.raises(RecordRefused) as refused:
        record_get(Team, actor=user, pk=other.team_id, rule=own_team(user), what="a team")
    assert isinstance(refused.value, AccessDenied)
    event = AuditEvent.objects.get(action=AuditAction.REFUSED)
    assert event.actor == user and event.object_id == str(other.team_id)
    assert not AuditEvent.objects.filter(action=AuditAction.VIEW).exists()


@pytest.mark.parametrize("pk", [uuid.uuid4(), "not-an-id", None, 10**12])
def test_a_missing_or_malformed_id_is_a_404_with_nothing_recorded(make_user, pk):
    user = make_user(Role.PRACTITIONER)
    with pytest.raises(Http404):
        record_get(Team, actor=user, pk=pk, rule=own_team(user), what="a team")
    assert not AuditEvent.objects.exists()


def test_a_callable_rule_and_a_conditional_audit(make_user):
    user = make_user(Role.PRACTITIONER)
    team = record_get(
        Team.objects.select_related("agency"),
        actor=user,
        pk=user.team_id,
        rule=lambda record: record.pk == user.team_id,
        what="a team",
        audit=lambda record: False,
    )
    assert team.agency_id and not AuditEvent.objects.exists()


def test_the_api_answers_404_for_a_refused_record_409_for_a_conflict(make_user):
    user = make_user(Role.PRACTITIONER)
    assert exception_handler(RecordRefused("no"), {}).status_code == 404
    assert exception_handler(RecordRefused("no"), {}).data == {"detail": "Not found."}
    assert exception_handler(AccessDenied("no"), {}).status_code == 403
    conflict = exception_handler(Conflict("Already decided.", field="status"), {})
    assert conflict.status_code == 409 and conflict.data == {"status": ["Already decided."]}
    assert exception_handler(DomainError("Bad"), {}).status_code == 400
    assert user.pk
