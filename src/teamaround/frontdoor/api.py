"""API for requests for support, decisions and missing notifications. Thin: the same services
and selectors as the pages, so the same rules and audit apply; domain errors are 400s with
field errors, refusals 403."""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from teamaround.core.api import paginated
from teamaround.core.api_schema import page_of
from teamaround.frontdoor import selectors, services
from teamaround.frontdoor.serializers import (
    DecisionInput,
    DecisionOutput,
    MissingInput,
    MissingOutput,
    RequestInput,
    RequestOutput,
)
from teamaround.frontdoor.services.requests import linkable_person

UUID_PATH_ID = OpenApiParameter("id", OpenApiTypes.UUID, OpenApiParameter.PATH)


@extend_schema_view(
    retrieve=extend_schema(parameters=[UUID_PATH_ID]),
    decision=extend_schema(parameters=[UUID_PATH_ID]),
)
class RequestForSupportViewSet(viewsets.ViewSet):
    """Requests for support. Listing gives the caller's own requests; the Hub's queue is at
    hub/queue. Opening a request someone else sent needs a Hub role and is audited."""

    @extend_schema(responses=page_of(RequestOutput))
    def list(self, request):
        return paginated(self, request, selectors.my_requests(actor=request.user), RequestOutput)

    @extend_schema(responses=RequestOutput)
    def retrieve(self, request, pk=None):
        return Response(
            RequestOutput(selectors.request_get(actor=request.user, request_id=pk)).data
        )

    @extend_schema(request=RequestInput, responses={201: RequestOutput})
    def create(self, request):
        data = RequestInput(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        draft = values.pop("draft")
        values["person"] = linkable_person(
            values["person"], actor=request.user, date_of_birth=values.get("child_date_of_birth")
        )
        if draft:
            rfs = services.request_for_support_save_draft(actor=request.user, values=values)
        else:
            rfs = services.request_for_support_send(actor=request.user, values=values)
        return Response(RequestOutput(rfs).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=DecisionInput, responses={201: DecisionOutput})
    @action(detail=True, methods=["post"])
    def decision(self, request, pk=None):
        rfs = selectors.request_get(actor=request.user, request_id=pk, audit=False)
        data = DecisionInput(data=request.data)
        data.is_valid(raise_exception=True)
        decision = services.hub_decision_record(
            actor=request.user, request=rfs, **data.validated_data
        )
        return Response(DecisionOutput(decision).data, status=status.HTTP_201_CREATED)


class HubQueueViewSet(viewsets.ViewSet):
    """The Hub's open requests, oldest deadline first (Hub screeners and social workers)."""

    @extend_schema(responses=page_of(RequestOutput))
    def list(self, request):
        params = request.query_params
        filters = selectors.QueueFilters(
            district=params.get("district", ""),
            source=params.get("source", ""),
            screener=params.get("screener", ""),
            rag=params.get("rag", ""),
            level=int(params["level"]) if params.get("level", "").isdigit() else None,
        )
        queue = selectors.hub_queue(actor=request.user, filters=filters, today=timezone.localdate())
        return paginated(self, request, queue.prefetch_related("decisions__level"), RequestOutput)


class MissingNotificationViewSet(viewsets.ViewSet):
    """Police notifications of missing episodes. Sending the same notification id again
    returns the episode already recorded (200) rather than a second one."""

    @extend_schema(responses=page_of(MissingOutput))
    def list(self, request):
        episodes = selectors.missing_episode_list(actor=request.user)
        return paginated(self, request, episodes, MissingOutput)

    @extend_schema(request=MissingInput, responses={201: MissingOutput, 200: MissingOutput})
    def create(self, request):
        data = MissingInput(data=request.data)
        data.is_valid(raise_exception=True)
        episode, created = services.missing_notification_receive(
            actor=request.user, values=data.validated_data
        )
        return Response(
            MissingOutput(episode).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


def register(router) -> None:
    router.register("hub/requests", RequestForSupportViewSet, basename="hub-request")
    router.register("hub/queue", HubQueueViewSet, basename="hub-queue")
    router.register(
        "hub/missing-notifications", MissingNotificationViewSet, basename="hub-missing-notification"
    )
