"""Reads of board packs: the list, one pack (its progress), and its HTML or PDF as an
audited export (a pack is published figures, but what leaves the system is recorded)."""

from __future__ import annotations

from teamaround.commissioning.models import BoardPack
from teamaround.core.access import require
from teamaround.core.audit import audit_record
from teamaround.core.models import AuditAction
from teamaround.core.records import record_get


def board_packs(*, actor):
    require(actor, "commissioning.view_board_packs", what="see board packs")
    return BoardPack.objects.select_related("quadrant", "created_by").defer("html", "pdf")


def board_pack_get(*, actor, pk) -> BoardPack:
    return record_get(
        board_packs(actor=actor),
        actor=actor,
        pk=pk,
        rule=lambda pack: True,  # board_packs checked the permission
        what="a board pack",
        audit=False,
    )


def board_pack_export(*, actor, pack: BoardPack, kind: str):
    """The built pack's HTML (str) or PDF (bytes), audited as an export; None if not built."""
    require(actor, "commissioning.view_board_packs", what="download a board pack")
    stored = BoardPack.objects.filter(pk=pack.pk).values_list(kind, flat=True).first()
    if not stored:
        return None
    audit_record(
        action=AuditAction.EXPORT,
        actor=actor,
        obj=pack,
        summary=f"Board pack exported as {kind.upper()}: {pack}",
    )
    return bytes(stored) if kind == "pdf" else stored
