"""Use-cases that change the Directory. The only writers of its tables: pages, the API, the
import command and the seeder all come through here. Each checks access and is audited."""

from teamaround.directory.services.approvals import pending_change_decide
from teamaround.directory.services.catalogue import (
    location_create,
    service_archive,
    service_create,
    service_location_add,
    service_opening_times_set,
    service_update,
)
from teamaround.directory.services.organisations import (
    directory_editor_grant,
    directory_editor_revoke,
    organisation_create,
    organisation_update,
)
from teamaround.directory.services.problems import problem_report_resolve, problem_report_submit
from teamaround.directory.services.referrals import service_referral_record

__all__ = [
    "directory_editor_grant",
    "directory_editor_revoke",
    "location_create",
    "organisation_create",
    "organisation_update",
    "pending_change_decide",
    "problem_report_resolve",
    "problem_report_submit",
    "service_archive",
    "service_create",
    "service_location_add",
    "service_opening_times_set",
    "service_referral_record",
    "service_update",
]
