"""The child population the rates are per 10,000 of: children by district and age band, loaded
as data (Essex default in data/essex_population.json, `teamaround load_population FILE`)."""

from django.db import models


class ChildPopulation(models.Model):
    district = models.ForeignKey("core.District", on_delete=models.CASCADE, related_name="+")
    age_band = models.CharField(max_length=10, help_text='Ages in years, e.g. "0-4".')
    children = models.PositiveIntegerField()
    year = models.PositiveSmallIntegerField(help_text="The year the estimate is for.")

    class Meta:
        ordering = ["district__display_order", "age_band"]
        constraints = [
            models.UniqueConstraint(fields=["district", "age_band"], name="commissioning_pop_band")
        ]

    def __str__(self) -> str:
        return f"{self.district_id} {self.age_band}: {self.children}"
