"""What a panel referral shares, and on which basis, in the disclosure ledger.

Referring a family to a panel puts their information before every agency at the table. Each
family member's basis is found before the referral is saved:

- a panel whose terms of reference share without consent (MARAC, MACE, Missing: the panel
  type's `sharing_basis` is statutory) records that statutory basis, with the referral as its
  evidence, the first time;
- any other panel works by consent: the referrer records who gave it (or one already recorded
  for panels covers the share). With none, or one withdrawn or ended, the referral is refused
  with the reason, and the refusal stays in the ledger.
"""

from __future__ import annotations

from teamaround.core.access import actor_user, on_behalf_of
from teamaround.governance import services as governance
from teamaround.governance.models import BasisKind, Channel, Purpose, Scope
from teamaround.panels.models import ItemKind, Panel
from teamaround.panels.models.choices import SharingBasis as PanelSharing
from teamaround.people import selectors as people_selectors

REFERRAL_FIELDS = ["family", "members", "question", "risk_score"]
MINUTES_FIELDS = ["family", "decision", "package", "actions"]

# The statutory basis a panel type's terms of reference give, by its code's family.
STATUTORY_KIND_BY_CODE = {"marac": BasisKind.MARAC, "mace": BasisKind.MACE}


def statutory_kind(panel: Panel) -> str:
    code = panel.panel_type.code
    for prefix, kind in STATUTORY_KIND_BY_CODE.items():
        if code.startswith(prefix):
            return kind
    return BasisKind.SAFEGUARDING_DUTY


def _record_basis(actor, panel: Panel, person, consent_given_by: str) -> None:
    kind = panel.panel_type
    if kind.sharing_basis == PanelSharing.STATUTORY:
        governance.statutory_basis_ensure(
            actor=actor,
            person=person,
            purpose=Purpose.PANEL,
            kind=statutory_kind(panel),
            evidence=f"Referral to {panel}: {kind.legal_basis or kind.name}"[:500],
        )
        return
    basis, _ = governance.basis_for(person, Purpose.PANEL)
    if basis is None and (consent_given_by or "").strip():
        governance.basis_record(
            actor=actor,
            person=person,
            purpose=Purpose.PANEL,
            kind=BasisKind.CONSENT,
            scope=Scope.ANY_AGENCY,
            given_by=consent_given_by,
            evidence=f"Consent recorded by the referrer with the referral to {panel}",
        )


def referral_shares_check(*, actor, panel: Panel, family, consent_given_by: str = "") -> list:
    """The share decisions for referring `family` to `panel` (none for a place or theme);
    raises governance.ShareRefused, already in the ledger, naming whom and why."""
    if family is None:
        return []
    acting = on_behalf_of(actor)
    people = [m.person for m in people_selectors.family_members(family) if not m.ended_on]
    for person in people:
        _record_basis(acting, panel, person, consent_given_by)
    return governance.shares_check(
        actor=acting,
        people=people,
        purpose=Purpose.PANEL,
        channel=Channel.PANEL_SUMMARY,
        record=family,
        fields=REFERRAL_FIELDS,
        field="consent_given_by",
    )


def referral_shares_record(decisions: list, referral) -> None:
    governance.disclosures_record(
        decisions=decisions, channel=Channel.PANEL_SUMMARY, record=referral, fields=REFERRAL_FIELDS
    )


def minutes_export_shares(*, actor, meeting) -> None:
    """Downloading the minutes takes a copy of what the panel decided about each family out
    of TeamAround: each member of each family heard is a share to the person downloading,
    on the basis the referral recorded. A basis since withdrawn or ended refuses the download
    (the refusal is in the ledger); the minutes can still be read on the page."""
    families = [
        item.referral.family
        for item in meeting.items.select_related("referral__family").filter(
            kind=ItemKind.CASE, referral__family__isnull=False
        )
    ]
    people = {
        m.person.pk: m.person
        for family in families
        for m in people_selectors.family_members(family)
        if not m.ended_on
    }
    acting = on_behalf_of(actor)
    decisions = governance.shares_check(
        actor=acting,
        people=people.values(),
        purpose=Purpose.PANEL,
        channel=Channel.EXPORT,
        recipient_user=actor_user(actor),
        record=meeting,
        fields=MINUTES_FIELDS,
    )
    governance.disclosures_record(
        decisions=decisions, channel=Channel.EXPORT, record=meeting, fields=MINUTES_FIELDS
    )
