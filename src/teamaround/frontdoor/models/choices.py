"""The Hub's coded values, in the council's words."""

from django.db import models


class RequestSource(models.TextChoices):
    PROFESSIONAL = "professional", "Professional"
    PUBLIC = "public", "Family or member of the public"
    MISSING_EPISODE = "missing_episode", "Police missing notification"


class RequestStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    IN_SCREENING = "in_screening", "In screening"
    DECIDED = "decided", "Decided"
    WITHDRAWN = "withdrawn", "Withdrawn"


OPEN_STATUSES = (RequestStatus.SUBMITTED, RequestStatus.IN_SCREENING)


class Consent(models.TextChoices):
    YES = "yes", "Yes, the family agrees to the request"
    NO = "no", "No"


class PublicRelationship(models.TextChoices):
    PARENT = "parent", "I am the child's parent or carer"
    YOUNG_PERSON = "young_person", "I am the young person"
    RELATIVE = "relative", "I am a relative or family friend"
    OTHER = "other", "Someone else"


class DecisionRoute(models.TextChoices):
    ADVICE_SIGNPOSTING = "advice_signposting", "Advice and signposting to named services"
    TEAM_AROUND_FAMILY = "team_around_family", "Team Around the Family with a lead professional"
    FAMILY_SOLUTIONS = "family_solutions", "Family Solutions"
    SOCIAL_CARE = "social_care", "Referral to children's social care"


# Which Windscreen levels each route may be decided at.
ROUTE_LEVELS = {
    DecisionRoute.ADVICE_SIGNPOSTING: (1, 2),
    DecisionRoute.TEAM_AROUND_FAMILY: (2,),
    DecisionRoute.FAMILY_SOLUTIONS: (3,),
    DecisionRoute.SOCIAL_CARE: (4,),
}


class HandOverKind(models.TextChoices):
    SIGNPOSTING = "signposting", "Signposted to named services"
    TEAM_AROUND_FAMILY = "team_around_family", "Team Around the Family"
    FAMILY_SOLUTIONS = "family_solutions", "Family Solutions"
    SOCIAL_CARE_REFERRAL = "social_care_referral", "Children's social care referral"


ROUTE_HAND_OVER = {
    DecisionRoute.ADVICE_SIGNPOSTING: HandOverKind.SIGNPOSTING,
    DecisionRoute.TEAM_AROUND_FAMILY: HandOverKind.TEAM_AROUND_FAMILY,
    DecisionRoute.FAMILY_SOLUTIONS: HandOverKind.FAMILY_SOLUTIONS,
    DecisionRoute.SOCIAL_CARE: HandOverKind.SOCIAL_CARE_REFERRAL,
}


class HandOverStatus(models.TextChoices):
    AWAITING = "awaiting", "Awaiting acceptance"
    ACCEPTED = "accepted", "Accepted"


class RiskGrade(models.TextChoices):
    NO_APPARENT_RISK = "no_apparent_risk", "No apparent risk"
    LOW = "low", "Low"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"


class MissingRoute(models.TextChoices):
    ALLOCATED_WORKER = "allocated_worker", "Sent to the allocated worker"
    HUB_SCREENING = "hub_screening", "Screened by the Hub"


class ConversationOutcome(models.TextChoices):
    PENDING = "pending", "Not yet offered"
    OFFERED = "offered", "Offered, waiting for an answer"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    NO_CONTACT = "no_contact", "No contact made"
    COMPLETED = "completed", "Completed"


class ImportStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Importing"
    DONE = "done", "Imported"
    FAILED = "failed", "Failed"


class ConsultationTopic(models.TextChoices):
    LEVEL_OF_NEED = "level_of_need", "Which level of need applies"
    DIFFICULT_CONVERSATION = "difficult_conversation", "Having a difficult conversation"
    TEAM_AROUND_FAMILY = "team_around_family", "Co-ordinating a Team Around the Family"
    WHETHER_TO_REFER = "whether_to_refer", "Whether to send a request for support"
    OTHER = "other", "Something else"
