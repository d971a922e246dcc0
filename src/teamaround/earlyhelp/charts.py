"""Small server-drawn SVG line charts for distance travelled: pure functions of the scores,
no database and no access rule (the selector that read the scores checked that)."""

from __future__ import annotations

from django.utils.html import escape

WIDTH, HEIGHT, PAD = 240, 90, 14


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
