"""Charts drawn on the server as SVG by pygal (a charting library, so no hand-drawn geometry):
a bar chart of rates by district and a line chart of counts by month. Suppressed figures are
left out of the chart (the table beside it says "<5"). pygal's script is removed (the page
works without JavaScript) and its stylesheet carries the page's CSP nonce."""

from __future__ import annotations

import re

import pygal
from django.utils.html import escape
from pygal.style import Style

STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#0b0c0c",
    foreground_strong="#0b0c0c",
    foreground_subtle="#505a5f",
    colors=("#1d70b8", "#d4351c", "#00703c", "#f47738", "#4c2c92", "#505a5f"),
    font_family="Arial, sans-serif",
    label_font_size=12,
    major_label_font_size=12,
    title_font_size=16,
)
CONFIG = {
    "js": [],
    "css": [],
    "no_prefix": True,
    "disable_xml_declaration": True,
    "style": STYLE,
    "width": 720,
    "height": 320,
    "show_legend": False,
    "print_values": False,
}


def district_rates_svg(breakdown, *, nonce: str = "") -> str:
    chart = pygal.HorizontalBar(**CONFIG)
    chart.title = f"{breakdown.measure.title}: rate per 10,000 children"
    rows = [row for row in breakdown.by_district if row[4] is not None]
    chart.x_labels = [row[0] for row in rows]
    chart.add("Rate per 10,000", [row[4] for row in rows])
    return _accessible(chart, nonce, chart.title)


def monthly_svg(breakdown, *, nonce: str = "") -> str:
    chart = pygal.Line(**CONFIG, x_label_rotation=30)
    chart.title = f"{breakdown.measure.title} by month"
    chart.x_labels = [f"{row[0]:%b %Y}" for row in breakdown.by_month]
    chart.add("Number", [row[2].shown for row in breakdown.by_month])
    return _accessible(chart, nonce, chart.title)


def _accessible(chart, nonce: str, title: str) -> str:
    svg = chart.render(is_unicode=True)
    svg = re.sub(r"<script.*?</script>", "", svg, flags=re.S)
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)
    svg = svg.replace(' id=""', "", 1)
    svg = svg.replace("<style", f'<style nonce="{escape(nonce)}"')
    return svg.replace(
        "<svg ",
        f'<svg role="img" aria-label="{escape(title)} (the figures are in the table below)" ',
        1,
    )


def spend_svg(result, *, nonce: str = "") -> str:
    """Spend by district, stacked by priority area (pounds)."""
    chart = pygal.StackedBar(**{**CONFIG, "show_legend": True, "legend_at_bottom": True})
    chart.title = f"Spend by district and priority, {result.label} (£)"
    chart.x_labels = [row[0] for row in result.by_district]
    for i, priority in enumerate(result.priorities):
        chart.add(priority, [float(row[1][i]) for row in result.by_district])
    return _accessible(chart, nonce, chart.title)


def bar_svg(title: str, values: list, *, nonce: str = "", label: str = "Number") -> str:
    """A horizontal bar for each (label, value); a withheld value (None) is left out."""
    chart = pygal.HorizontalBar(**CONFIG)
    chart.title = title
    shown = [(name, value) for name, value in values if value is not None]
    chart.x_labels = [name for name, _ in shown]
    chart.add(label, [value for _, value in shown])
    return _accessible(chart, nonce, title)


def line_svg(title: str, values: list, *, nonce: str = "", label: str = "Number") -> str:
    """A line through (label, value) in order; a withheld value (None) leaves a gap."""
    chart = pygal.Line(**CONFIG, x_label_rotation=30)
    chart.title = title
    chart.x_labels = [name for name, _ in values]
    chart.add(label, [value for _, value in values])
    return _accessible(chart, nonce, title)
