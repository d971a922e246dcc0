"""Staff, the agencies and teams they work in, and the roles they hold."""

from __future__ import annotations

import uuid

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.functional import cached_property
from simple_history.models import HistoricalRecords

from teamaround.accounts.roles import Role
from teamaround.core.models import District, TrackedModel, Versioned


class AgencyKind(models.TextChoices):
    COUNCIL_EARLY_HELP = "council_early_help", "Council early help"
    CHILDRENS_SOCIAL_CARE = "childrens_social_care", "Children's social care"
    SCHOOL = "school", "School"
    EARLY_YEARS = "early_years", "Early years setting"
    GP_PRACTICE = "gp_practice", "GP practice"
    HEALTH_VISITING = "health_visiting", "Health visiting and school nursing"
    CAMHS = "camhs", "Child and adolescent mental health (CAMHS)"
    POLICE = "police", "Police"
    HOUSING = "housing", "Housing"
    YOUTH_JUSTICE = "youth_justice", "Youth justice"
    VOLUNTARY = "voluntary", "Voluntary and community sector"
    ADULT_SERVICES = "adult_services", "Adult services"


class Agency(Versioned, TrackedModel):
    """An organisation whose staff work with children and families."""

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=40, choices=AgencyKind.choices)
    reference = models.CharField(
        max_length=40, blank=True, help_text="The agency's own code, e.g. a school URN or ODS code."
    )
    districts = models.ManyToManyField(District, blank=True, related_name="agencies")
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    phone = models.CharField(max_length=30, blank=True)
    email = models.EmailField(blank=True)
    history = HistoricalRecords(m2m_fields=[districts])

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"

    def __str__(self) -> str:
        return self.name


class Team(Versioned, TrackedModel):
    """A team within an agency, covering one or more districts."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="teams")
    name = models.CharField(max_length=200)
    districts = models.ManyToManyField(District, blank=True, related_name="teams")
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    history = HistoricalRecords(m2m_fields=[districts])

    class Meta:
        ordering = ["agency__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "name"], name="team_name_unique_in_agency")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.agency.name})"


class User(AbstractUser):
    """A member of staff. Belongs to one team (and through it an agency) and holds roles."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.PROTECT, related_name="members"
    )
    job_title = models.CharField(max_length=120, blank=True)
    phone = models.CharField(max_length=30, blank=True)
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        ordering = ["last_name", "first_name", "username"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @cached_property
    def role_set(self) -> frozenset[str]:
        if not self.is_active:
            return frozenset()
        return frozenset(self.role_assignments.values_list("role", flat=True))

    def has_role(self, *roles: str) -> bool:
        return any(role in self.role_set for role in roles)

    @property
    def agency(self) -> Agency | None:
        return self.team.agency if self.team_id else None

    def role_labels(self) -> list[str]:
        return [Role(role).label for role in sorted(self.role_set)]


class RoleAssignment(models.Model):
    """One role held by one user; who granted it and when is kept in the audit trail."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(max_length=30, choices=Role.choices)
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "role"], name="role_assignment_unique")
        ]

    def __str__(self) -> str:
        return Role(self.role).label


class ApiToken(models.Model):
    """An API token. Only its SHA-256 digest is kept (the token itself is shown once, when it is
    issued); it expires, and can be revoked with a reason. `prefix` (its first characters) lets
    people tell their tokens apart without the secret."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    digest = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=12)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    revoked_reason = models.CharField(max_length=300, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"API token {self.prefix}…"

    def is_active(self, now) -> bool:
        return self.revoked_at is None and self.expires_at > now
