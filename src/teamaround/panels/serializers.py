"""Small input and output serializers for the panels API; no logic (services decide)."""

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from teamaround.accounts.models import Agency, User
from teamaround.core.errors import AccessDenied
from teamaround.directory.selectors import publicly_visible
from teamaround.panels import selectors
from teamaround.panels.models import (
    AgendaItem,
    DecisionKind,
    PanelAction,
    PanelDecision,
    PanelMeeting,
    PanelType,
)
from teamaround.people.selectors import person_get


class PanelTypeOutput(serializers.ModelSerializer):
    class Meta:
        model = PanelType
        fields = [
            "id",
            "code",
            "name",
            "short_name",
            "purpose",
            "scope",
            "frequency",
            "case_subject",
            "member_agency_kinds",
            "quorum_minimum",
            "quorum_agency_kinds",
            "sharing_basis",
            "legal_basis",
            "restricted",
            "referrer_roles",
            "referrer_agency_kinds",
            "decision_kinds",
            "records_risk_score",
            "agenda_limit",
        ]


class MeetingOutput(serializers.ModelSerializer):
    panel = serializers.CharField(source="panel.name")
    status = serializers.CharField(read_only=True, help_text="planned, papers_sent, held, closed")

    class Meta:
        model = PanelMeeting
        fields = [
            "id",
            "panel",
            "held_on",
            "starts_at",
            "status",
            "agenda_limit",
            "papers_sent_at",
            "is_quorate",
            "closed_at",
        ]


class AgendaItemOutput(serializers.ModelSerializer):
    referral = serializers.UUIDField(source="referral_id", allow_null=True)
    action = serializers.UUIDField(source="action_id", allow_null=True)
    package = serializers.UUIDField(source="package_id", allow_null=True)
    kind = serializers.CharField(read_only=True, help_text="case, overdue_action, package_review")

    class Meta:
        model = AgendaItem
        fields = ["id", "position", "kind", "referral", "action", "package", "heard"]


class BuildAgendaInput(serializers.Serializer):
    referrals = serializers.ListField(child=serializers.UUIDField(), required=False)


class PanelDecisionOutput(serializers.ModelSerializer):
    meeting = serializers.UUIDField(source="item.meeting_id")
    kind = serializers.CharField(read_only=True)
    linked_children = serializers.SerializerMethodField()

    class Meta:
        model = PanelDecision
        fields = [
            "id",
            "item",
            "meeting",
            "kind",
            "summary",
            "inquorate",
            "lead_professional",
            "created_at",
            "linked_children",
        ]

    def get_linked_children(self, decision) -> list[str]:
        actor = self.context["request"].user
        return [str(c.pk) for c in selectors.linked_children(actor=actor, decision=decision)]


@extend_schema_field(OpenApiTypes.UUID)
class VisibleServiceField(serializers.PrimaryKeyRelatedField):
    """A Directory service anyone may find (the Directory's own rule: not archived, published
    and reviewed), as the decision page offers; an archived or hidden id is a field error."""

    def get_queryset(self):
        return publicly_visible()


class VisiblePersonField(serializers.UUIDField):
    """A person the caller may open, through people's own rule (an audited refusal otherwise):
    an id alone cannot put a child on a panel's record."""

    def to_internal_value(self, data):
        person_id = super().to_internal_value(data)
        try:
            return person_get(actor=self.context["request"].user, person_id=person_id, audit=False)
        except (Http404, AccessDenied) as refused:
            raise serializers.ValidationError("Choose a child whose record you may see.") from (
                refused
            )


class PartInput(serializers.Serializer):
    service = VisibleServiceField()
    provider = serializers.PrimaryKeyRelatedField(
        queryset=Agency.objects.all(), required=False, allow_null=True, default=None
    )
    cost = serializers.DecimalField(max_digits=10, decimal_places=2, required=False)


class ShareInput(serializers.Serializer):
    agency = serializers.PrimaryKeyRelatedField(queryset=Agency.objects.all())
    percentage = serializers.DecimalField(max_digits=5, decimal_places=2)


class DetailsInput(serializers.Serializer):
    starts_on = serializers.DateField(required=False)
    review_on = serializers.DateField(required=False)
    duration_weeks = serializers.IntegerField(required=False)
    parts = PartInput(many=True, required=False)
    avoided = serializers.CharField(required=False)
    description = serializers.CharField(required=False)
    annual_cost = serializers.DecimalField(max_digits=10, decimal_places=2, required=False)
    avoided_annual_cost = serializers.DecimalField(max_digits=10, decimal_places=2, required=False)
    total_cost = serializers.DecimalField(max_digits=10, decimal_places=2, required=False)
    shares = ShareInput(many=True, required=False)
    risks = serializers.CharField(required=False)
    protective_factors = serializers.CharField(required=False, allow_blank=True)
    places = serializers.CharField(required=False)
    themes = serializers.CharField(required=False)
    linked_children = serializers.ListField(child=VisiblePersonField(), required=False)
    episodes_in_last_90_days = serializers.IntegerField(required=False)
    pattern = serializers.CharField(required=False)


class ActionInput(serializers.Serializer):
    what = serializers.CharField(max_length=300)
    owner = serializers.PrimaryKeyRelatedField(queryset=User.objects.filter(is_active=True))
    due_on = serializers.DateField()
    shared_with_owner = serializers.BooleanField(default=False)


class PanelDecisionInput(serializers.Serializer):
    item = serializers.UUIDField()
    kind = serializers.ChoiceField(choices=DecisionKind.choices)
    summary = serializers.CharField()
    lead_professional = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.filter(is_active=True), required=False, allow_null=True
    )
    details = DetailsInput(required=False)
    actions = ActionInput(many=True, required=False)


class ActionOutput(serializers.ModelSerializer):
    status = serializers.CharField(read_only=True, help_text="open, done, cancelled")

    class Meta:
        model = PanelAction
        fields = ["id", "what", "owner", "owner_agency", "due_on", "status", "written_to_plan"]
