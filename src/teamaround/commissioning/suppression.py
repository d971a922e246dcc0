"""Small-number suppression for every published figure: one module, used by every table,
chart and CSV the commissioning pages publish.

Primary: a count of 1 to 4 is shown as "<5" (0 is shown: it reveals no one).
Secondary: a table is rows of cells with a total for each row, and (optionally) a total for each
column and a grand total. Where a row or a column (with its total) has exactly one suppressed
figure, it could be worked out by subtraction, so the smallest other figure in that line is
suppressed too (a non-zero cell first, else the line's total), shown as "[c]"
(withheld so another figure cannot be worked out: it is not itself small). This repeats until
no line gives a suppressed figure away. A rate computed from a suppressed count is suppressed.
"""

from __future__ import annotations

from dataclasses import dataclass

SUPPRESSED = "<5"
WITHHELD = "[c]"
THRESHOLD = 5


def is_small(n: int) -> bool:
    return 0 < n < THRESHOLD


@dataclass
class Figure:
    value: int
    suppressed: bool = False
    secondary: bool = False

    def __str__(self) -> str:
        if self.suppressed:
            return WITHHELD if self.secondary else SUPPRESSED
        return f"{self.value:,}"

    @property
    def shown(self) -> int | None:
        return None if self.suppressed else self.value


@dataclass
class Table:
    cells: list[list[Figure]]
    row_totals: list[Figure]
    column_totals: list[Figure] | None
    grand_total: Figure | None


def suppress(rows: list[list[int]], *, column_totals: bool = True) -> Table:
    """Suppress a table of counts given as rows of cells (every row the same length)."""
    cells = [[Figure(v, is_small(v)) for v in row] for row in rows]
    totals = [Figure(sum(row), is_small(sum(row))) for row in rows]
    columns = grand = None
    if column_totals:
        width = len(rows[0]) if rows else 0
        columns = [Figure(s, is_small(s)) for s in (sum(r[j] for r in rows) for j in range(width))]
        grand = Figure(sum(sum(r) for r in rows), is_small(sum(sum(r) for r in rows)))
    lines = [row + [total] for row, total in zip(cells, totals, strict=True)]
    if columns is not None:
        lines += [[row[j] for row in cells] + [columns[j]] for j in range(len(columns))]
        lines += [totals + [grand], columns + [grand]]
    changed = True
    while changed:
        changed = False
        for line in lines:
            if sum(f.suppressed for f in line) == 1 and _protect(line):
                changed = True
    return Table(cells, totals, columns, grand)


def _protect(line: list[Figure]) -> bool:
    """Suppress one more figure in a line whose only suppressed figure could be derived. The
    line's last figure is its total. The smallest non-zero cell goes first; failing that the
    total; failing that a zero cell."""
    *members, total = line
    open_cells = sorted((f for f in members if not f.suppressed), key=lambda f: f.value)
    nonzero = [f for f in open_cells if f.value]
    if nonzero:
        target = nonzero[0]
    elif not total.suppressed:
        target = total
    elif open_cells:
        target = open_cells[0]
    else:
        return False
    target.suppressed = target.secondary = True
    return True


def rate(count: Figure, population: int | None, per: int = 10_000) -> str:
    """A rate per 10,000 to one decimal place, suppressed with its count."""
    if count.suppressed:
        return str(count)
    if not population:
        return "–"
    return f"{count.value * per / population:.1f}"


def rate_value(count: Figure, population: int | None, per: int = 10_000) -> float | None:
    if count.suppressed or not population:
        return None
    return round(count.value * per / population, 1)
