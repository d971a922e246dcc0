"""Checking access in services and selectors, with every refusal written to the audit trail.

Views do not decide who may do what: they call services and selectors, which call `require`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import models, transaction

from teamaround.core.audit import audit_record
from teamaround.core.errors import AccessDenied
from teamaround.core.models import AuditAction, AuditEvent


def refuse(
    actor,
    *,
    what: str,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    message: str = "You do not have access to this.",
    refused: type[AccessDenied] = AccessDenied,
    next_steps=(),
) -> AccessDenied:
    """Record a refusal and return the exception for the caller to raise.

    If the refusal happens inside a transaction that is then rolled back, the event would be
    lost with it; the exception keeps what is needed so that the web and API error handlers
    can write it again (see ensure_refusal_recorded).
    """
    details = {
        "action": AuditAction.REFUSED,
        "actor": actor,
        "obj": obj,
        "object_type": object_type,
        "object_id": object_id,
        "summary": f"Refused: {what}",
    }
    event = audit_record(**details)
    denied = refused(message)
    denied.next_steps = list(next_steps)
    denied.refusal = details
    denied.event_id = event.pk
    return denied


def ensure_refusal_recorded(denied: AccessDenied) -> None:
    """Called where a request ends in refusal: rewrites the event if a rollback removed it."""
    details = getattr(denied, "refusal", None)
    if details and not AuditEvent.objects.filter(pk=denied.event_id).exists():
        denied.event_id = audit_record(**details).pk


def require(actor, permission: str, obj: models.Model | None = None, *, what: str = "") -> None:
    """Raise AccessDenied (and audit the refusal) unless `actor` holds `permission`."""
    if actor is not None and actor.is_authenticated and actor.has_perm(permission, obj):
        return
    raise refuse(actor, what=what or permission, obj=obj, object_type="" if obj else permission)


@contextmanager
def use_case(
    actor, permission: str, obj: models.Model | None = None, *, what: str = ""
) -> Iterator[None]:
    """Check access, then run the body in a transaction.

    The check comes first so that a refusal's audit event is written outside the transaction
    and survives it:

        def agency_create(*, actor, ...):
            with use_case(actor, "accounts.manage_agencies", what="create an agency"):
                ...
    """
    require(actor, permission, obj, what=what)
    with transaction.atomic():
        yield


class SystemActor:
    """The council's operators acting through a command (seeding, imports, loading files).

    Allowed everything an administrator is; audited under the name "system". Only commands,
    seeders and background jobs with no person behind them use SYSTEM; a use-case calling
    another app's service for someone passes `on_behalf_of(actor)` instead.
    """

    is_authenticated = True
    is_active = True
    pk = None
    team_id = None
    team = None
    acting_for = None

    def has_perm(self, permission: str, obj=None) -> bool:
        return True

    def has_role(self, *roles: str) -> bool:
        return False

    def get_username(self) -> str:
        return "system"


SYSTEM = SystemActor()


class PublicActor(SystemActor):
    """A member of the public using the public form (no account). The form's use-cases act
    as the service on their behalf; the audit trail records them as "public"."""

    def get_username(self) -> str:
        return "public"


MEMBER_OF_PUBLIC = PublicActor()


class OnBehalfOf(SystemActor):
    """A use-case acting for the person who started it, in another app's service.

    The calling use-case has already checked the person's permission for what they asked to
    do (send a request, record a decision); the steps it takes on their behalf in other apps
    (a chronology event, an involvement, a child recorded) follow from that and are not
    checked again. Everything they write names the person: `actor_user` is them, and the
    audit trail records their username. Like SYSTEM it has no team of its own, so no team is
    involved with a family just because a service acted for one of its members.
    """

    def __init__(self, user, why: str = ""):
        self.acting_for = user
        self.why = why

    def get_username(self) -> str:
        return self.acting_for.get_username()

    def __repr__(self) -> str:
        return f"<OnBehalfOf {self.acting_for!r}>"


def on_behalf_of(actor, why: str = ""):
    """The actor to pass to another app's service from inside a use-case run by `actor`.

    A person becomes OnBehalfOf(person); SYSTEM (a command) stays SYSTEM, and an actor that
    is already acting on someone's behalf is passed on unchanged."""
    if isinstance(actor, SystemActor):
        return actor
    user = actor_user(actor)
    if user is None:
        raise ValueError("on_behalf_of needs a member of staff or SYSTEM")
    return OnBehalfOf(user, why)


def is_system(actor) -> bool:
    """True for SYSTEM and for a use-case acting on someone's behalf: both pass every rule."""
    return isinstance(actor, SystemActor)


def actor_user(actor):
    """The User behind an actor, for created_by/updated_by and the audit trail: the person
    for a user or OnBehalfOf; None for SYSTEM or anonymous."""
    from django.contrib.auth import get_user_model

    if isinstance(actor, OnBehalfOf):
        return actor.acting_for
    return actor if isinstance(actor, get_user_model()) else None
