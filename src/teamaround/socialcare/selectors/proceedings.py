"""Reads of a child's pre-proceedings, FGDM and family network, for their page and the case's
timeliness table.

Who reads them: the case's changers (allocated worker, the team's social workers and
managers) and the county's social workers, as for the case itself; not the partners whose
involvement lets them read the case page. Legal planning and the wider family's contact
details are for the social work team, not the Team Around the Family. Opening the page is an
audited view; a refusal an audited 403."""

from __future__ import annotations

from datetime import date

from django.db.models import Prefetch, Q

from teamaround.accounts.permissions import is_staff_member
from teamaround.core.access import is_system
from teamaround.core.records import record_get
from teamaround.socialcare import timescales
from teamaround.socialcare.models import (
    CareProceedings,
    FamilyNetworkMember,
    FgdmException,
    FgdmOffer,
    NetworkConsentRecord,
    PreProceedings,
    SocialCareReferral,
)
from teamaround.socialcare.permissions import COUNTY_READERS, case_edit_filter
from teamaround.socialcare.selectors.cases import RELATED

WHAT = "a child's pre-proceedings and family network"


def proceedings_filter(actor) -> Q:
    """Q on SocialCareReferral: the cases whose proceedings `actor` may read."""
    if is_system(actor) or (is_staff_member(actor) and actor.has_role(*COUNTY_READERS)):
        return Q()
    return case_edit_filter(actor)


def proceedings_case_get(*, actor, referral_id, audit: bool = True) -> SocialCareReferral:
    return record_get(
        SocialCareReferral.objects.select_related(*RELATED),
        actor=actor,
        pk=referral_id,
        rule=proceedings_filter(actor),
        what=WHAT,
        audit=audit,
        message="You do not have access to this child's pre-proceedings. The allocated "
        "social worker or their team manager can tell you what you need to know.",
    )


def case_proceedings(referral) -> dict:
    """Everything the page shows (the case read is audited by proceedings_case_get)."""
    from teamaround.socialcare.services.proceedings import fgdm_gate

    live = {"archived_at__isnull": True}
    plos = list(
        PreProceedings.objects.filter(referral=referral, **live)
        .select_related("decided_by")
        .prefetch_related("letters", "meetings")
    )
    members = FamilyNetworkMember.objects.filter(referral=referral, **live).prefetch_related(
        Prefetch("consents", NetworkConsentRecord.objects.select_related("recorded_by"))
    )
    return {
        "plos": plos,
        "plo": next((p for p in plos if p.is_open), None),
        "proceedings": list(CareProceedings.objects.filter(referral=referral, **live)),
        "offers": list(
            FgdmOffer.objects.filter(referral=referral, **live).prefetch_related("meetings")
        ),
        "exceptions": list(
            FgdmException.objects.filter(referral=referral, **live).select_related("authorised_by")
        ),
        "network": list(members),
        "gate_met": fgdm_gate(referral),
    }


def proceedings_timeliness(referral, today: date) -> list[timescales.Timeliness]:
    rows = []
    for plo in PreProceedings.objects.filter(referral=referral, archived_at__isnull=True):
        if plo.is_open or plo.outcome_on:
            rows.append(timescales.rag("Pre-proceedings", plo.due_on, plo.ended_on, today))
    for proceedings in CareProceedings.objects.filter(referral=referral, archived_at__isnull=True):
        rows.append(
            timescales.rag(
                "Care proceedings (26 weeks)", proceedings.final_hearing_due, None, today
            )
        )
    return rows


def can_see_proceedings(actor, referral) -> bool:
    """For the case page's link; the page checks again."""
    return SocialCareReferral.objects.filter(proceedings_filter(actor), pk=referral.pk).exists()
