"""Use-cases that change the commissioning app's records: an agency's spend on a priority, by
form or by importing a spending return (all or nothing)."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from teamaround.commissioning.models import Judgement, PriorityArea, ServiceJudgement, Spend
from teamaround.commissioning.spend_file import read_spend_file
from teamaround.core.access import actor_user, require
from teamaround.core.audit import audit_record
from teamaround.core.errors import DomainError
from teamaround.core.models import AuditAction, District, DistrictKind
from teamaround.core.updates import model_update


def spend_record(*, actor, agency, priority, district, financial_year: int, amount: Decimal):
    """Record (or correct) what an agency spends on a priority in a district and year."""
    require(actor, "commissioning.record_spend", agency, what="record an agency's spend")
    if amount < 0:
        raise DomainError("The amount cannot be negative.", field="amount")
    with transaction.atomic():
        entry, _ = _put(actor, agency, priority, district, financial_year, amount)
    return entry


def spend_import(*, actor, agency, name: str, content: bytes) -> int:
    """Import a spending return for one agency: every row checked first; nothing is written
    unless all of it is good. Returns the number of rows written."""
    require(actor, "commissioning.record_spend", agency, what="import an agency's spend")
    rows = read_spend_file(
        name=name,
        content=content,
        priorities=PriorityArea.objects.filter(is_active=True),
        districts=District.objects.filter(kind=DistrictKind.DISTRICT),
    )
    with transaction.atomic():
        for row in rows:
            _put(actor, agency, row.priority, row.district, row.year, row.amount, audit=False)
        audit_record(
            action=AuditAction.CREATE,
            actor=actor,
            obj=agency,
            summary=f"Spending return imported: {len(rows)} rows",
        )
    return len(rows)


def _put(actor, agency, priority, district, year, amount, *, audit=True):
    entry = (
        Spend.objects.select_for_update()
        .filter(agency=agency, priority=priority, district=district, financial_year=year)
        .first()
    )
    if entry is None:
        entry = Spend.objects.create(
            agency=agency,
            priority=priority,
            district=district,
            financial_year=year,
            amount=amount,
            created_by=actor_user(actor),
            updated_by=actor_user(actor),
        )
        if audit:
            audit_record(
                action=AuditAction.CREATE, actor=actor, obj=entry, summary="Spend recorded"
            )
        return entry, True
    changes = model_update(
        entry, actor=actor, values={"amount": amount, "archived_at": None, "archived_reason": ""}
    )
    if audit and changes:
        audit_record(
            action=AuditAction.UPDATE,
            actor=actor,
            obj=entry,
            summary="Spend corrected",
            changes={k: [str(a), str(b)] for k, (a, b) in changes.items()},
        )
    return entry, False


def service_judgement_record(*, actor, service, judgement: str, reason: str):
    """A commissioner's judgement on a service (continue, improve, recommission,
    decommission), kept with a snapshot of the impact assessment it was made on."""
    from teamaround.commissioning.selectors.impact import service_impact

    require(actor, "commissioning.judge_service", what="record a judgement on a service")
    if judgement not in Judgement.values:
        raise DomainError(
            "Choose continue, improve, recommission or decommission.", field="judgement"
        )
    if not reason.strip():
        raise DomainError("Give the reason for the judgement.", field="reason")
    evidence = service_impact(actor=actor, service=service).evidence()
    with transaction.atomic():
        record = ServiceJudgement.objects.create(
            service=service,
            judgement=judgement,
            reason=reason.strip(),
            evidence=evidence,
            decided_at=timezone.now(),
            created_by=actor_user(actor),
            updated_by=actor_user(actor),
        )
        audit_record(
            action=AuditAction.CREATE,
            actor=actor,
            obj=record,
            summary=f"Service judgement: {judgement} for service {service.pk}",
        )
    return record


def board_pack_request(
    *,
    actor,
    quadrant,
    quarter_start,
    summary: str = "",
    performance_commentary: str = "",
    services_commentary: str = "",
):
    """Ask for a board pack (a quadrant's Local Children's Commissioning and Delivery Board,
    or with no quadrant the Children's Partnership Board) for a financial quarter that has
    begun, with the commissioner's commentary; a background task builds it."""
    from teamaround.commissioning.board_packs import build_board_pack, quarter_of
    from teamaround.commissioning.models import BoardPack

    require(actor, "commissioning.build_board_pack", what="build a board pack")
    if quarter_of(quarter_start) != quarter_start:
        raise DomainError("Choose a financial quarter.", field="quarter")
    if quarter_start > timezone.localdate():
        raise DomainError("The quarter has not begun.", field="quarter")
    with transaction.atomic():
        pack = BoardPack.objects.create(
            quadrant=quadrant,
            quarter_start=quarter_start,
            summary=summary.strip(),
            performance_commentary=performance_commentary.strip(),
            services_commentary=services_commentary.strip(),
            created_by=actor_user(actor),
            updated_by=actor_user(actor),
        )
        audit_record(
            action=AuditAction.CREATE,
            actor=actor,
            obj=pack,
            summary=f"Board pack asked for: {pack}",
        )
    build_board_pack.enqueue(str(pack.pk))
    pack.refresh_from_db()
    return pack


def intervention_save(
    *,
    actor,
    intervention=None,
    name: str,
    evidence_level,
    description: str = "",
    evidence_source: str = "",
    services=(),
):
    """Add an intervention to the evidence base, or change one: its rating and the directory
    services that deliver it (the link is the evidence base's own table)."""
    from teamaround.commissioning.models import Intervention, InterventionDelivery

    require(actor, "commissioning.edit_evidence", what="change the evidence base")
    name = name.strip()
    if not name:
        raise DomainError("Enter the intervention's name.", field="name")
    clash = Intervention.objects.filter(name__iexact=name)
    if intervention is not None:
        clash = clash.exclude(pk=intervention.pk)
    if clash.exists():
        raise DomainError("An intervention with this name is already there.", field="name")
    values = {
        "name": name,
        "description": description.strip(),
        "evidence_level": evidence_level,
        "evidence_source": evidence_source.strip(),
    }
    with transaction.atomic():
        if intervention is None:
            intervention = Intervention.objects.create(
                **values, created_by=actor_user(actor), updated_by=actor_user(actor)
            )
            audit_record(
                action=AuditAction.CREATE,
                actor=actor,
                obj=intervention,
                summary=f"Intervention added to the evidence base: {name}",
            )
        else:
            changes = model_update(intervention, actor=actor, values=values)
            if changes:
                audit_record(
                    action=AuditAction.UPDATE,
                    actor=actor,
                    obj=intervention,
                    summary="Intervention changed",
                    changes={k: [str(a), str(b)] for k, (a, b) in changes.items()},
                )
        chosen = {service.pk for service in services}
        links = InterventionDelivery.objects.filter(intervention=intervention)
        had = set(links.values_list("service_id", flat=True))
        links.exclude(service_id__in=chosen).delete()
        InterventionDelivery.objects.bulk_create(
            InterventionDelivery(intervention=intervention, service_id=pk) for pk in chosen - had
        )
        if chosen != had:
            audit_record(
                action=AuditAction.UPDATE,
                actor=actor,
                obj=intervention,
                summary=f"Services delivering it: {len(chosen)}",
            )
    return intervention


def evidence_level_save(*, actor, level, name: str, description: str = ""):
    """Rename or redescribe a level of the evidence scale."""
    require(actor, "commissioning.edit_evidence", what="change the evidence scale")
    if not name.strip():
        raise DomainError("Enter the level's name.", field="name")
    with transaction.atomic():
        changes = model_update(
            level, actor=actor, values={"name": name.strip(), "description": description.strip()}
        )
        if changes:
            audit_record(
                action=AuditAction.UPDATE,
                actor=actor,
                obj=level,
                summary="Evidence level changed",
                changes={k: [str(a), str(b)] for k, (a, b) in changes.items()},
            )
    return level


def families_first_outcome_save(
    *, actor, outcome, name: str, description: str = "", need_domains=()
):
    """Rename or redescribe a Families First outcome, and set the need domains mapped to it."""
    require(actor, "commissioning.edit_families_first", what="change the Families First outcomes")
    if not name.strip():
        raise DomainError("Enter the outcome's name.", field="name")
    values = {"name": name.strip(), "description": description.strip()}
    values["need_domains"] = list(need_domains)
    with transaction.atomic():
        changes = model_update(outcome, actor=actor, values=values)
        if changes:
            audit_record(
                action=AuditAction.UPDATE,
                actor=actor,
                obj=outcome,
                summary="Families First outcome changed",
                changes={k: [str(a), str(b)] for k, (a, b) in changes.items()},
            )
    return outcome
