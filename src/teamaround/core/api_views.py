"""API for geography (any member of staff) and the audit trail (administrators and managers)."""

from rest_framework import mixins, serializers, viewsets

from teamaround.core.models import AuditEvent, District, Quadrant
from teamaround.core.selectors import audit_event_list, district_list, quadrant_list


class DistrictOutput(serializers.ModelSerializer):
    quadrant = serializers.SlugRelatedField(slug_field="code", read_only=True)
    outward_codes = serializers.SlugRelatedField(
        slug_field="outward_code", many=True, read_only=True
    )

    class Meta:
        model = District
        fields = ["id", "code", "name", "ons_code", "kind", "quadrant", "outward_codes"]


class QuadrantOutput(serializers.ModelSerializer):
    districts = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = Quadrant
        fields = ["id", "code", "name", "districts"]


class AuditEventOutput(serializers.ModelSerializer):
    class Meta:
        model = AuditEvent
        fields = [
            "id",
            "occurred_at",
            "actor_username",
            "action",
            "object_type",
            "object_id",
            "summary",
            "reason",
            "changes",
            "request_id",
            "request_method",
            "request_path",
        ]


class DistrictViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    lookup_value_converter = "slug"
    serializer_class = DistrictOutput
    lookup_field = "code"
    queryset = District.objects.none()  # for the schema; requests use the selector

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.queryset
        return district_list(actor=self.request.user).prefetch_related("outward_codes")


class QuadrantViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    lookup_value_converter = "uuid"
    serializer_class = QuadrantOutput
    queryset = Quadrant.objects.none()

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.queryset
        return quadrant_list(actor=self.request.user)


class AuditEventViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Search the audit trail: ?username=&object_id=&action=. Read-only by design."""

    lookup_value_converter = "uuid"

    serializer_class = AuditEventOutput
    queryset = AuditEvent.objects.none()

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.queryset
        params = self.request.query_params
        return audit_event_list(
            actor=self.request.user,
            username=params.get("username", ""),
            object_id=params.get("object_id", ""),
            action=params.get("action", ""),
        )
