"""Small-number suppression for every published figure: one module, used by every table,
chart and CSV the commissioning pages publish.

Primary: a count of 1 to 4 is shown as "<5" (0 is shown: it reveals no one).
Secondary: a table is rows of cells with a total for each row, and (optionally) a total for each
column and a grand total. A reader knows what the markers mean: "<5" is 1 to 4, and "[c]"
(withheld so another figure cannot be worked out) is not itself small, so 5 or more. In any line
(a row or a column with its total) the hidden figures can be worked on by subtraction, so one
more figure of that line is withheld (its smallest shown non-zero cell, else its total) while:

- exactly one figure of the line is hidden (it is the total less the others), or
- its total is shown and the hidden cells' sum (the total less the shown cells) is below the
  threshold (it says how few they are between them), or
- any hidden figure can be pinned to one value from the markers' ranges, line by line across
  the whole table (e.g. "<5" beside "[c]" with a sum of 6 can only be 1 beside 5).

This repeats until no line gives a hidden figure away. A rate from a hidden count is hidden.
"""

from __future__ import annotations

from dataclasses import dataclass

SUPPRESSED = "<5"
WITHHELD = "[c]"
THRESHOLD = 5


def is_small(n: int) -> bool:
    return 0 < n < THRESHOLD


@dataclass(eq=False)
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


def suppress(
    rows: list[list[int]],
    *,
    column_totals: bool = True,
    withhold_columns: set[int] | frozenset = frozenset(),
    withhold_grand: bool = False,
    withhold_cells: set[tuple[int, int]] | frozenset = frozenset(),
) -> Table:
    """Suppress a table of counts given as rows of cells (every row the same length).
    `withhold_columns`, `withhold_grand` and `withhold_cells` ((row, column)s) hide those
    figures from the start, where another published table shows the same figures hidden (see
    `linked`)."""
    cells = [[Figure(v, is_small(v)) for v in row] for row in rows]
    for i, j in withhold_cells:
        _withhold(cells[i][j])
    totals = [Figure(sum(row), is_small(sum(row))) for row in rows]
    columns = grand = None
    if column_totals:
        width = len(rows[0]) if rows else 0
        columns = [Figure(s, is_small(s)) for s in (sum(r[j] for r in rows) for j in range(width))]
        grand = Figure(sum(sum(r) for r in rows), is_small(sum(sum(r) for r in rows)))
        forced = [columns[j] for j in withhold_columns] + ([grand] if withhold_grand else [])
        for figure in forced:
            _withhold(figure)
    lines = [row + [total] for row, total in zip(cells, totals, strict=True)]
    if columns is not None:
        lines += [[row[j] for row in cells] + [columns[j]] for j in range(len(columns))]
        lines += [totals + [grand], columns + [grand]]
    while _protect_one(lines):
        pass
    return Table(cells, totals, columns, grand)


def _withhold(figure: Figure) -> None:
    if figure.value and not figure.suppressed:
        figure.suppressed = figure.secondary = True


def linked(first: list[list[int]], second: list[list[int]]) -> tuple[Table, Table]:
    """Two tables of the same figures cut two ways (e.g. by district and by month) share their
    column totals and grand total: each is suppressed with whatever the other withholds of
    those, until both withhold the same."""
    columns: set[int] = set()
    grand = False
    while True:
        one = suppress(first, withhold_columns=columns, withhold_grand=grand)
        two = suppress(second, withhold_columns=columns, withhold_grand=grand)
        hidden = {
            j
            for table in (one, two)
            for j, figure in enumerate(table.column_totals or [])
            if figure.suppressed
        }
        hidden_grand = one.grand_total.suppressed or two.grand_total.suppressed
        if hidden == columns and hidden_grand == grand:
            return one, two
        columns, grand = hidden, hidden_grand


def _protect_one(lines: list[list[Figure]]) -> bool:
    """Withhold one more figure where a line gives a hidden one away; False when none does."""
    for line in lines:
        if _line_discloses(line) and _protect(line):
            return True
    exposed = pinned(lines)
    return any(any(f in exposed for f in line) and _protect(line) for line in lines)


def _line_discloses(line: list[Figure]) -> bool:
    *members, total = line
    hidden = [f for f in members if f.suppressed]
    if len(hidden) + total.suppressed == 1:
        return True
    if hidden and not total.suppressed:
        rest = total.value - sum(f.value for f in members if not f.suppressed)
        return rest < THRESHOLD
    return False


def bounds(figure: Figure) -> tuple[int, float]:
    """What a reader knows of a figure from how it is shown."""
    if not figure.suppressed:
        return figure.value, figure.value
    if figure.secondary:
        return THRESHOLD, float("inf")
    return 1, THRESHOLD - 1


def pinned(lines: list[list[Figure]]) -> set[Figure]:
    """The small hidden figures a reader can work out exactly, by narrowing each figure's range line
    by line (a member is at least its total less the others' most, at most its total less the
    others' least; a total lies between its members' sums) until nothing narrows."""
    known = {id(f): bounds(f) for line in lines for f in line}
    changed = True
    while changed:
        changed = False
        for line in lines:
            *members, total = line
            lows = sum(known[id(f)][0] for f in members)
            highs = sum(known[id(f)][1] for f in members)
            t_lo, t_hi = known[id(total)]
            new = {id(total): (max(t_lo, lows), min(t_hi, highs))}
            for f in members:
                lo, hi = known[id(f)]
                others_lo, others_hi = lows - lo, highs - hi
                new[id(f)] = (
                    max(lo, t_lo - others_hi) if others_hi != float("inf") else lo,
                    min(hi, t_hi - others_lo),
                )
            for key, value in new.items():
                if value != known[key] and value[0] <= value[1]:
                    known[key] = value
                    changed = True
    return {
        f
        for line in lines
        for f in line
        if f.suppressed and not f.secondary and _exact(known[id(f)])
    }


def _exact(range_: tuple[int, float]) -> bool:
    return range_[0] == range_[1]


def _protect(line: list[Figure]) -> bool:
    """Withhold one more figure of the line: its smallest shown non-zero cell, else its total
    (a zero is never withheld: a reader would know a withheld figure is not small)."""
    *members, total = line
    nonzero = sorted((f for f in members if not f.suppressed and f.value), key=lambda f: f.value)
    if nonzero:
        target = nonzero[0]
    elif not total.suppressed:
        target = total
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
