"""The words panels use, as choices. Panel types pick from these in their data file."""

from django.db import models


class PanelScope(models.TextChoices):
    DISTRICT = "district", "A district"
    QUADRANT = "quadrant", "A quadrant"
    COUNTY = "county", "The county"


class Frequency(models.TextChoices):
    TWICE_DAILY = "twice_daily", "Twice daily"
    DAILY = "daily", "Daily"
    WEEKLY = "weekly", "Weekly"
    FORTNIGHTLY = "fortnightly", "Fortnightly"
    MONTHLY = "monthly", "Monthly"


class SharingBasis(models.TextChoices):
    CONSENT = "consent", "Consent of the family"
    STATUTORY = "statutory", "A statutory basis (no consent needed)"


class CaseSubject(models.TextChoices):
    FAMILY = "family", "A family or child"
    PLACE = "place", "A place or theme (no individual children)"


class DecisionKind(models.TextChoices):
    PACKAGE = "package", "Lead professional and package of support"
    ALTERNATIVE = "alternative", "Alternative to care or an independent school placement"
    JOINT_FUNDING = "joint_funding", "Joint funding between agencies"
    SAFETY_PLAN = "safety_plan", "Safety plan with actions for each agency"
    EXPLOITATION_PLAN = "exploitation_plan", "Plan for a child at risk of exploitation"
    DISRUPTION = "disruption", "Places, themes and disruption actions"
    MISSING_REVIEW = "missing_review", "Review of a child who goes missing repeatedly"
    NO_FURTHER_ACTION = "no_further_action", "No further action by the panel"


class MemberRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    COORDINATOR = "coordinator", "Co-ordinator"
    MEMBER = "member", "Member"


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    PAPERS_SENT = "papers_sent", "Papers sent"
    HELD = "held", "Held"
    CLOSED = "closed", "Closed (minutes approved)"


class ReferralStatus(models.TextChoices):
    WAITING = "waiting", "Waiting for a meeting"
    ON_AGENDA = "on_agenda", "On an agenda"
    HEARD = "heard", "Heard"
    WITHDRAWN = "withdrawn", "Withdrawn"


class ItemKind(models.TextChoices):
    CASE = "case", "Case"
    OVERDUE_ACTION = "overdue_action", "Overdue action"
    PACKAGE_REVIEW = "package_review", "Package review"


class ActionStatus(models.TextChoices):
    OPEN = "open", "To do"
    DONE = "done", "Done"
    CANCELLED = "cancelled", "Cancelled"


class AvoidedPlacement(models.TextChoices):
    CARE = "care", "Becoming looked after (care)"
    INDEPENDENT_SCHOOL = "independent_school", "An independent school placement"


class PackageOutcome(models.TextChoices):
    CONTINUE = "continue", "Continue"
    CHANGE = "change", "Change"
    RECOMMISSION = "recommission", "Recommission"
    DECOMMISSION = "decommission", "Decommission"


class PackageStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    DECOMMISSIONED = "decommissioned", "Decommissioned"


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    APPROVED = "approved", "Approved"
