"""Distance travelled: each need's score (0 to 10, agreed with the family) at every TAF meeting,
and the family's average, as a table and as small SVG charts of the same data (drawn by
earlyhelp.charts, a pure function of the scores)."""

from __future__ import annotations

from dataclasses import dataclass, field

from teamaround.core.access import require
from teamaround.earlyhelp.charts import chart_svg
from teamaround.earlyhelp.models import NeedScore, TafMeeting


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


def distance_travelled(*, actor, episode) -> dict:
    """Each need's scores across the episode's TAF meetings in order, and the family's average
    at each meeting (only needs scored at that meeting count). A need's change runs from its
    first score to its last."""
    require(actor, "earlyhelp.view_episode", episode, what="see distance travelled")
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
