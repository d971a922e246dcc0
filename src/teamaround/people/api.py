"""API for persons, families, relationships and the known-child search. Thin: the same
selectors and services as the pages, with the same access rules and audit. A record the caller
may not open answers 404 (the refusal is audited), so guessing ids reveals nothing."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from teamaround.core.api import paginated
from teamaround.core.api_schema import page_of
from teamaround.people import selectors, services
from teamaround.people import serializers as io


class PersonViewSet(viewsets.ViewSet):
    """People whose record the caller may open. Adding a person without a family records a new
    household and involves the caller's team."""

    lookup_value_converter = "uuid"

    @extend_schema(responses=page_of(io.PersonSummaryOutput))
    def list(self, request):
        people = selectors.person_list(actor=request.user, query=request.query_params.get("q", ""))
        return paginated(self, request, people, io.PersonSummaryOutput)

    @extend_schema(responses=io.PersonOutput)
    def retrieve(self, request, pk=None):
        person = selectors.person_get(actor=request.user, person_id=pk)
        return Response(io.PersonOutput(person).data)

    @extend_schema(request=io.PersonInput, responses={201: io.PersonOutput})
    def create(self, request):
        data = io.PersonInput(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        family_id = values.pop("family")
        if family_id:
            values["family"] = selectors.family_get(
                actor=request.user, family_id=family_id, audit=False
            )
        person = services.person_create(actor=request.user, **values)
        return Response(io.PersonOutput(person).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=io.ReasonInput, responses={201: io.BreakGlassOutput})
    @action(detail=True, methods=["post"], url_path="break-glass")
    def break_glass(self, request, pk=None):
        person = selectors.person_exists(actor=request.user, person_id=pk)
        if person is None:
            raise NotFound()
        data = io.ReasonInput(data=request.data)
        data.is_valid(raise_exception=True)
        grant = services.break_glass_grant(
            actor=request.user, person=person, reason=data.validated_data["reason"]
        )
        return Response({"expires_at": grant.expires_at}, status=status.HTTP_201_CREATED)

    @extend_schema(request=io.MergeInput, responses={201: io.MergeOutput})
    @action(detail=True, methods=["post"])
    def merge(self, request, pk=None):
        data = io.MergeInput(data=request.data)
        data.is_valid(raise_exception=True)
        survivor = selectors.person_get(actor=request.user, person_id=pk, audit=False)
        duplicate = selectors.person_get(
            actor=request.user, person_id=data.validated_data["duplicate"], audit=False
        )
        merge = services.person_merge(
            actor=request.user,
            survivor=survivor,
            merged=duplicate,
            reason=data.validated_data["reason"],
        )
        return Response({"merge": str(merge.pk)}, status=status.HTTP_201_CREATED)


class FamilyViewSet(viewsets.ViewSet):
    lookup_value_converter = "uuid"

    @extend_schema(responses=page_of(io.FamilySummaryOutput))
    def list(self, request):
        return paginated(
            self, request, selectors.family_list(actor=request.user), io.FamilySummaryOutput
        )

    @extend_schema(responses=io.FamilySummaryOutput)
    def retrieve(self, request, pk=None):
        family = selectors.family_get(actor=request.user, family_id=pk)
        return Response(
            {
                **io.FamilySummaryOutput(family).data,
                "members": io.MembershipOutput(selectors.family_members(family), many=True).data,
                "relationships": io.RelationshipOutput(
                    selectors.family_relationships(family), many=True
                ).data,
                "involvements": io.InvolvementOutput(
                    selectors.family_involvements(family), many=True
                ).data,
                "chronology": io.EventOutput(selectors.family_chronology(family), many=True).data,
            }
        )

    @extend_schema(request=io.FamilyInput, responses={201: io.FamilySummaryOutput})
    def create(self, request):
        data = io.FamilyInput(data=request.data)
        data.is_valid(raise_exception=True)
        family = services.family_create(actor=request.user, **data.validated_data)
        return Response(io.FamilySummaryOutput(family).data, status=status.HTTP_201_CREATED)


class RelationshipViewSet(viewsets.ViewSet):
    lookup_value_converter = "uuid"

    @extend_schema(responses=page_of(io.RelationshipOutput))
    def list(self, request):
        relationships = selectors.relationship_list(actor=request.user)
        return paginated(self, request, relationships, io.RelationshipOutput)

    @extend_schema(request=io.RelationshipInput, responses={201: io.RelationshipOutput})
    def create(self, request):
        data = io.RelationshipInput(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        for side in ("from_person", "to_person"):
            person_id = values[side]
            values[side] = selectors.person_get(
                actor=request.user, person_id=person_id, audit=False
            )
        relationship = services.relationship_record(actor=request.user, **values)
        return Response(io.RelationshipOutput(relationship).data, status=status.HTTP_201_CREATED)


class KnownChildSearchViewSet(viewsets.ViewSet):
    """GET ?forenames=&surname=&date_of_birth=&age=&postcode=&nhs_number= -> ranked candidates
    with reasons. Records the caller may not open show only the teams to contact."""

    lookup_value_converter = "uuid"

    @extend_schema(parameters=[io.KnownChildQuery], responses=io.KnownChildResults)
    def list(self, request):
        query = io.KnownChildQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        results = selectors.known_child_search(actor=request.user, **query.validated_data)
        return Response({"results": io.KnownChildOutput(results, many=True).data})


def register(router) -> None:
    """Add this app's viewsets to the project's API router."""
    router.register("persons", PersonViewSet, basename="person")
    router.register("families", FamilyViewSet, basename="family")
    router.register("relationships", RelationshipViewSet, basename="relationship")
    router.register("known-child-search", KnownChildSearchViewSet, basename="known-child-search")
