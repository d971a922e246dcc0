"""The Early Help Plan and its actions. Every save carries the plan's version: if someone else
saved first, nothing is written and the second person sees both versions (core.updates)."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from teamaround.core.access import actor_user, on_behalf_of, use_case
from teamaround.core.audit import audit_record
from teamaround.core.errors import DomainError, StaleVersion, ValidationFailed
from teamaround.core.models import AuditAction
from teamaround.core.updates import model_update, version_claim
from teamaround.earlyhelp.models import EarlyHelpPlan, Episode, EpisodeEventKind, PlanAction
from teamaround.earlyhelp.services import lifecycle
from teamaround.earlyhelp.services.household import current_members
from teamaround.governance import services as governance
from teamaround.governance.models import Channel, Purpose


def plan_save(
    *,
    actor,
    episode: Episode,
    outcomes: str,
    actions: list[dict],
    version: int | None,
    agreed_on: date | None = None,
) -> EarlyHelpPlan:
    """Create the plan (version None) or change it (the version the editor started from).
    `actions`: dicts with what, owner or owner_person, domain, due_on, and id/remove to change
    or take off an existing action. `agreed_on`: the day a new plan was agreed, if before today
    (never before the episode started)."""
    with use_case(actor, "earlyhelp.change_episode", episode, what="change a plan"):
        lifecycle.require_open(episode)
        plan = EarlyHelpPlan.objects.filter(episode=episode).first()
        errors: dict[str, list[str]] = {}
        if not (outcomes or "").strip():
            errors["outcomes"] = ["Write down what the family wants to be different."]
        existing = {str(a.pk): a for a in plan.actions.all()} if plan else {}
        checked = [
            _check_action(episode, row, i, existing, errors) for i, row in enumerate(actions)
        ]
        if plan is None and not any(row and not row.get("remove") for row in checked):
            errors.setdefault("actions", []).append("Add at least one action.")
        if plan is not None and version is None:  # made by someone else since the form opened
            raise StaleVersion(current=plan, submitted={"outcomes": outcomes}, what="plan")
        if plan is None and version not in (None, 0):
            raise DomainError("This plan no longer exists.", field="version")
        if agreed_on is not None and not episode.started_on <= agreed_on <= timezone.localdate():
            errors["agreed_on"] = ["Enter a date between the start of the episode and today."]
        if errors:
            raise ValidationFailed(errors)
        created = plan is None
        if created:
            plan = EarlyHelpPlan.objects.create(
                episode=episode,
                outcomes=outcomes.strip(),
                agreed_on=agreed_on or timezone.localdate(),
                created_by=actor_user(actor),
            )
        else:
            version_claim(
                plan,
                expected_version=version,
                submitted={"outcomes": outcomes},
                what="plan",
                actor=actor,
            )
            plan.outcomes = outcomes.strip()
            plan.save(update_fields=["outcomes"])
        for row in checked:
            if row:
                _apply(actor, plan, row, existing)
        audit_record(
            action=AuditAction.CREATE if created else AuditAction.UPDATE,
            actor=actor,
            obj=plan,
            summary=f"Saved the Early Help Plan (version {plan.version})",
        )
        if created:
            lifecycle.record_event(
                actor,
                episode,
                EpisodeEventKind.PLANNED,
                "Early Help Plan agreed with the family",
                when=lifecycle.on_the_day(plan.agreed_on),
            )
            if episode.next_review_due is None:
                lifecycle.review_work_set(
                    actor, episode, lifecycle.review_due_after(episode, plan.agreed_on)
                )
        return plan


def _check_action(episode, row, index, existing, errors) -> dict | None:
    def add(field, message):
        errors.setdefault(f"actions-{index}-{field}", []).append(message)

    if row.get("id") and str(row["id"]) not in existing:
        add("what", "This action is not on this plan.")
        return None
    if row.get("remove"):
        return row if row.get("id") else None
    if not row.get("id") and not any(row.get(k) for k in ("what", "owner", "owner_person")):
        return None  # an empty row of the form
    if not (row.get("what") or "").strip():
        add("what", "Say what will be done.")
    owner, person = row.get("owner"), row.get("owner_person")
    if owner is None and person is None:
        add("owner", "Choose who will do this: every action needs an owner.")
    elif owner is not None:
        in_taf = episode.taf_members.filter(practitioner=owner, left_at__isnull=True).exists()
        if not in_taf:
            add("owner", "Add them to the Team Around the Family before giving them actions.")
    elif person.pk not in {p.pk for p in current_members(episode.family)}:
        add("owner", "Choose someone in this family or the Team Around the Family.")
    due = row.get("due_on")
    before = existing.get(str(row.get("id"))) if row.get("id") else None
    if due is None:
        add("due_on", "Enter the date this will be done by: every action needs a date.")
    elif due < timezone.localdate() and (before is None or before.due_on != due):
        add("due_on", "The date must be today or in the future.")
    return row


def _apply(actor, plan: EarlyHelpPlan, row: dict, existing: dict) -> None:
    if row.get("remove"):
        action = existing[str(row["id"])]
        action.archive(actor=actor, reason="Taken off the plan")
        lifecycle.action_work_cancel(actor, action)
        return
    owner = row.get("owner")
    values = {
        "what": row["what"].strip(),
        "owner": owner,
        "owner_agency": owner.team.agency if owner is not None else None,
        "owner_person": None if owner is not None else row.get("owner_person"),
        "domain": row.get("domain"),
        "due_on": row["due_on"],
    }
    if row.get("id"):
        action = existing[str(row["id"])]
        if not model_update(action, actor=actor, values=values):
            return
    else:
        action = PlanAction.objects.create(plan=plan, created_by=actor_user(actor), **values)
    lifecycle.action_work_set(actor, action)


def plan_actions(plan: EarlyHelpPlan):
    return plan.actions.filter(archived_at__isnull=True).select_related(
        "owner", "owner_agency", "owner_person", "domain"
    )


def plan_download_record(*, actor, episode: Episode, plan: EarlyHelpPlan) -> None:
    """A plan leaving the system as a PDF: each family member's basis is checked and the
    share written to the disclosure ledger (a refusal is a ShareRefused with the reason), and
    the export is audited."""
    decisions = governance.shares_check(
        actor=on_behalf_of(actor),
        people=current_members(episode.family),
        purpose=Purpose.EARLY_HELP,
        channel=Channel.PLAN_PDF,
        recipient_user=actor_user(actor),
        to_taf=True,
        record=plan,
    )
    governance.disclosures_record(
        decisions=decisions, channel=Channel.PLAN_PDF, record=plan, fields=["plan"]
    )
    audit_record(
        action=AuditAction.EXPORT,
        actor=actor,
        obj=plan,
        summary="Downloaded the Early Help Plan as a PDF",
    )
