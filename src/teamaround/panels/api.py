"""API for panel types, meetings and their agendas, decisions and actions. Thin: input
serializers parse, services and selectors decide, by the same rules as the pages."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from teamaround.core.api import paginated
from teamaround.core.api_schema import page_of
from teamaround.core.audit import audit_listed
from teamaround.panels import selectors, services
from teamaround.panels.serializers import (
    ActionOutput,
    AgendaItemOutput,
    BuildAgendaInput,
    MeetingOutput,
    PanelDecisionInput,
    PanelDecisionOutput,
    PanelTypeOutput,
)

UUID_PATH_ID = OpenApiParameter("id", OpenApiTypes.UUID, OpenApiParameter.PATH)
BY_ID = {"retrieve": extend_schema(parameters=[UUID_PATH_ID])}


@extend_schema_view(**BY_ID)
class PanelTypeViewSet(viewsets.ViewSet):
    """Panel types: what each panel is for and the rules it runs by."""

    lookup_value_converter = "uuid"

    @extend_schema(responses=page_of(PanelTypeOutput))
    def list(self, request):
        return paginated(
            self,
            request,
            selectors.panel_type_list(actor=request.user),
            PanelTypeOutput,
            audit=False,
        )

    @extend_schema(responses=PanelTypeOutput)
    def retrieve(self, request, pk=None):
        panel_type = selectors.panel_type_get(actor=request.user, panel_type_id=pk)
        return Response(PanelTypeOutput(panel_type).data)


@extend_schema_view(**BY_ID, agenda=extend_schema(parameters=[UUID_PATH_ID]))
class MeetingViewSet(viewsets.ViewSet):
    """Meetings of the panels you sit on, and their agendas."""

    lookup_value_converter = "uuid"

    @extend_schema(responses=page_of(MeetingOutput))
    def list(self, request):
        meetings = selectors.meeting_list(actor=request.user)
        return paginated(self, request, meetings, MeetingOutput, audit=False)

    @extend_schema(responses=MeetingOutput)
    def retrieve(self, request, pk=None):
        return Response(
            MeetingOutput(selectors.meeting_get(actor=request.user, meeting_id=pk)).data
        )

    @extend_schema(responses=AgendaItemOutput(many=True))
    @action(detail=True, methods=["get"])
    def agenda(self, request, pk=None):
        meeting = selectors.meeting_get(actor=request.user, meeting_id=pk)
        items = audit_listed(
            selectors.agenda(meeting), actor=request.user, what="a meeting's agenda"
        )
        return Response(AgendaItemOutput(items, many=True).data)

    @extend_schema(
        parameters=[UUID_PATH_ID],
        request=BuildAgendaInput,
        responses={201: AgendaItemOutput(many=True)},
    )
    @agenda.mapping.post
    def build_agenda(self, request, pk=None):
        meeting = selectors.meeting_get(actor=request.user, meeting_id=pk, audit=False)
        data = BuildAgendaInput(data=request.data)
        data.is_valid(raise_exception=True)
        added = services.agenda_build(
            actor=request.user, meeting=meeting, referral_ids=data.validated_data.get("referrals")
        )
        return Response(AgendaItemOutput(added, many=True).data, status=status.HTTP_201_CREATED)


@extend_schema_view(**BY_ID)
class DecisionViewSet(viewsets.ViewSet):
    """Decisions at the meetings you may see; co-ordinators and chairs record them."""

    lookup_value_converter = "uuid"

    @extend_schema(
        parameters=[OpenApiParameter("meeting", OpenApiTypes.UUID)],
        responses=page_of(PanelDecisionOutput),
    )
    def list(self, request):
        meeting = request.query_params.get("meeting")
        decisions = selectors.decision_list(
            actor=request.user, meeting=_uuid(meeting) if meeting else None
        )
        return paginated(self, request, decisions, PanelDecisionOutput)

    @extend_schema(responses=PanelDecisionOutput)
    def retrieve(self, request, pk=None):
        decision = selectors.decision_get(actor=request.user, decision_id=pk)
        return Response(PanelDecisionOutput(decision, context={"request": request}).data)

    @extend_schema(request=PanelDecisionInput, responses={201: PanelDecisionOutput})
    def create(self, request):
        data = PanelDecisionInput(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        item = selectors.agenda_item_get(actor=request.user, item_id=values["item"])
        details = dict(values.get("details") or {})
        details["parts"] = [dict(p) for p in details.get("parts", [])]
        details["shares"] = [dict(s) for s in details.get("shares", [])]
        for part in details["parts"]:
            if part["provider"] is None:
                part["provider"] = part["service"].organisation.agency
        decision = services.panel_decision_record(
            actor=request.user,
            item=item,
            kind=values["kind"],
            summary=values["summary"],
            lead_professional=values.get("lead_professional"),
            details=details,
            actions=[dict(a) for a in values.get("actions", [])],
        )
        output = PanelDecisionOutput(decision, context={"request": request})
        return Response(output.data, status=status.HTTP_201_CREATED)


def _uuid(value):
    import uuid

    try:
        return uuid.UUID(str(value))
    except ValueError as error:
        raise serializers.ValidationError({"meeting": ["Not a valid id."]}) from error


@extend_schema_view(**BY_ID)
class ActionViewSet(viewsets.ViewSet):
    """Panel actions you own (shared with you) or whose panel you sit on."""

    lookup_value_converter = "uuid"

    @extend_schema(responses=page_of(ActionOutput))
    def list(self, request):
        return paginated(self, request, selectors.action_list(actor=request.user), ActionOutput)

    @extend_schema(responses=ActionOutput)
    def retrieve(self, request, pk=None):
        return Response(ActionOutput(selectors.action_get(actor=request.user, action_id=pk)).data)


def register(router) -> None:
    router.register("panel-types", PanelTypeViewSet, basename="panel-type")
    router.register("panel-meetings", MeetingViewSet, basename="panel-meeting")
    router.register("panel-decisions", DecisionViewSet, basename="panel-decision")
    router.register("panel-actions", ActionViewSet, basename="panel-action")
