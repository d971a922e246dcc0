"""Small input and output serializers for the people API. No rules here: services decide."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from teamaround.people.models import (
    DateOfBirthKind,
    Ethnicity,
    Family,
    FamilyEvent,
    FamilyMembership,
    Involvement,
    MemberRole,
    Person,
    PersonAddress,
    PersonIdentifier,
    PersonName,
    Relationship,
    RelationshipKind,
    Sex,
)
from teamaround.people.services.persons import PERSON_FIELDS


def text(max_length: int = 100, **kwargs):
    return serializers.CharField(
        max_length=max_length, required=False, allow_blank=True, default="", **kwargs
    )


class AddressInput(serializers.Serializer):
    line_1 = text(120)
    line_2 = text(120)
    town = text(80)
    postcode = text(10)
    moved_in = serializers.DateField(required=False, allow_null=True, default=None)


class PersonInput(serializers.Serializer):
    forenames = text()
    surname = text()
    date_of_birth = serializers.DateField(required=False, allow_null=True, default=None)
    date_of_birth_kind = serializers.ChoiceField(
        DateOfBirthKind.choices, default=DateOfBirthKind.KNOWN
    )
    sex = serializers.ChoiceField(Sex.choices, default=Sex.UNKNOWN)
    gender = text(60)
    ethnicity = serializers.ChoiceField(Ethnicity.choices, default=Ethnicity.NOBT)
    first_language = text(60)
    interpreter_needed = serializers.BooleanField(default=False)
    disability = text(200)
    phone = text(30)
    email = serializers.EmailField(required=False, allow_blank=True, default="")
    nhs_number = text(14)
    upn = text(14)
    address = AddressInput(required=False, allow_null=True, default=None)
    family = serializers.UUIDField(required=False, allow_null=True, default=None)
    role = serializers.ChoiceField(MemberRole.choices, default=MemberRole.CHILD)


class NameOutput(serializers.ModelSerializer):
    class Meta:
        model = PersonName
        fields = ["id", "kind", "forenames", "surname", "used_until"]


class AddressOutput(serializers.ModelSerializer):
    district = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = PersonAddress
        fields = ["id", "line_1", "line_2", "town", "postcode", "district", "moved_in", "moved_out"]


class IdentifierOutput(serializers.ModelSerializer):
    source_agency = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = PersonIdentifier
        fields = ["id", "scheme", "value", "source_agency"]


class PersonSummaryOutput(serializers.ModelSerializer):
    class Meta:
        model = Person
        fields = [
            "id",
            "forenames",
            "surname",
            "date_of_birth",
            "date_of_birth_kind",
            "merged_into",
        ]


class PersonOutput(serializers.ModelSerializer):
    other_names = NameOutput(many=True, read_only=True)
    addresses = AddressOutput(many=True, read_only=True)
    identifiers = IdentifierOutput(many=True, read_only=True)
    families = serializers.SerializerMethodField()

    class Meta:
        model = Person
        fields = [
            "id",
            *PERSON_FIELDS,
            "merged_into",
            "other_names",
            "addresses",
            "identifiers",
            "families",
        ]

    def get_families(self, person) -> list[str]:
        return [str(m.family_id) for m in person.memberships.all()]


class MembershipOutput(serializers.ModelSerializer):
    person = PersonSummaryOutput(read_only=True)

    class Meta:
        model = FamilyMembership
        fields = ["id", "person", "role", "started_on", "ended_on"]


class RelationshipOutput(serializers.ModelSerializer):
    class Meta:
        model = Relationship
        fields = ["id", "from_person", "to_person", "kind", "started_on", "ended_on"]


class RelationshipInput(serializers.Serializer):
    from_person = serializers.UUIDField()
    to_person = serializers.UUIDField()
    kind = serializers.ChoiceField(RelationshipKind.choices)
    started_on = serializers.DateField(required=False, allow_null=True, default=None)
    ended_on = serializers.DateField(required=False, allow_null=True, default=None)


class InvolvementOutput(serializers.ModelSerializer):
    team = serializers.CharField(source="team.name")
    agency = serializers.CharField(source="team.agency.name")

    class Meta:
        model = Involvement
        fields = ["id", "team", "agency", "reason", "opened_at", "closed_at"]


class EventOutput(serializers.ModelSerializer):
    class Meta:
        model = FamilyEvent
        fields = ["id", "occurred_at", "kind", "summary", "team", "source_app", "source_id"]


class FamilySummaryOutput(serializers.ModelSerializer):
    class Meta:
        model = Family
        fields = ["id", "name"]


class FamilyInput(serializers.Serializer):
    name = text(150)


class ReasonInput(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class MergeInput(serializers.Serializer):
    duplicate = serializers.UUIDField()
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class KnownChildQuery(serializers.Serializer):
    forenames = text()
    surname = text()
    date_of_birth = serializers.DateField(required=False, allow_null=True, default=None)
    age = serializers.IntegerField(required=False, allow_null=True, default=None)
    postcode = text(10)
    nhs_number = text(14)
    sex = serializers.ChoiceField(["F", "M", "U", ""], required=False, default="")


class TeamContactOutput(serializers.Serializer):
    team = serializers.CharField()
    agency = serializers.CharField()
    contact = serializers.CharField()
    lead_worker = serializers.CharField()


class KnownChildOutput(serializers.Serializer):
    """For a record the caller may open, `person`; for any other, only the teams to contact."""

    person_id = serializers.UUIDField()
    score = serializers.IntegerField()
    strength = serializers.CharField(help_text="Strong, Possible, Weak, or Sibling")
    kind = serializers.CharField(
        help_text="match, or sibling: not this child but a brother or sister, possibly a twin"
    )
    reasons = serializers.ListField(child=serializers.CharField())
    can_open = serializers.BooleanField()
    teams = TeamContactOutput(many=True)
    person = PersonSummaryOutput(allow_null=True)


@extend_schema_serializer(many=False)  # one object holding the list, not a list
class KnownChildResults(serializers.Serializer):
    """The known-child search's answer: the candidates, best first (not paginated)."""

    results = KnownChildOutput(many=True)


class BreakGlassOutput(serializers.Serializer):
    expires_at = serializers.DateTimeField(help_text="When the access granted ends.")


class MergeOutput(serializers.Serializer):
    merge = serializers.UUIDField(help_text="The merge, which can be undone.")
