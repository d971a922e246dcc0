"""The shape every domain record shares: a UUID key, who and when, and archiving with a reason."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone


class TrackedModel(models.Model):
    """A record addressed by UUID that remembers who made and last changed it.

    Records are archived with a reason rather than deleted, so history is never lost.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    archived_at = models.DateTimeField(null=True, blank=True)
    archived_reason = models.TextField(blank=True)

    class Meta:
        abstract = True

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    def archive(self, *, actor, reason: str) -> None:
        """Archive with a reason instead of deleting (history is never lost). The caller's
        use-case checks access and writes the audit event."""
        from teamaround.core.access import actor_user

        self.archived_at = timezone.now()
        self.archived_reason = reason
        self.updated_by = actor_user(actor)
        self.save(update_fields=["archived_at", "archived_reason", "updated_by", "updated_at"])


class Versioned(models.Model):
    """A record two people can edit. `version` goes up by one on every change, and every change
    names the version its editor started from (`core.updates.model_update(expected_version=)`):
    the second of two editors gets a `core.errors.StaleVersion` conflict, with both texts,
    instead of silently overwriting the first (optimistic locking, one conditional UPDATE)."""

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True
