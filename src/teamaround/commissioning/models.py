"""The child population the rates are per 10,000 of (children by district and age band, loaded
as data: Essex default in data/essex_population.json, `teamaround load_population FILE`), and
the Resource Envelope: priority areas (data, Essex default) and each agency's spend on each
priority by district and financial year."""

from django.db import models
from simple_history.models import HistoricalRecords

from teamaround.core.models import TrackedModel


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


class PriorityArea(models.Model):
    """A heading the partnership's spending is recorded under (Essex default from the 2011
    report's children's mapping tool). `panel_types` names the panels whose packages' committed
    cost counts under this priority."""

    code = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=120)
    description = models.CharField(max_length=300, blank=True)
    panel_types = models.JSONField(default=list, blank=True)
    display_order = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["display_order", "name"]

    def __str__(self) -> str:
        return self.name


class Spend(TrackedModel):
    """What one agency spends on one priority in one district in one financial year
    (`financial_year` is the year it starts: 2025 is April 2025 to March 2026)."""

    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="+")
    priority = models.ForeignKey(PriorityArea, on_delete=models.PROTECT, related_name="spend")
    district = models.ForeignKey("core.District", on_delete=models.PROTECT, related_name="+")
    financial_year = models.PositiveSmallIntegerField()
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    history = HistoricalRecords()

    class Meta:
        ordering = ["financial_year", "agency__name", "priority__display_order"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "priority", "district", "financial_year"],
                name="commissioning_spend_once",
            ),
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="commissioning_spend_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.priority_id} {self.district_id} {self.financial_year}"


def year_label(year: int) -> str:
    return f"{year}-{(year + 1) % 100:02d}"


class Judgement(models.TextChoices):
    CONTINUE = "continue", "Continue"
    IMPROVE = "improve", "Improve"
    RECOMMISSION = "recommission", "Recommission"
    DECOMMISSION = "decommission", "Decommission"


class ServiceJudgement(TrackedModel):
    """A commissioner's judgement on a directory service, kept with the evidence (the impact
    assessment's figures as published) it was made on."""

    service = models.ForeignKey("directory.Service", on_delete=models.PROTECT, related_name="+")
    judgement = models.CharField(max_length=15, choices=Judgement.choices)
    reason = models.TextField()
    evidence = models.JSONField(help_text="The impact assessment as it was shown.")
    decided_at = models.DateTimeField()

    class Meta:
        ordering = ["-decided_at"]

    def __str__(self) -> str:
        return f"{self.judgement} {self.service_id}"


class PackStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to be built"
    RUNNING = "running", "Being built"
    DONE = "done", "Ready"
    FAILED = "failed", "Could not be built"


class BoardPack(TrackedModel):
    """A quarterly pack for a Local Children's Commissioning and Delivery Board (one per
    quadrant) or, with no quadrant, the Children's Partnership Board: the commissioner's
    commentary, and the pack built from it by a background task (HTML and a tagged PDF, kept
    as built so the board reads what was sent)."""

    quadrant = models.ForeignKey(
        "core.Quadrant", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    quarter_start = models.DateField(help_text="The first day of the financial quarter.")
    summary = models.TextField("Commissioner's summary", blank=True)
    performance_commentary = models.TextField("Commentary on performance", blank=True)
    services_commentary = models.TextField("Commentary on recommissioning", blank=True)
    status = models.CharField(max_length=10, choices=PackStatus.choices, default="queued")
    progress = models.PositiveSmallIntegerField(default=0, help_text="Percent built.")
    step = models.CharField(max_length=120, blank=True)
    html = models.TextField(blank=True)
    pdf = models.BinaryField(blank=True, default=b"")
    built_at = models.DateTimeField(null=True, blank=True)
    failure = models.TextField(blank=True)

    class Meta:
        ordering = ["-quarter_start", "-created_at"]

    def __str__(self) -> str:
        return f"{self.board_name}, {quarter_label(self.quarter_start)}"

    @property
    def board_name(self) -> str:
        if self.quadrant_id is None:
            return "Children's Partnership Board"
        return f"{self.quadrant.name} Local Children's Commissioning and Delivery Board"


def quarter_label(start) -> str:
    """Financial quarters: 1 is April to June."""
    number = {4: 1, 7: 2, 10: 3, 1: 4}[start.month]
    year = start.year if number < 4 else start.year - 1
    end = {1: "June", 2: "September", 3: "December", 4: "March"}[number]
    end_year = start.year
    return f"Quarter {number} {year_label(year)} ({start:%B} to {end} {end_year})"


class EvidenceLevel(models.Model):
    """A rating on the evidence base's scale (default: the Early Intervention Foundation
    guidebook's levels; the commissioner may edit names and descriptions)."""

    code = models.SlugField(max_length=20, unique=True)
    name = models.CharField(max_length=80)
    description = models.CharField(max_length=300, blank=True)
    display_order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["display_order", "name"]

    def __str__(self) -> str:
        return self.name


class Intervention(TrackedModel):
    """Something that works (or does not), with its evidence rating: a programme or way of
    working that directory services deliver."""

    name = models.CharField(max_length=200, unique=True)
    description = models.TextField(blank=True)
    evidence_level = models.ForeignKey(
        EvidenceLevel, on_delete=models.PROTECT, related_name="interventions"
    )
    evidence_source = models.URLField(blank=True, help_text="Where the rating comes from.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class InterventionDelivery(models.Model):
    """A directory service that delivers an intervention. The evidence base owns this link;
    the directory's own tables are never written."""

    intervention = models.ForeignKey(
        Intervention, on_delete=models.CASCADE, related_name="deliveries"
    )
    service = models.ForeignKey("directory.Service", on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["intervention", "service"], name="commissioning_delivery_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.service_id} delivers {self.intervention_id}"


class FamiliesFirstOutcome(models.Model):
    """A headline outcome the council reports families' progress against (default: the ten
    headline outcomes of DfE's Supporting Families outcome framework, data/families_first_
    outcomes.json), with the need domains whose needs count towards it. The council's own data:
    the commissioner edits names, descriptions and the domains mapped."""

    code = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=120)
    description = models.CharField(max_length=300, blank=True)
    need_domains = models.ManyToManyField("core.NeedDomain", blank=True, related_name="+")
    display_order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords(m2m_fields=[need_domains])

    class Meta:
        ordering = ["display_order", "name"]

    def __str__(self) -> str:
        return self.name
