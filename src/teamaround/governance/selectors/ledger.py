"""The Data Protection Officer's reads of the ledger: for a person, for an agency, for a
period (shares by basis, refusals, withdrawals), and shares on consent that has since ended.
Each read is audited; the CSV export is audited as an export."""

from __future__ import annotations

from datetime import date, datetime, time

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from teamaround.core.access import require
from teamaround.core.audit import audit_record
from teamaround.core.models import AuditAction
from teamaround.governance.models import (
    BasisKind,
    BasisStatus,
    Disclosure,
    Outcome,
    SharingBasis,
)

RELATED = ("recipient_user", "recipient_agency", "decided_by", "approved_by", "basis")


def _read(actor, what: str, **audit) -> None:
    require(actor, "governance.read_ledger", what=what)
    audit_record(action=AuditAction.VIEW, actor=actor, summary=f"Ledger: {what}", **audit)


def ledger_for_person(*, actor, person) -> QuerySet[Disclosure]:
    _read(actor, "shares about a person", obj=person)
    return Disclosure.objects.filter(person_id=person.pk).select_related(*RELATED)


def ledger_for_agency(*, actor, agency) -> QuerySet[Disclosure]:
    _read(actor, "shares received by an agency", obj=agency)
    return Disclosure.objects.filter(recipient_agency_id=agency.pk).select_related(*RELATED)


def _span(start: date, end: date) -> tuple[datetime, datetime]:
    zone = timezone.get_current_timezone()
    return (
        datetime.combine(start, time.min, tzinfo=zone),
        datetime.combine(end, time.max, tzinfo=zone),
    )


def ledger_period_summary(*, actor, start: date, end: date) -> dict:
    """Shares by basis, refusals, decisions not to share and consent withdrawals in a period."""
    _read(actor, f"summary {start:%Y-%m-%d} to {end:%Y-%m-%d}")
    since, until = _span(start, end)
    entries = Disclosure.objects.filter(occurred_at__range=(since, until))
    by_basis = {
        row["basis_kind"]: row["count"]
        for row in entries.filter(outcome=Outcome.SHARED)
        .values("basis_kind")
        .annotate(count=Count("id"))
    }
    outcomes = {
        row["outcome"]: row["count"]
        for row in entries.values("outcome").annotate(count=Count("id"))
    }
    withdrawals = SharingBasis.objects.filter(
        kind=BasisKind.CONSENT,
        status=BasisStatus.WITHDRAWN,
        withdrawn_at__range=(since, until),
    ).count()
    return {
        "by_basis": [
            {"kind": kind, "label": label, "count": by_basis.get(kind, 0)}
            for kind, label in BasisKind.choices
        ],
        "shared": outcomes.get(Outcome.SHARED, 0),
        "refused": outcomes.get(Outcome.REFUSED, 0),
        "withheld": outcomes.get(Outcome.WITHHELD, 0),
        "withdrawals": withdrawals,
    }


def ledger_period(*, actor, start: date, end: date) -> QuerySet[Disclosure]:
    _read(actor, f"entries {start:%Y-%m-%d} to {end:%Y-%m-%d}")
    return Disclosure.objects.filter(occurred_at__range=_span(start, end)).select_related(*RELATED)


def ledger_stale_consent(*, actor, on: date | None = None) -> QuerySet[Disclosure]:
    """Shares made on consent that has since been withdrawn or come to an end: the holders may
    need to be asked to stop using what they received."""
    _read(actor, "shares on consent that has since ended")
    day = on or timezone.localdate()
    ended = SharingBasis.objects.filter(kind=BasisKind.CONSENT).filter(
        Q(status__in=[BasisStatus.WITHDRAWN, BasisStatus.ENDED]) | Q(ends_on__lt=day)
    )
    return Disclosure.objects.filter(
        outcome=Outcome.SHARED, basis__in=ended.values("pk")
    ).select_related(*RELATED)


CSV_HEADER = [
    "occurred_at",
    "person_id",
    "outcome",
    "channel",
    "purpose",
    "basis",
    "basis_id",
    "record_type",
    "record_id",
    "fields",
    "recipient_user",
    "recipient_agency",
    "decided_by",
    "approved_by",
    "reason",
]


def ledger_csv_rows(*, actor, entries: QuerySet[Disclosure], what: str):
    """The rows of a CSV export, each cell safe against spreadsheet formula injection."""
    require(actor, "governance.read_ledger", what="export the ledger")
    audit_record(action=AuditAction.EXPORT, actor=actor, summary=f"Ledger CSV: {what}")
    yield CSV_HEADER
    for entry in entries.iterator(chunk_size=2000):
        yield [
            safe_cell(value)
            for value in (
                timezone.localtime(entry.occurred_at).isoformat(timespec="seconds"),
                entry.person_id,
                entry.outcome,
                entry.channel,
                entry.purpose,
                entry.basis_kind,
                entry.basis_id or "",
                entry.record_type,
                entry.record_id,
                " ".join(entry.fields),
                entry.recipient_user.username if entry.recipient_user else "",
                entry.recipient_agency.name if entry.recipient_agency else "",
                entry.decided_by_username,
                entry.approved_by.username if entry.approved_by else "",
                entry.reason,
            )
        ]


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "|", "%")


def safe_cell(value) -> str:
    """A cell a spreadsheet will show as text: one starting like a formula gets a quote."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
