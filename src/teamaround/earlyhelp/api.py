"""API for early help: episodes, their assessment, plan (with its version: a stale version is a
409 Conflict) and TAF meetings with scores. Thin: serializers parse, services and selectors
decide, under the same rules as the pages."""

from django.contrib.auth import get_user_model
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from teamaround.core.audit import audit_listed
from teamaround.core.models import NeedDomain, WindscreenLevel
from teamaround.earlyhelp import selectors, services
from teamaround.earlyhelp.models import Episode, SharedFamilyAssessment
from teamaround.earlyhelp.selectors import parts
from teamaround.earlyhelp.services.plan import plan_actions
from teamaround.people import selectors as people_selectors

UUID_PATH_ID = OpenApiParameter("id", OpenApiTypes.UUID, OpenApiParameter.PATH)
User = get_user_model()


class EpisodeOutput(serializers.ModelSerializer):
    level = serializers.IntegerField(source="level.number")
    next_review_due = serializers.DateField()

    class Meta:
        model = Episode
        fields = [
            "id",
            "reference",
            "family",
            "level",
            "status",
            "source",
            "lead_professional",
            "lead_team",
            "started_on",
            "family_agreed_on",
            "next_review_due",
            "closed_on",
        ]


class EpisodeInput(serializers.Serializer):
    family = serializers.UUIDField()
    level = serializers.SlugRelatedField(
        slug_field="number", queryset=WindscreenLevel.objects.all()
    )
    lead_professional = serializers.PrimaryKeyRelatedField(queryset=User.objects.all())
    family_agreed_on = serializers.DateField()
    family_agreed_by = serializers.CharField(max_length=120)


class AssessmentOutput(serializers.ModelSerializer):
    member_views = serializers.SerializerMethodField()
    needs = serializers.SerializerMethodField()

    class Meta:
        model = SharedFamilyAssessment
        fields = [
            "id",
            "status",
            "submitted_at",
            "signed_off_at",
            "returned_reason",
            "member_views",
            "needs",
        ]

    def get_member_views(self, obj) -> list[dict]:
        return [
            {
                "person": v.person_id,
                "in_their_words": v.in_their_words,
                "recorded_for_them": v.recorded_for_them,
                "strengths": v.strengths,
                "goals": v.goals,
            }
            for v in obj.member_views.all()
        ]

    def get_needs(self, obj) -> list[dict]:
        return [
            {"domain": n.domain.code, "person": n.person_id, "description": n.description}
            for n in obj.needs.select_related("domain")
        ]


class ActionIO(serializers.Serializer):
    id = serializers.UUIDField(required=False, allow_null=True)
    what = serializers.CharField(required=False, allow_blank=True, default="")
    owner = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.all(), required=False, allow_null=True, default=None
    )
    due_on = serializers.DateField(required=False, allow_null=True, default=None)
    domain = serializers.SlugRelatedField(
        slug_field="code",
        queryset=NeedDomain.objects.all(),
        required=False,
        allow_null=True,
        default=None,
    )
    status = serializers.CharField(read_only=True)
    remove = serializers.BooleanField(required=False, default=False, write_only=True)


class PlanIO(serializers.Serializer):
    outcomes = serializers.CharField(allow_blank=True)
    version = serializers.IntegerField(required=False, allow_null=True, default=None)
    actions = ActionIO(many=True, required=False, default=list)


class ScoreInput(serializers.Serializer):
    domain = serializers.SlugRelatedField(slug_field="code", queryset=NeedDomain.objects.all())
    score = serializers.IntegerField()


class AttendeeInput(serializers.Serializer):
    name = serializers.CharField(max_length=120)
    agency = serializers.CharField(max_length=200)
    attendance = serializers.CharField()


class MeetingIO(serializers.Serializer):
    id = serializers.UUIDField(read_only=True)
    held_on = serializers.DateField()
    family_views = serializers.CharField(allow_blank=True)
    attendance = AttendeeInput(many=True)
    scores = ScoreInput(many=True)


def _plan_data(plan):
    return {
        "outcomes": plan.outcomes,
        "version": plan.version,
        "actions": [
            {
                "id": a.pk,
                "what": a.what,
                "owner": a.owner_id,
                "due_on": a.due_on,
                "domain": a.domain.code if a.domain_id else None,
                "status": a.status,
            }
            for a in plan_actions(plan)
        ],
    }


@extend_schema_view(retrieve=extend_schema(parameters=[UUID_PATH_ID]))
class EpisodeViewSet(viewsets.ViewSet):
    """Early help episodes the user may see; changes by the lead team and current TAF."""

    @extend_schema(responses=EpisodeOutput(many=True))
    def list(self, request):
        episodes = selectors.episode_list(
            actor=request.user, status=request.query_params.get("status", "")
        )
        shown = audit_listed(episodes[:500], actor=request.user, what="episodes (API)")
        return Response(EpisodeOutput(shown, many=True).data)

    @extend_schema(responses=EpisodeOutput)
    def retrieve(self, request, pk=None):
        episode = selectors.episode_get(actor=request.user, episode_id=pk)
        services.episode_api_read_record(actor=request.user, episode=episode, part="episode")
        return Response(EpisodeOutput(episode).data)

    @extend_schema(request=EpisodeInput, responses={201: EpisodeOutput})
    def create(self, request):
        data = EpisodeInput(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        family = people_selectors.family_get(
            actor=request.user, family_id=values.pop("family"), audit=False
        )
        episode = services.episode_open(actor=request.user, family=family, **values)
        return Response(EpisodeOutput(episode).data, status=status.HTTP_201_CREATED)

    @extend_schema(parameters=[UUID_PATH_ID], responses=AssessmentOutput)
    @action(detail=True, methods=["get"])
    def assessment(self, request, pk=None):
        episode = selectors.episode_get(
            actor=request.user, episode_id=pk, what="a Shared Family Assessment"
        )
        record = parts.assessment_of(episode)
        if record is None:
            return Response({"detail": "No assessment yet."}, status=status.HTTP_404_NOT_FOUND)
        services.episode_api_read_record(actor=request.user, episode=episode, part="assessment")
        return Response(AssessmentOutput(record).data)

    @extend_schema(parameters=[UUID_PATH_ID], request=PlanIO, responses=PlanIO)
    @action(detail=True, methods=["get", "put"])
    def plan(self, request, pk=None):
        episode = selectors.episode_get(
            actor=request.user, episode_id=pk, what="an Early Help Plan"
        )
        if request.method == "GET":
            plan = parts.plan_of(episode)
            if plan is None:
                return Response({"detail": "No plan yet."}, status=status.HTTP_404_NOT_FOUND)
            services.episode_api_read_record(actor=request.user, episode=episode, part="plan")
            return Response(_plan_data(plan))
        data = PlanIO(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        if values["version"] is None and parts.plan_of(episode) is not None:
            message = "Send the version of the plan you are changing (from GET)."
            return Response({"version": [message]}, status=status.HTTP_400_BAD_REQUEST)
        plan = services.plan_save(
            actor=request.user,
            episode=episode,
            outcomes=values["outcomes"],
            version=values["version"],
            actions=[dict(a) for a in values["actions"]],
        )
        return Response(_plan_data(plan))

    @extend_schema(methods=["GET"], parameters=[UUID_PATH_ID], responses=MeetingIO(many=True))
    @extend_schema(
        methods=["POST"],
        parameters=[UUID_PATH_ID],
        request=MeetingIO,
        responses={201: MeetingIO(many=True)},
    )
    @action(detail=True, methods=["get", "post"])
    def meetings(self, request, pk=None):
        episode = selectors.episode_get(actor=request.user, episode_id=pk, what="TAF meetings")
        if request.method == "POST":
            data = MeetingIO(data=request.data)
            data.is_valid(raise_exception=True)
            values = data.validated_data
            services.taf_meeting_record(
                actor=request.user,
                episode=episode,
                held_on=values["held_on"],
                family_views=values["family_views"],
                attendance=[dict(a) for a in values["attendance"]],
                progress=[],
                scores=[dict(s) for s in values["scores"]],
            )
        meetings = [
            {
                "id": m.pk,
                "held_on": m.held_on,
                "family_views": m.family_views,
                "attendance": m.attendance,
                "scores": [
                    {"domain": s.domain.code, "score": s.score}
                    for s in m.scores.select_related("domain")
                ],
            }
            for m in episode.meetings.all()
        ]
        if request.method == "GET":
            services.episode_api_read_record(actor=request.user, episode=episode, part="meetings")
        code = status.HTTP_201_CREATED if request.method == "POST" else status.HTTP_200_OK
        return Response(meetings, status=code)


def register(router) -> None:
    router.register("early-help/episodes", EpisodeViewSet, basename="earlyhelp-episode")
