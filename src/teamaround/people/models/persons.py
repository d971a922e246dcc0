"""A person (child or adult) and what is known about them: names used, addresses over time,
and the identifiers other agencies hold for them."""

from __future__ import annotations

from datetime import date

from django.db import models
from simple_history.models import HistoricalRecords

from teamaround.core.models import District, TrackedModel, Versioned
from teamaround.people.models.choices import (
    DateOfBirthKind,
    Ethnicity,
    IdentifierScheme,
    NameKind,
    Sex,
)


class Person(Versioned, TrackedModel):
    """One record per person. When two records turn out to be the same person, one is merged
    into the other: it keeps existing (pointing at the survivor) so the merge can be undone."""

    forenames = models.CharField(max_length=100)
    surname = models.CharField(max_length=100)
    date_of_birth = models.DateField(null=True, blank=True)
    date_of_birth_kind = models.CharField(
        max_length=10, choices=DateOfBirthKind.choices, default=DateOfBirthKind.KNOWN
    )
    sex = models.CharField(max_length=1, choices=Sex.choices, default=Sex.UNKNOWN)
    gender = models.CharField(max_length=60, blank=True, help_text="As the person describes it.")
    ethnicity = models.CharField(max_length=4, choices=Ethnicity.choices, default=Ethnicity.NOBT)
    first_language = models.CharField(max_length=60, blank=True)
    interpreter_needed = models.BooleanField(default=False)
    disability = models.CharField(max_length=200, blank=True)
    phone = models.CharField(max_length=30, blank=True)
    email = models.EmailField(blank=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_records"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["surname", "forenames"]

    def __str__(self) -> str:
        return f"{self.forenames} {self.surname}"

    @property
    def is_unborn(self) -> bool:
        return self.date_of_birth_kind == DateOfBirthKind.EXPECTED

    def age_on(self, day: date) -> int | None:
        born = self.date_of_birth
        if born is None or self.is_unborn:
            return None
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


class PersonName(TrackedModel):
    """A previous name, alias or "known as" name. Searched like the person's own name."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="other_names")
    kind = models.CharField(max_length=10, choices=NameKind.choices, default=NameKind.ALIAS)
    forenames = models.CharField(max_length=100, blank=True)
    surname = models.CharField(max_length=100, blank=True)
    used_until = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"{self.forenames} {self.surname}".strip()


class PersonAddress(TrackedModel):
    """Where a person lived and when. The current address has no moved-out date."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="addresses")
    line_1 = models.CharField(max_length=120)
    line_2 = models.CharField(max_length=120, blank=True)
    town = models.CharField(max_length=80, blank=True)
    postcode = models.CharField(max_length=8)
    district = models.ForeignKey(
        District, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    moved_in = models.DateField(null=True, blank=True)
    moved_out = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-moved_in"]

    def __str__(self) -> str:
        return ", ".join(part for part in (self.line_1, self.town, self.postcode) if part)


class PersonIdentifier(TrackedModel):
    """A number another agency knows the person by, and which agency gave it."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="identifiers")
    scheme = models.CharField(max_length=12, choices=IdentifierScheme.choices)
    value = models.CharField(max_length=40)
    source_agency = models.ForeignKey(
        "accounts.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["scheme", "value"], name="people_identifier_lookup")]

    def __str__(self) -> str:
        return f"{self.get_scheme_display()} {self.value}"
