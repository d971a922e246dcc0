"""Police notifications of missing children: parsing, intake and routing, files, follow-up."""

from teamaround.frontdoor.services.missing.follow_up import (
    missing_scrutiny_record,
    return_conversation_record,
)
from teamaround.frontdoor.services.missing.imports import (
    AlreadyImported,
    missing_import_accept,
    missing_import_run,
    missing_notification_receive,
)
from teamaround.frontdoor.services.missing.parsing import FileRejected, Problem

__all__ = [
    "AlreadyImported",
    "FileRejected",
    "Problem",
    "missing_import_accept",
    "missing_import_run",
    "missing_notification_receive",
    "missing_scrutiny_record",
    "return_conversation_record",
]
