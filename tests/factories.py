"""factory-boy factories for the foundation's records. Other apps' tests build on these."""

import factory

from teamaround.accounts.models import Agency, AgencyKind, RoleAssignment, Team, User
from teamaround.core.models import District, Quadrant

PASSWORD = "Correct-Horse-Battery-9"


class QuadrantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quadrant
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"quadrant-{n}")
    name = factory.Sequence(lambda n: f"Quadrant {n}")


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"district-{n}")
    name = factory.Sequence(lambda n: f"District {n}")
    quadrant = factory.SubFactory(QuadrantFactory)


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"Agency {n}")
    kind = AgencyKind.SCHOOL


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    agency = factory.SubFactory(AgencyFactory)
    name = factory.Sequence(lambda n: f"Team {n}")


class UserFactory(factory.django.DjangoModelFactory):
    """A member of staff. `roles=[...]` grants roles; the password is PASSWORD."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"staff{n}")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    team = factory.SubFactory(TeamFactory)
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for role in extracted or []:
            RoleAssignment.objects.create(user=self, role=role)
        self.save()
        self.__dict__.pop("role_set", None)
