"""A check over every web and API request the tests make: each row the request writes names
the person who did it.

While a request made through Django's test client (or DRF's) is running, the rows it saves
are collected (saves and bulk inserts alike). When it ends, and the request was made by a
signed-in member of staff, every collected chronology event (people.FamilyEvent) and audit
event must have an actor, and every TrackedModel row a created_by. A use-case that calls
another app's service with SYSTEM instead of the person (see core.access.on_behalf_of) fails
here. Requests by anonymous users (the public form, signing in) are not checked: there is
no member of staff to name.
"""

from __future__ import annotations

import threading

from django.db.models.query import QuerySet
from django.db.models.signals import post_save
from django.test.client import ClientHandler

from teamaround.core.models import AuditEvent, TrackedModel
from teamaround.people.models import FamilyEvent

_state = threading.local()


def unnamed(rows) -> list[str]:
    """The rows among `rows` that name no one, as "label id: what is missing"."""
    problems = []
    for row in rows:
        if isinstance(row, FamilyEvent | AuditEvent) and row.actor_id is None:
            problems.append(f"{row._meta.label} {row.pk}: no actor")
        elif isinstance(row, TrackedModel) and row.created_by_id is None:
            problems.append(f"{row._meta.label} {row.pk}: no created_by")
    return problems


def _collect(rows) -> None:
    collected = getattr(_state, "rows", None)
    if collected is not None:
        collected.extend(rows)


def _on_save(sender, instance, created, raw=False, **kwargs) -> None:
    if created and not raw:
        _collect([instance])


class ActorCheck:
    """Installed for the whole test session by tests/conftest.py."""

    def __init__(self):
        self.original_call = ClientHandler.__call__
        self.original_bulk_create = QuerySet.bulk_create

    def install(self) -> None:
        check = self

        def bulk_create(queryset, objs, *args, **kwargs):
            made = check.original_bulk_create(queryset, objs, *args, **kwargs)
            _collect(made)
            return made

        def call(handler, environ):
            outer = getattr(_state, "rows", None)
            _state.rows = []
            try:
                response = check.original_call(handler, environ)
                rows = _state.rows
            finally:
                _state.rows = outer
            user = getattr(getattr(response, "wsgi_request", None), "user", None)
            if getattr(user, "is_authenticated", False):
                problems = unnamed(rows)
                assert not problems, (
                    f"{environ.get('REQUEST_METHOD')} {environ.get('PATH_INFO')} by "
                    f"{user.get_username()} wrote rows that name no one: {problems}"
                )
            return response

        QuerySet.bulk_create = bulk_create
        ClientHandler.__call__ = call
        post_save.connect(_on_save, dispatch_uid="actor_check")

    def uninstall(self) -> None:
        QuerySet.bulk_create = self.original_bulk_create
        ClientHandler.__call__ = self.original_call
        post_save.disconnect(dispatch_uid="actor_check")
