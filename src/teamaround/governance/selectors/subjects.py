"""Opening the person a governance page is about. Caseworkers open it under people's rules;
the Data Protection Officer, who answers for everyone's information, opens it on their own
behalf through people's selector (an audited view naming them)."""

from __future__ import annotations

from teamaround.core.access import on_behalf_of
from teamaround.people import selectors as people_selectors


def _for_dpo(actor) -> bool:
    return bool(
        getattr(actor, "is_authenticated", False) and actor.has_perm("governance.read_ledger")
    )


def subject_get(*, actor, person_id):
    who = on_behalf_of(actor, "information governance") if _for_dpo(actor) else actor
    return people_selectors.person_get(actor=who, person_id=person_id)


def subject_search(*, actor, query: str):
    """The DPO finding a person by name (audited as a search by people's selector)."""
    from teamaround.core.access import require
    from teamaround.core.audit import audit_record
    from teamaround.core.models import AuditAction

    require(actor, "governance.read_ledger", what="find a person for information governance")
    audit_record(action=AuditAction.SEARCH, actor=actor, summary="Governance: searched people")
    if len((query or "").strip()) < 2:
        return []
    return list(people_selectors.person_list(actor=on_behalf_of(actor), query=query.strip())[:50])


def approver_named(*, actor, username: str):
    """The member of staff a decision names as approver (their rules are checked by the
    service); None if there is no such active user."""
    from teamaround.accounts import selectors as accounts_selectors

    return (
        accounts_selectors.user_list(actor=on_behalf_of(actor))
        .filter(username=(username or "").strip(), is_active=True)
        .first()
    )
