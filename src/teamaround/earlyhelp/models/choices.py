"""The words early help uses for states, events, roles and reasons."""

from django.db import models


class EpisodeStatus(models.TextChoices):
    OPEN = "open", "Open"
    ASSESSED = "assessed", "Assessed"
    PLANNED = "planned", "Plan in place"
    REVIEWING = "reviewing", "Being reviewed"
    CLOSED = "closed", "Closed"


class EpisodeEventKind(models.TextChoices):
    OPENED = "opened", "Episode opened"
    ASSESSED = "assessed", "Assessment signed off"
    PLANNED = "planned", "Early Help Plan agreed"
    REVIEWED = "reviewed", "TAF meeting held"
    LEAD_CHANGED = "lead_changed", "Lead professional changed"
    STEPPED_UP = "stepped_up", "Stepped up to social care"
    STEPPED_DOWN = "stepped_down", "Stepped down from social care"
    CLOSED = "closed", "Episode closed"
    REOPENED = "reopened", "Episode reopened"


class EpisodeSource(models.TextChoices):
    HUB = "hub", "Hub decision"
    PARTNER = "partner", "Opened by a partner agency"
    STEP_DOWN = "step_down", "Stepped down from social care"


class TafRole(models.TextChoices):
    LEAD_PROFESSIONAL = "lead_professional", "Lead professional"
    FAMILY_WORKER = "family_worker", "Family worker"
    SCHOOL = "school", "School contact"
    HEALTH = "health", "Health contact"
    SPECIALIST = "specialist", "Specialist support"
    OTHER = "other", "Other support"


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Awaiting sign-off"
    RETURNED = "returned", "Returned for more work"
    SIGNED_OFF = "signed_off", "Signed off"


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    NOT_DONE = "not_done", "Not done"


PROGRESS_CHOICES = [
    (ActionStatus.DONE, "Done"),
    (ActionStatus.IN_PROGRESS, "In progress"),
    (ActionStatus.NOT_DONE, "Not done"),
]


class Attendance(models.TextChoices):
    ATTENDED = "attended", "Attended"
    APOLOGIES = "apologies", "Sent apologies"
    ABSENT = "absent", "Did not attend"


class ClosureReason(models.TextChoices):
    NEEDS_MET = "needs_met", "Needs met"
    FAMILY_DECLINED = "family_declined", "Family declined further support"
    MOVED_AWAY = "moved_away", "Family moved away"
    STEPPED_UP = "stepped_up", "Stepped up to social care"
    NO_LONGER_ENGAGING = "no_longer_engaging", "Family no longer engaging"


RATING_CHOICES = [(n, str(n)) for n in range(1, 6)]
