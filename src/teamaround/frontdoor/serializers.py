"""The API's small input and output serializers for the Hub. They parse and present only:
the rules are in services, the access in selectors."""

from __future__ import annotations

from rest_framework import serializers

from teamaround.accounts.models import Team, User
from teamaround.core.models import WindscreenLevel
from teamaround.frontdoor.models import (
    Consent,
    DecisionRoute,
    HubDecision,
    MissingEpisode,
    RequestForSupport,
    RiskGrade,
)


class DecisionOutput(serializers.ModelSerializer):
    level = serializers.IntegerField(source="level.number")

    class Meta:
        model = HubDecision
        fields = [
            "id",
            "level",
            "route",
            "rationale",
            "named_services",
            "other_services",
            "lead_professional",
            "receiving_team",
            "family_agreement",
            "outcome_message",
            "decided_at",
            "within_timescale",
        ]


class RequestOutput(serializers.ModelSerializer):
    level_suggested = serializers.IntegerField(source="level_suggested.number", allow_null=True)
    district = serializers.SlugRelatedField(slug_field="code", read_only=True)
    decisions = DecisionOutput(many=True, read_only=True)

    class Meta:
        model = RequestForSupport
        fields = [
            "id",
            "reference",
            "source",
            "status",
            "child_forenames",
            "child_surname",
            "child_date_of_birth",
            "postcode",
            "district",
            "person",
            "family",
            "concern",
            "tried",
            "level_suggested",
            "consent",
            "no_consent_reason",
            "safeguarding_concern",
            "submitted_at",
            "due_on",
            "is_re_referral",
            "assigned_to",
            "decisions",
        ]


class RequestInput(serializers.Serializer):
    child_forenames = serializers.CharField(max_length=100, allow_blank=True, default="")
    child_surname = serializers.CharField(max_length=100, allow_blank=True, default="")
    child_date_of_birth = serializers.DateField(required=False, allow_null=True, default=None)
    address_line_1 = serializers.CharField(max_length=120, allow_blank=True, default="")
    postcode = serializers.CharField(max_length=10, allow_blank=True, default="")
    parent_name = serializers.CharField(max_length=200, allow_blank=True, default="")
    parent_phone = serializers.CharField(max_length=30, allow_blank=True, default="")
    concern = serializers.CharField(allow_blank=True, default="")
    tried = serializers.CharField(allow_blank=True, default="")
    level_suggested = serializers.SlugRelatedField(
        slug_field="number",
        queryset=WindscreenLevel.objects.all(),
        required=False,
        allow_null=True,
        default=None,
    )
    consent = serializers.ChoiceField(choices=Consent.choices, allow_blank=True, default="")
    no_consent_reason = serializers.CharField(allow_blank=True, default="")
    safeguarding_concern = serializers.BooleanField(default=False)
    person = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text="A known child from the known-child search.",
    )
    draft = serializers.BooleanField(default=False, help_text="Save without sending.")


class DecisionInput(serializers.Serializer):
    level = serializers.SlugRelatedField(
        slug_field="number", queryset=WindscreenLevel.objects.all()
    )
    route = serializers.ChoiceField(choices=DecisionRoute.choices)
    rationale = serializers.CharField(allow_blank=True)
    named_services = serializers.ListField(child=serializers.UUIDField(), default=list)
    other_services = serializers.CharField(allow_blank=True, default="")
    lead_professional = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.filter(is_active=True), required=False, allow_null=True, default=None
    )
    family_agreement = serializers.BooleanField(default=False)
    receiving_team = serializers.PrimaryKeyRelatedField(
        queryset=Team.objects.filter(archived_at__isnull=True),
        required=False,
        allow_null=True,
        default=None,
    )
    outcome_message = serializers.CharField(allow_blank=True, default="")


class MissingInput(serializers.Serializer):
    notification_id = serializers.CharField(max_length=60)
    forenames = serializers.CharField(max_length=100)
    surname = serializers.CharField(max_length=100)
    date_of_birth = serializers.DateField()
    police_reference = serializers.CharField(max_length=60, allow_blank=True, default="")
    address = serializers.CharField(max_length=120, allow_blank=True, default="")
    postcode = serializers.CharField(max_length=10, allow_blank=True, default="")
    reported_missing_at = serializers.DateTimeField()
    returned_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    where_found = serializers.CharField(max_length=200, allow_blank=True, default="")
    risk_grade = serializers.ChoiceField(choices=RiskGrade.choices)


class MissingOutput(serializers.ModelSerializer):
    screening_request = serializers.SlugRelatedField(slug_field="reference", read_only=True)
    return_conversation_due_by = serializers.DateTimeField(
        source="return_conversation.due_by", read_only=True, default=None
    )

    class Meta:
        model = MissingEpisode
        fields = [
            "id",
            "notification_id",
            "person",
            "family",
            "age_when_missing",
            "matched_known_child",
            "route",
            "allocated_team",
            "allocated_worker",
            "screening_request",
            "is_repeat",
            "episodes_in_90_days",
            "needs_scrutiny",
            "return_conversation_due_by",
            "reported_missing_at",
            "returned_at",
            "risk_grade",
        ]
