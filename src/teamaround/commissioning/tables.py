"""A table as published: every cell already a string that has been through `suppression`, so
the page, its CSV and a board pack show the same figures. Built from additive blocks of
counts (cells that add up to the row's total), each suppressed with its own secondary
suppression, plus derived columns (a percentage) withheld when any figure behind them is."""

from __future__ import annotations

from dataclasses import dataclass, field

from teamaround.commissioning.suppression import WITHHELD, Figure, suppress


@dataclass
class PublishedTable:
    key: str
    caption: str
    heading: str  # the first column's heading
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)  # [label, cell, ...]
    total: list[str] | None = None  # the total row, when the figures add up
    chart_values: list = field(default_factory=list)  # (label, value or None) for the chart

    def csv_rows(self) -> list[list[str]]:
        out = [[self.heading, *self.columns], *self.rows]
        if self.total:
            out.append(self.total)
        return out


def percent(part: Figure, whole: list[Figure]) -> tuple[str, float | None]:
    """part as a percentage of the sum of `whole`, withheld if any figure is suppressed (it
    could be worked back from the others)."""
    if part.suppressed or any(f.suppressed for f in whole):
        return WITHHELD, None
    base = sum(f.value for f in whole)
    if not base:
        return "–", None
    value = round(part.value * 100 / base, 1)
    return f"{value:.1f}%", value


def additive(counts: list[list[int]], *, column_totals: bool = True):
    """The suppressed cells of an additive block: (cells, row totals, column totals, grand)."""
    table = suppress(counts, column_totals=column_totals)
    return table.cells, table.row_totals, table.column_totals, table.grand_total
