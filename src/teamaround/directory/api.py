"""The directory's staff API under /api/v1/: editors read and change the services they may
edit. The public Open Referral UK feed lives at /services/oruk/ (see directory.oruk.api)."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.response import Response

from teamaround.core.api import ConflictOutput, version_field
from teamaround.core.api_schema import page_of
from teamaround.core.models import District, NeedDomain, WindscreenLevel
from teamaround.directory import selectors, services
from teamaround.directory.models import AccessRoute, Service, ServiceStatus


class ServiceOutput(serializers.ModelSerializer):
    organisation = serializers.PrimaryKeyRelatedField(read_only=True)
    levels = serializers.SlugRelatedField(slug_field="number", many=True, read_only=True)
    needs_met = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    districts = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = Service
        fields = [
            "id",
            "organisation",
            "name",
            "description",
            "status",
            "minimum_age",
            "maximum_age",
            "levels",
            "needs_met",
            "districts",
            "is_free",
            "access_routes",
            "how_to_access",
            "phone",
            "email",
            "url",
            "waiting_time_weeks",
            "capacity",
            "referral_routes",
            "eligibility_notes",
            "review_date",
            "updated_at",
            "version",
        ]


class ServiceChange(serializers.Serializer):
    """Every field optional: send only what changes (PATCH), with the version you read."""

    version = version_field()
    name = serializers.CharField(max_length=200, required=False)
    description = serializers.CharField(required=False)
    status = serializers.ChoiceField(choices=ServiceStatus.choices, required=False)
    minimum_age = serializers.IntegerField(min_value=0, allow_null=True, required=False)
    maximum_age = serializers.IntegerField(min_value=0, allow_null=True, required=False)
    levels = serializers.SlugRelatedField(
        slug_field="number", many=True, required=False, queryset=WindscreenLevel.objects.all()
    )
    needs_met = serializers.SlugRelatedField(
        slug_field="code", many=True, required=False, queryset=NeedDomain.objects.all()
    )
    districts = serializers.SlugRelatedField(
        slug_field="code", many=True, required=False, queryset=District.objects.all()
    )
    is_free = serializers.BooleanField(required=False)
    access_routes = serializers.ListField(
        child=serializers.ChoiceField(AccessRoute.choices), required=False
    )
    how_to_access = serializers.CharField(allow_blank=True, required=False)
    waiting_time_weeks = serializers.IntegerField(min_value=0, allow_null=True, required=False)
    capacity = serializers.IntegerField(min_value=0, allow_null=True, required=False)
    referral_routes = serializers.CharField(allow_blank=True, required=False)
    eligibility_notes = serializers.CharField(allow_blank=True, required=False)
    review_date = serializers.DateField(required=False)


class DirectoryServiceViewSet(viewsets.ViewSet):
    """Services the caller may edit (administrators: all; a provider's editor: their own)."""

    lookup_value_converter = "uuid"

    @extend_schema(responses=page_of(ServiceOutput))
    def list(self, request):
        rows = (
            selectors.services_for_editing(actor=request.user)
            .prefetch_related("levels", "needs_met", "districts")
            .order_by("name")
        )
        paginator = self.paginator_class()
        page = paginator.paginate_queryset(rows, request, view=self)
        return paginator.get_paginated_response(ServiceOutput(page, many=True).data)

    @extend_schema(responses=ServiceOutput)
    def retrieve(self, request, pk=None):
        service = selectors.service_for_editing(actor=request.user, service_id=pk)
        return Response(ServiceOutput(service).data)

    @extend_schema(request=ServiceChange, responses={200: ServiceOutput, 409: ConflictOutput})
    def partial_update(self, request, pk=None):
        service = selectors.service_for_editing(actor=request.user, service_id=pk)
        data = ServiceChange(data=request.data)
        data.is_valid(raise_exception=True)
        service = services.service_update(
            actor=request.user, service=service, **data.validated_data
        )
        return Response(ServiceOutput(service).data)

    @property
    def paginator_class(self):
        from rest_framework.settings import api_settings

        return api_settings.DEFAULT_PAGINATION_CLASS


def register(router) -> None:
    """Add this app's viewsets to the project's API router."""
    router.register("directory-services", DirectoryServiceViewSet, basename="directory-service")
