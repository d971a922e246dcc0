"""Pre-proceedings under the Public Law Outline and the family group decision-making (FGDM)
gate before an application to court.

- Pre-proceedings: a manager's decision to start (with the legal planning meeting), the
  letter before proceedings, pre-proceedings meetings, and an outcome (step down out of the
  PLO, continue, or issue care proceedings).
- FGDM (Children's Wellbeing and Schools Act 2026): the offer of a family group
  decision-making meeting, the meeting, or an exception authorised by a manager. Care
  proceedings are recorded as issued only after the offer and the meeting, or an authorised
  exception (socialcare.services.proceedings.fgdm_gate).
- The wider family network: each member (name, relationship, contact) with their own
  consent, kept as an append-only row per change (given, refused, withdrawn), so who
  agreed to what and when is never overwritten.

The network's consent is kept here rather than in governance's SharingBasis: a basis there
belongs to a person on the people index and a purpose of sharing their information, and has
no "refused". A network member (an aunt in another county, a family friend) is usually not
on the index, and what they consent to is taking part in the family's network and its
meeting, not the sharing of their own record.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from teamaround.core.models import TrackedModel

CASE = "socialcare.SocialCareReferral"
USER = settings.AUTH_USER_MODEL


class PreProceedingsOutcome(models.TextChoices):
    STEP_DOWN = "step_down", "Step down out of pre-proceedings"
    CONTINUE = "continue", "Continue in pre-proceedings"
    ISSUE = "issue", "Issue care proceedings"


class OrderSought(models.TextChoices):
    CARE = "care", "Care order (Children Act 1989, s.31)"
    SUPERVISION = "supervision", "Supervision order (Children Act 1989, s.31)"


class OfferResponse(models.TextChoices):
    AWAITING = "awaiting", "Not answered yet"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"


class NetworkConsent(models.TextChoices):
    GIVEN = "given", "Consent given"
    REFUSED = "refused", "Consent refused"
    WITHDRAWN = "withdrawn", "Consent withdrawn"


class PreProceedings(TrackedModel):
    """One period of pre-proceedings for a child: started by a manager's decision at a legal
    planning meeting, due to end within 16 weeks, ended by its outcome."""

    referral = models.ForeignKey(CASE, on_delete=models.PROTECT, related_name="pre_proceedings")
    decided_on = models.DateField()
    decided_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    legal_planning_meeting_on = models.DateField()
    reason = models.TextField()
    due_on = models.DateField()
    outcome = models.CharField(max_length=10, choices=PreProceedingsOutcome.choices, blank=True)
    outcome_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-decided_on", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["referral"],
                condition=models.Q(ended_on__isnull=True),
                name="sc_one_open_pre_proceedings",
            )
        ]

    @property
    def is_open(self) -> bool:
        return self.ended_on is None


class LetterBeforeProceedings(TrackedModel):
    pre_proceedings = models.ForeignKey(
        PreProceedings, on_delete=models.PROTECT, related_name="letters"
    )
    sent_on = models.DateField()
    sent_to = models.CharField(max_length=300, help_text="The parents or carers it went to.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["sent_on", "created_at"]


class PreProceedingsMeeting(TrackedModel):
    pre_proceedings = models.ForeignKey(
        PreProceedings, on_delete=models.PROTECT, related_name="meetings"
    )
    held_on = models.DateField()
    attendees = models.TextField(help_text="Who attended, one a line.")
    outcome = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["held_on", "created_at"]


class CareProceedings(TrackedModel):
    """The application to court, recorded as issued (only through the FGDM gate)."""

    referral = models.ForeignKey(CASE, on_delete=models.PROTECT, related_name="proceedings")
    pre_proceedings = models.ForeignKey(
        PreProceedings, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    issued_on = models.DateField()
    court = models.CharField(max_length=120)
    order_sought = models.CharField(max_length=12, choices=OrderSought.choices)
    final_hearing_due = models.DateField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-issued_on", "-created_at"]


class FgdmOffer(TrackedModel):
    """The statutory offer of a family group decision-making meeting."""

    referral = models.ForeignKey(CASE, on_delete=models.PROTECT, related_name="fgdm_offers")
    offered_on = models.DateField()
    offered_to = models.CharField(max_length=300)
    response = models.CharField(
        max_length=10, choices=OfferResponse.choices, default=OfferResponse.AWAITING
    )
    responded_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-offered_on", "-created_at"]


class FgdmMeeting(TrackedModel):
    referral = models.ForeignKey(CASE, on_delete=models.PROTECT, related_name="fgdm_meetings")
    offer = models.ForeignKey(FgdmOffer, on_delete=models.PROTECT, related_name="meetings")
    held_on = models.DateField()
    attended = models.TextField(help_text="Who attended, one a line.")
    plan_agreed = models.BooleanField(default=False)
    plan = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "-created_at"]


class FgdmException(TrackedModel):
    """A recorded, authorised reason not to offer or hold the meeting before applying to
    court (a manager of the case's team, never the allocated worker)."""

    referral = models.ForeignKey(CASE, on_delete=models.PROTECT, related_name="fgdm_exceptions")
    reason = models.TextField()
    authorised_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    authorised_on = models.DateField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-authorised_on", "-created_at"]


class FamilyNetworkMember(TrackedModel):
    """A member of the child's wider family network; their consent is the latest of their
    consent rows."""

    referral = models.ForeignKey(CASE, on_delete=models.PROTECT, related_name="network")
    name = models.CharField(max_length=120)
    relationship = models.CharField(max_length=80)
    contact = models.CharField(max_length=200)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "created_at"]

    def consent(self) -> NetworkConsentRecord | None:
        rows = list(self.consents.all())
        return rows[-1] if rows else None


class NetworkConsentRecord(models.Model):
    """Append-only: one member's consent given, refused or withdrawn, when, recorded by whom."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    member = models.ForeignKey(
        FamilyNetworkMember, on_delete=models.PROTECT, related_name="consents"
    )
    status = models.CharField(max_length=10, choices=NetworkConsent.choices)
    on = models.DateField()
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["recorded_at"]

    def __str__(self) -> str:
        return f"{self.get_status_display()} on {self.on:%-d %B %Y}"
