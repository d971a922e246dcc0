"""Missing-notification files: checked whole when uploaded (a bad file is rejected with every
problem and nothing is written), then imported by a background task through Django's tasks
API, so the upload page answers at once and the import page shows how it is going.

The import itself runs in one transaction, so a file lands whole or not at all; its status
moves queued -> importing -> imported (or failed, with nothing written). The same file
uploaded again is recognised by its checksum and creates nothing.
"""

from __future__ import annotations

import hashlib
import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from teamaround.core.access import SYSTEM, actor_user, on_behalf_of, use_case
from teamaround.core.audit import audit_record
from teamaround.core.errors import DomainError
from teamaround.core.models import AuditAction
from teamaround.core.updates import natural_key_lock
from teamaround.frontdoor.models import ImportStatus, MissingEpisode, MissingImport
from teamaround.frontdoor.services.missing.intake import receive
from teamaround.frontdoor.services.missing.parsing import (
    FileRejected,
    already_imported,
    check_notification,
    parse_file,
)

logger = logging.getLogger(__name__)
MAX_BYTES = 20 * 1024 * 1024


class AlreadyImported(DomainError):
    def __init__(self, earlier: MissingImport):
        super().__init__(
            f"This file was already imported on "
            f"{timezone.localtime(earlier.created_at):%d %B %Y at %H:%M}; "
            "nothing was imported again.",
            field="file",
        )
        self.earlier = earlier


def missing_import_accept(*, actor, file_name: str, data: bytes) -> MissingImport:
    """Check the whole file; if it is good, keep it and queue the import."""
    with use_case(actor, "frontdoor.receive_missing", what="upload missing notifications"):
        if len(data) > MAX_BYTES:
            raise DomainError("The file is larger than 20 MB: split it.", field="file")
        try:
            content = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise DomainError("The file must be a CSV saved as UTF-8.", field="file") from None
        digest = hashlib.sha256(content.encode()).hexdigest()
        earlier = (
            MissingImport.objects.filter(sha256=digest).exclude(status=ImportStatus.FAILED).first()
        )
        if earlier is not None:
            raise AlreadyImported(earlier)
        try:
            notifications = parse_file(content)
        except FileRejected as rejected:
            audit_record(
                action=AuditAction.REFUSED,
                actor=actor,
                object_type="frontdoor.missingimport",
                summary=f"Rejected a missing-notification file: "
                f"{len({p.line for p in rejected.problems})} bad rows",
            )
            raise
        upload = MissingImport.objects.create(
            file_name=(file_name or "upload.csv")[:200],
            sha256=digest,
            content=content,
            rows_total=len(notifications),
            created_by=actor_user(actor),
        )
        audit_record(
            action=AuditAction.CREATE,
            actor=actor,
            obj=upload,
            summary=f"Uploaded {len(notifications)} missing notifications",
        )
    run_missing_import.enqueue(str(upload.pk))
    upload.refresh_from_db()
    return upload


@task()
def run_missing_import(import_id: str) -> dict:
    return missing_import_run(import_id=import_id)


def uploader(upload: MissingImport):
    """Who a queued import runs for: the member of staff who uploaded it (SYSTEM for a file
    loaded by a command), so the episodes, tasks and chronology it writes name them."""
    return on_behalf_of(upload.created_by) if upload.created_by_id else SYSTEM


def missing_import_run(*, import_id) -> dict:
    upload = MissingImport.objects.get(pk=import_id)
    if upload.status not in (ImportStatus.QUEUED, ImportStatus.FAILED):
        return {"status": upload.status}
    MissingImport.objects.filter(pk=upload.pk).update(status=ImportStatus.RUNNING, failure="")
    try:
        notifications = parse_file(upload.content)
        with transaction.atomic():
            episodes = receive(uploader(upload), notifications, source_import=upload)
            matched = sum(e.matched_known_child for e in episodes)
            MissingImport.objects.filter(pk=upload.pk).update(
                status=ImportStatus.DONE,
                rows_done=len(notifications),
                episodes_created=len(episodes),
                children_matched=matched,
                children_recorded=len({e.person_id for e in episodes if not e.matched_known_child}),
                finished_at=timezone.now(),
                content="",
            )
    except Exception as error:  # the file is kept so the import can be tried again
        logger.exception("Missing-notification import %s failed", upload.pk)
        message = (
            "; ".join(sum(error.errors.values(), []))
            if isinstance(error, DomainError)
            else "The import failed because of a system error; nothing was written."
        )
        MissingImport.objects.filter(pk=upload.pk).update(
            status=ImportStatus.FAILED, failure=message[:2000]
        )
        return {"status": ImportStatus.FAILED}
    return {"status": ImportStatus.DONE}


def missing_notification_receive(*, actor, values: dict) -> tuple[MissingEpisode, bool]:
    """One notification from the API. Sending the same notification id again returns the
    episode already recorded (created=False), so a retry never records it twice."""
    with use_case(actor, "frontdoor.receive_missing", what="send a missing notification"):
        notification, problems = check_notification(values)
        if problems:
            from teamaround.core.errors import ValidationFailed

            errors: dict[str, list[str]] = {}
            for problem in problems:
                errors.setdefault(problem.field, []).append(problem.message)
            raise ValidationFailed(errors)
        # Eight retries at once: one records it, the others wait here and then find it.
        natural_key_lock("frontdoor.missingepisode", notification.notification_id)
        if already_imported([notification.notification_id]):
            return MissingEpisode.objects.get(notification_id=notification.notification_id), False
        episode = receive(actor, [notification])[0]
        return episode, True
