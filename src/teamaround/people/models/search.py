"""The search-key table behind "is this child known?", and the record of merges.

PersonSearchKey is denormalised on purpose: for each name a person is known by (own name,
aliases, previous names, names of records merged into them) one row per forename, surname part
and sound-alike key, each holding the whole name as the matcher compares it, the date of birth
(or expected date), sex, postcode area and household. Candidate search is then a
handful of indexed equality lookups, fast at county scale on SQLite and PostgreSQL. Only
services write it (people.services.search_keys), in the same transaction as the change.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from teamaround.people.models.persons import Person


class PersonSearchKey(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="search_keys")
    forename = models.CharField(max_length=100)
    surname = models.CharField(max_length=100)
    forename_key = models.CharField(max_length=8)
    surname_key = models.CharField(max_length=8)
    date_of_birth = models.DateField(null=True)
    birth_year = models.PositiveSmallIntegerField(null=True)
    postcode = models.CharField(max_length=8, blank=True)
    outward_code = models.CharField(max_length=4, blank=True)
    district_id = models.UUIDField(null=True)
    is_own_name = models.BooleanField(default=True)
    given_names = models.CharField(max_length=200, blank=True)
    family_names = models.CharField(max_length=200, blank=True)
    sex = models.CharField(max_length=1, blank=True)
    is_unborn = models.BooleanField(default=False)
    household_id = models.UUIDField(null=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["surname_key", "forename_key", "birth_year"], name="people_key_names_year"
            ),
            models.Index(fields=["surname_key", "birth_year"], name="people_key_surname_year"),
            models.Index(fields=["surname_key", "date_of_birth"], name="people_key_surname_dob"),
            models.Index(fields=["forename_key", "birth_year"], name="people_key_forename_year"),
            models.Index(fields=["date_of_birth"], name="people_key_dob"),
            models.Index(fields=["outward_code", "birth_year"], name="people_key_area_year"),
            models.Index(fields=["outward_code", "date_of_birth"], name="people_key_area_dob"),
        ]

    def __str__(self) -> str:
        return f"Search key {self.pk} of person {self.person_id}"


class PersonMerge(models.Model):
    """One merge of a duplicate into a surviving record, with what moved, so it can be undone
    exactly. `moved` maps a model label to the ids of its rows that moved to the survivor."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survivor = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="merges_in")
    merged = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="merges_out")
    reason = models.TextField()
    moved = models.JSONField(default=dict)
    merged_at = models.DateTimeField(auto_now_add=True)
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    undo_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-merged_at"]

    def __str__(self) -> str:
        return f"Merge of {self.merged_id} into {self.survivor_id}"


class MatchModel(models.Model):
    """One trained version of the match model (people.matching.model): m and u for every
    comparison level and how common each name is, as `teamaround train_matching` estimated
    them. The newest version is the one the search uses; older ones are kept."""

    version = models.PositiveIntegerField(unique=True)
    trained_at = models.DateTimeField(auto_now_add=True)
    method = models.CharField(max_length=200)
    parameters = models.JSONField()
    summary = models.JSONField(default=dict)

    class Meta:
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"Match model version {self.version}"
