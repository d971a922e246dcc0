"""Statuses and kinds of event for a social care case."""

from django.db import models


class Origin(models.TextChoices):
    HUB = "hub", "Hub decision at level 4"
    STEP_UP = "step_up", "Step up from early help"
    CONTACT = "contact", "Contact straight to social care"


class CaseStatus(models.TextChoices):
    AWAITING_DECISION = "awaiting_decision", "Referral awaiting decision"
    ASSESSMENT = "assessment", "Child and family assessment"
    PROTECTION = "protection", "Child protection enquiry"
    CHILD_IN_NEED = "child_in_need", "Child in need"
    CHILD_PROTECTION = "child_protection", "Child protection plan"
    LOOKED_AFTER = "looked_after", "Looked after"
    CARE_LEAVER = "care_leaver", "Care leaver"
    CLOSED = "closed", "Closed"


class Decision(models.TextChoices):
    NO_FURTHER_ACTION = "nfa", "No further action"
    ASSESSMENT = "assessment", "Child and family assessment"
    STRATEGY = "strategy", "Strategy discussion"


class AssessmentOutcome(models.TextChoices):
    NO_FURTHER_ACTION = "nfa", "No further action"
    CHILD_IN_NEED = "cin", "Child in need plan"
    STRATEGY = "strategy", "Strategy discussion"
    STEP_DOWN = "step_down", "Step down to early help"


class AssessmentStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", "In progress"
    SUBMITTED = "submitted", "Awaiting authorisation"
    AUTHORISED = "authorised", "Authorised"


class EnquiryOutcome(models.TextChoices):
    CONFERENCE = "conference", "Concerns substantiated: initial child protection conference"
    CHILD_IN_NEED = "cin", "Concerns not substantiated: child in need plan"
    NO_FURTHER_ACTION = "nfa", "Concerns not substantiated: no further action"


class ConferenceKind(models.TextChoices):
    INITIAL = "initial", "Initial child protection conference"
    REVIEW = "review", "Review child protection conference"


class ConferenceOutcome(models.TextChoices):
    PLAN = "plan", "Child protection plan (continues)"
    CHILD_IN_NEED = "cin", "No plan: child in need"
    NO_FURTHER_ACTION = "nfa", "No plan: no further action"


class CaseEventKind(models.TextChoices):
    RECEIVED = "received", "Referral received"
    DECIDED = "decided", "Referral decided"
    ASSESSMENT_STARTED = "assess_start", "Assessment started"
    ASSESSMENT_AUTHORISED = "assess_auth", "Assessment authorised"
    STRATEGY_HELD = "strategy", "Strategy discussion held"
    ENQUIRY_COMPLETED = "s47_done", "Section 47 enquiry completed"
    CONFERENCE_HELD = "conference", "Child protection conference held"
    PLAN_STARTED = "plan_start", "Child protection plan started"
    PLAN_ENDED = "plan_end", "Child protection plan ended"
    CARE_STARTED = "care_start", "Became looked after"
    PLACEMENT_CHANGED = "placement", "Placement or legal status changed"
    CARE_ENDED = "care_end", "Stopped being looked after"
    PLO_STARTED = "plo_start", "Pre-proceedings started"
    PLO_LETTER = "plo_letter", "Letter before proceedings sent"
    PLO_MEETING = "plo_meeting", "Pre-proceedings meeting held"
    PLO_DECIDED = "plo_outcome", "Pre-proceedings outcome decided"
    FGDM_OFFERED = "fgdm_offer", "Family group decision-making meeting offered"
    FGDM_HELD = "fgdm_meeting", "Family group decision-making meeting held"
    FGDM_EXCEPTION = "fgdm_except", "Family group decision-making exception authorised"
    PROCEEDINGS_ISSUED = "proc_issued", "Care proceedings issued"
    REALLOCATED = "reallocated", "Case reallocated"
    STEPPED_DOWN = "stepped_down", "Stepped down to early help"
    CLOSED = "closed", "Case closed"
    CP_TEAM = "cp_team", "Child protection team changed"
    LCPP = "lcpp", "Lead child protection practitioner named"
    CORE_GROUP = "core_group", "Core group meeting held"
    OVERSIGHT = "oversight", "Management oversight recorded"
    CIN_PLAN = "cin_plan", "Child in need plan started"
    CIN_REVIEW = "cin_review", "Child in need plan reviewed"


class VisitKind(models.TextChoices):
    LOOKED_AFTER = "looked_after", "Visit to a looked-after child (reg 28)"
    CHILD_PROTECTION = "protection", "Child protection visit"
    CHILD_IN_NEED = "in_need", "Visit to a child in need"


class ConversationResponse(models.TextChoices):
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"


class SafetyCheck(models.TextChoices):
    NO_WORKER = "no_worker", "No allocated worker"
    NO_ADDRESS = "no_address", "No known address or placement"
    NO_NEXT_DATE = "no_next_date", "No next statutory date in the future"
    RETURN_CONVERSATION = "return_chat", "Return conversation not offered after going missing"
    PROTECTION_VISIT = "cp_visit", "Child protection visit overdue"
