"""A record of each `teamaround seed` run, so a second run can tell the database is seeded."""

from django.db import models


class SeedRun(models.Model):
    seed = models.IntegerField()
    options = models.JSONField(default=dict)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"Seed {self.seed} started {self.started_at:%Y-%m-%d %H:%M}"
