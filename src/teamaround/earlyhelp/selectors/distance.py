"""Distance travelled: each need's score (0 to 10, agreed with the family) at every TAF meeting,
and the family's average, as a table and as small server-drawn SVG charts of the same data."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.html import escape

from teamaround.earlyhelp.models import NeedScore, TafMeeting

WIDTH, HEIGHT, PAD = 240, 90, 14


@dataclass
class Series:
    name: str
    scores: list = field(default_factory=list)  # one per meeting; None when not scored

    @property
    def change(self):
        known = [s for s in self.scores if s is not None]
        return round(known[-1] - known[0], 1) if len(known) > 1 else None

    @property
    def svg(self) -> str:
        return chart_svg(self.name, self.scores)


def distance_travelled(episode) -> dict:
    meetings = list(TafMeeting.objects.filter(episode=episode).order_by("held_on", "created_at"))
    index = {m.pk: i for i, m in enumerate(meetings)}
    needs: dict[int, Series] = {}
    for score in NeedScore.objects.filter(meeting__in=meetings).select_related("domain"):
        series = needs.setdefault(
            score.domain_id, Series(score.domain.name, [None] * len(meetings))
        )
        series.scores[index[score.meeting_id]] = score.score
        series.order = score.domain.display_order
    ordered = sorted(needs.values(), key=lambda s: (s.order, s.name))
    family = Series("Whole family (average)", [])
    for i in range(len(meetings)):
        known = [s.scores[i] for s in ordered if s.scores[i] is not None]
        family.scores.append(round(sum(known) / len(known), 1) if known else None)
    return {"meetings": meetings, "needs": ordered, "family": family}


def chart_svg(name: str, scores: list) -> str:
    """A line across meetings on a 0-10 scale, with a title and description for screen readers
    (the table beside it has the same numbers)."""
    points = [(i, s) for i, s in enumerate(scores) if s is not None]
    steps = max(len(scores) - 1, 1)

    def xy(i, s):
        return (PAD + (WIDTH - 2 * PAD) * i / steps, HEIGHT - PAD - (HEIGHT - 2 * PAD) * s / 10)

    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in (xy(i, s) for i, s in points))
    dots = "".join(
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="#1d70b8"/>'
        for x, y in (xy(i, s) for i, s in points)
    )
    values = ", ".join("not scored" if s is None else f"{s}" for s in scores)
    title = escape(f"Distance travelled: {name}")
    desc = escape(f"Scores out of 10 at each TAF meeting, in order: {values}.")
    base = HEIGHT - PAD
    return (
        f'<svg class="eh-chart" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
        f'height="{HEIGHT}" aria-labelledby="{_id(name)}-t {_id(name)}-d">'
        f'<title id="{_id(name)}-t">{title}</title><desc id="{_id(name)}-d">{desc}</desc>'
        f'<line x1="{PAD}" y1="{base}" x2="{WIDTH - PAD}" y2="{base}" stroke="#505a5f"/>'
        f'<line x1="{PAD}" y1="{PAD}" x2="{PAD}" y2="{base}" stroke="#505a5f"/>'
        f'<text x="2" y="{PAD + 4}" font-size="10" fill="#0b0c0c">10</text>'
        f'<text x="4" y="{base + 4}" font-size="10" fill="#0b0c0c">0</text>'
        f'<polyline points="{path}" fill="none" stroke="#1d70b8" stroke-width="2.5"/>{dots}</svg>'
    )


def _id(name: str) -> str:
    return "chart-" + "".join(c if c.isalnum() else "-" for c in name.lower())[:40]
