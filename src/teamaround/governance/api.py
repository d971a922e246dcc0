"""API for information governance: a person's bases for sharing (record, withdraw), decisions
not to share, and the Data Protection Officer's ledger. Thin: serializers parse, services and
selectors decide, under the same rules as the pages."""

from django.contrib.auth import get_user_model
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from teamaround.accounts.models import Agency
from teamaround.core.api import paginated
from teamaround.core.api_schema import page_of
from teamaround.governance import selectors, services
from teamaround.governance.models import BasisKind, Disclosure, Purpose, Scope, SharingBasis
from teamaround.governance.selectors.bases import basis_get
from teamaround.governance.selectors.ledger import ledger_period
from teamaround.governance.selectors.subjects import subject_get

UUID_PATH_ID = OpenApiParameter("id", OpenApiTypes.UUID, OpenApiParameter.PATH)
PERSON = OpenApiParameter("person", OpenApiTypes.UUID, required=False)
AGENCY = OpenApiParameter("agency", OpenApiTypes.UUID, required=False)
START = OpenApiParameter("start", OpenApiTypes.DATE, required=False)
END = OpenApiParameter("end", OpenApiTypes.DATE, required=False)


class BasisOutput(serializers.ModelSerializer):
    class Meta:
        model = SharingBasis
        fields = [
            "id",
            "person",
            "purpose",
            "kind",
            "scope",
            "agency",
            "given_by",
            "evidence",
            "starts_on",
            "ends_on",
            "status",
            "created_at",
            "created_by",
            "withdrawn_at",
            "withdrawn_by",
            "withdrawn_reason",
        ]


class BasisInput(serializers.Serializer):
    person = serializers.UUIDField()
    purpose = serializers.ChoiceField(choices=Purpose.choices)
    kind = serializers.ChoiceField(choices=BasisKind.choices)
    scope = serializers.ChoiceField(choices=Scope.choices, default=Scope.ANY_AGENCY)
    agency = serializers.PrimaryKeyRelatedField(
        queryset=Agency.objects.all(), required=False, allow_null=True, default=None
    )
    given_by = serializers.CharField(max_length=120, required=False, allow_blank=True, default="")
    evidence = serializers.CharField(allow_blank=True)
    starts_on = serializers.DateField(required=False, allow_null=True, default=None)
    ends_on = serializers.DateField(required=False, allow_null=True, default=None)


class WithdrawalInput(serializers.Serializer):
    reason = serializers.CharField(allow_blank=True)


class WithholdInput(serializers.Serializer):
    person = serializers.UUIDField()
    purpose = serializers.ChoiceField(choices=Purpose.choices)
    recipient_agency = serializers.PrimaryKeyRelatedField(queryset=Agency.objects.all())
    reason = serializers.CharField(allow_blank=True)
    approver = serializers.PrimaryKeyRelatedField(queryset=get_user_model().objects.all())


class DisclosureOutput(serializers.ModelSerializer):
    class Meta:
        model = Disclosure
        fields = [
            "id",
            "occurred_at",
            "person",
            "outcome",
            "channel",
            "purpose",
            "basis_kind",
            "basis",
            "record_type",
            "record_id",
            "fields",
            "recipient_user",
            "recipient_agency",
            "decided_by",
            "approved_by",
            "reason",
        ]


class BasisViewSet(viewsets.ViewSet):
    """Consent and statutory bases for sharing a person's information."""

    lookup_value_converter = "uuid"  # a malformed id is a 404, never a 500

    @extend_schema(parameters=[PERSON], responses=page_of(BasisOutput))
    def list(self, request):
        person = subject_get(actor=request.user, person_id=request.query_params.get("person"))
        bases = selectors.bases_for_person(actor=request.user, person=person)
        return paginated(self, request, bases, BasisOutput)

    @extend_schema(request=BasisInput, responses={201: BasisOutput})
    def create(self, request):
        data = BasisInput(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        person = subject_get(actor=request.user, person_id=values.pop("person"))
        values = {k: v for k, v in values.items() if v is not None}
        basis = services.basis_record(actor=request.user, person=person, **values)
        return Response(BasisOutput(basis).data, status=status.HTTP_201_CREATED)

    @extend_schema(parameters=[UUID_PATH_ID], request=WithdrawalInput, responses=BasisOutput)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        basis = basis_get(actor=request.user, basis_id=pk)
        if basis is None:
            return Response({"detail": "Not found."}, status=status.HTTP_404_NOT_FOUND)
        data = WithdrawalInput(data=request.data)
        data.is_valid(raise_exception=True)
        basis = services.basis_withdraw(
            actor=request.user, basis=basis, reason=data.validated_data["reason"]
        )
        return Response(BasisOutput(basis).data)


class LedgerViewSet(viewsets.ViewSet):
    """The disclosure ledger, for the Data Protection Officer. Append-only: no writes here;
    decisions not to share are recorded through `withhold`."""

    @extend_schema(parameters=[PERSON, AGENCY, START, END], responses=page_of(DisclosureOutput))
    def list(self, request):
        actor = request.user
        query = LedgerQuery(data=request.query_params)  # a malformed id is a 400, not a 500
        query.is_valid(raise_exception=True)
        params = query.validated_data
        if params.get("person"):
            person = subject_get(actor=actor, person_id=params["person"])
            entries = selectors.ledger_for_person(actor=actor, person=person)
        elif params.get("agency"):
            from teamaround.accounts import selectors as accounts_selectors

            agency = accounts_selectors.agency_get(actor=actor, agency_id=params["agency"])
            entries = selectors.ledger_for_agency(actor=actor, agency=agency)
        else:
            period = PeriodInput(data=request.query_params)
            period.is_valid(raise_exception=True)
            entries = ledger_period(actor=actor, **period.validated_data)
        return paginated(self, request, entries.order_by("-occurred_at", "-id"), DisclosureOutput)

    @extend_schema(request=WithholdInput, responses={201: DisclosureOutput})
    @action(detail=False, methods=["post"])
    def withhold(self, request):
        data = WithholdInput(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        person = subject_get(actor=request.user, person_id=values.pop("person"))
        entry = services.withholding_record(actor=request.user, person=person, **values)
        return Response(DisclosureOutput(entry).data, status=status.HTTP_201_CREATED)


class LedgerQuery(serializers.Serializer):
    person = serializers.UUIDField(required=False)
    agency = serializers.UUIDField(required=False)


class PeriodInput(serializers.Serializer):
    start = serializers.DateField()
    end = serializers.DateField()


def register(router) -> None:
    router.register("governance/bases", BasisViewSet, basename="governance-basis")
    router.register("governance/ledger", LedgerViewSet, basename="governance-ledger")
