"""API for agencies and teams. Thin: input serializers parse, services and selectors decide."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.response import Response

from teamaround.accounts import selectors, services
from teamaround.accounts.models import Agency, AgencyKind, Team
from teamaround.core.api import ConflictOutput, version_field
from teamaround.core.api_schema import page_of
from teamaround.core.models import District

UUID_PATH_ID = OpenApiParameter("id", OpenApiTypes.UUID, OpenApiParameter.PATH)


class AgencyOutput(serializers.ModelSerializer):
    districts = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = Agency
        fields = [
            "id",
            "name",
            "kind",
            "reference",
            "districts",
            "postcode",
            "phone",
            "email",
            "archived_at",
            "version",
        ]


class AgencyInput(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    kind = serializers.ChoiceField(choices=AgencyKind.choices)
    reference = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")
    districts = serializers.SlugRelatedField(
        slug_field="code", many=True, queryset=District.objects.all(), required=False, default=list
    )
    postcode = serializers.CharField(max_length=10, required=False, allow_blank=True, default="")
    phone = serializers.CharField(max_length=30, required=False, allow_blank=True, default="")
    email = serializers.EmailField(required=False, allow_blank=True, default="")


class AgencyChange(AgencyInput):
    version = version_field()


class TeamOutput(serializers.ModelSerializer):
    agency = serializers.PrimaryKeyRelatedField(read_only=True)
    districts = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = Team
        fields = ["id", "name", "agency", "districts", "email", "phone", "version"]


@extend_schema_view(
    retrieve=extend_schema(parameters=[UUID_PATH_ID]),
    update=extend_schema(parameters=[UUID_PATH_ID]),
)
class AgencyViewSet(viewsets.ViewSet):
    """Agencies: every member of staff can read them; administrators add and change them."""

    lookup_value_converter = "uuid"

    @extend_schema(responses=page_of(AgencyOutput))
    def list(self, request):
        agencies = selectors.agency_list(
            actor=request.user,
            kind=request.query_params.get("kind", ""),
            query=request.query_params.get("q", ""),
        )
        return _paginated(self, request, agencies, AgencyOutput)

    @extend_schema(responses=AgencyOutput)
    def retrieve(self, request, pk=None):
        return Response(AgencyOutput(selectors.agency_get(actor=request.user, agency_id=pk)).data)

    @extend_schema(request=AgencyInput, responses={201: AgencyOutput})
    def create(self, request):
        data = AgencyInput(data=request.data)
        data.is_valid(raise_exception=True)
        agency = services.agency_create(actor=request.user, **data.validated_data)
        return Response(AgencyOutput(agency).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=AgencyChange, responses={200: AgencyOutput, 409: ConflictOutput})
    def update(self, request, pk=None):
        agency = selectors.agency_get(actor=request.user, agency_id=pk)
        data = AgencyChange(data=request.data)
        data.is_valid(raise_exception=True)
        agency = services.agency_update(actor=request.user, agency=agency, **data.validated_data)
        return Response(AgencyOutput(agency).data)


class TeamViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Teams within agencies, with the districts they cover."""

    lookup_value_converter = "uuid"

    serializer_class = TeamOutput
    queryset = Team.objects.none()  # for the schema; requests use the selector

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.queryset
        return selectors.team_list(actor=self.request.user)


def _paginated(view, request, queryset, serializer):
    paginator = view.paginator if hasattr(view, "paginator") else None
    if paginator is None:
        from rest_framework.settings import api_settings

        paginator = api_settings.DEFAULT_PAGINATION_CLASS()
    page = paginator.paginate_queryset(queryset, request, view=view)
    return paginator.get_paginated_response(serializer(page, many=True).data)
