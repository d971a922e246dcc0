"""Small-number suppression: primary (1-4 shown as "<5") and secondary (no total gives a
suppressed cell away), worked by hand."""

from teamaround.commissioning.suppression import SUPPRESSED, WITHHELD, linked, rate, suppress


def shown(table):
    return (
        [[str(c) for c in row] for row in table.cells],
        [str(t) for t in table.row_totals],
        None if table.column_totals is None else [str(c) for c in table.column_totals],
        None if table.grand_total is None else str(table.grand_total),
    )


def test_primary_suppression_hides_one_to_four_and_shows_zero():
    cells, totals, columns, grand = shown(suppress([[0, 5], [9, 10]]))
    assert cells == [["0", "5"], ["9", "10"]]
    assert (totals, columns, grand) == (["5", "19"], ["9", "15"], "24")
    # 4 is primary; its row gives it away beside 10, its column beside 0 and the total 4.
    cells, totals, columns, grand = shown(suppress([[0, 5], [4, 10]]))
    # Then row 1 (0 and the withheld 5) gives the 5 away by its total, so the total goes, and
    # the totals' own row and column each need a second figure withheld.
    assert cells == [["0", WITHHELD], [SUPPRESSED, WITHHELD]]
    assert (totals, columns, grand) == ([WITHHELD, WITHHELD], [SUPPRESSED, WITHHELD], "19")


def test_a_lone_suppressed_cell_in_a_row_takes_the_smallest_other_with_it():
    # Row 2 has 3 (suppressed); 10 + 3 = 13 would give it away, so 10 goes too; then column 1
    # has one suppressed (the 3) beside 20, and column 2 one (the 10) beside 30, so the row
    # with the smallest non-zero in each goes: 20 and 30 are in row 1, which then hides both.
    table = suppress([[20, 30], [3, 10]])
    cells, totals, columns, grand = shown(table)
    assert cells == [[WITHHELD, WITHHELD], [SUPPRESSED, WITHHELD]]
    # Totals stay shown: with every cell hidden none can be derived.
    assert totals == ["50", "13"]
    assert columns == ["23", "40"]
    assert grand == "63"


def test_a_single_column_list_hides_a_second_figure_so_the_total_reveals_nothing():
    # Districts 7, 2, 12, 9 with a county total of 30: the 2 is primary, the 7 secondary.
    cells, totals, columns, grand = shown(suppress([[7], [2], [12], [9]]))
    assert [row[0] for row in cells] == [WITHHELD, SUPPRESSED, "12", "9"]
    assert totals == [WITHHELD, SUPPRESSED, "12", "9"]
    assert columns == ["30"]
    assert grand == "30"


def test_every_line_with_a_suppressed_figure_has_at_least_two():
    table = suppress([[1, 8, 9, 0], [6, 7, 2, 11], [13, 0, 14, 15]])
    lines = [row + [t] for row, t in zip(table.cells, table.row_totals, strict=True)]
    lines += [[row[j] for row in table.cells] + [table.column_totals[j]] for j in range(4)]
    lines += [table.row_totals + [table.grand_total], table.column_totals + [table.grand_total]]
    for line in lines:
        assert sum(f.suppressed for f in line) != 1
    # the primary ones are hidden
    assert table.cells[0][0].suppressed and table.cells[1][2].suppressed


def test_a_total_of_one_to_four_is_itself_suppressed():
    table = suppress([[2, 1]])
    assert [str(c) for c in table.cells[0]] == [SUPPRESSED, SUPPRESSED]
    assert str(table.row_totals[0]) == SUPPRESSED and str(table.grand_total) == SUPPRESSED


def test_a_rate_from_a_suppressed_count_is_suppressed():
    table = suppress([[3], [50], [2]])
    assert rate(table.row_totals[0], 1000) == SUPPRESSED
    assert rate(table.row_totals[1], 20_000) == "25.0"
    assert rate(table.row_totals[1], 0) == "–"


# The attack: a reader who has only the published strings, and knows "<5" is 1 to 4 and "[c]" is
# 5 or more, tries every value each hidden cell could take and keeps those every total allows.


def attack(cells, row_totals, column_totals=None, grand=None, most=60):
    """Every value each hidden cell can take, consistent with all shown figures and markers."""

    def domain(text):
        if text == SUPPRESSED:
            return range(1, 5)
        if text == WITHHELD:
            return range(5, most + 1)
        return (int(text.replace(",", "")),)

    def fits(text, value):
        return value in domain(text)

    height, width = len(cells), len(cells[0])
    grid = [[0] * width for _ in cells]
    found = {
        (i, j): set()
        for i in range(height)
        for j in range(width)
        if cells[i][j] in (SUPPRESSED, WITHHELD)
    }

    def whole():
        if not all(fits(t, sum(r)) for t, r in zip(row_totals, grid, strict=True)):
            return False
        if column_totals is None:
            return True
        sums = [sum(r[j] for r in grid) for j in range(width)]
        ok = all(fits(t, s) for t, s in zip(column_totals, sums, strict=True))
        return ok and fits(grand, sum(sums))

    def fill(k):  # cells in reading order; a cell its shown row or column total fixes is fixed
        if k == height * width:
            if whole():
                for i, j in found:
                    found[(i, j)].add(grid[i][j])
            return
        i, j = divmod(k, width)
        choices = domain(cells[i][j])
        if j == width - 1 and row_totals[i] not in (SUPPRESSED, WITHHELD):
            choices = [int(row_totals[i].replace(",", "")) - sum(grid[i][:j])]
        elif (
            i == height - 1
            and column_totals is not None
            and column_totals[j] not in (SUPPRESSED, WITHHELD)
        ):
            choices = [int(column_totals[j].replace(",", "")) - sum(r[j] for r in grid[:i])]
        for v in choices:
            if v not in domain(cells[i][j]):
                continue
            grid[i][j] = v
            fill(k + 1)
        grid[i][j] = 0

    fill(0)
    return found


def published(table):
    cells, totals, columns, grand = shown(table)
    return {"cells": cells, "row_totals": totals, "column_totals": columns, "grand": grand}


def test_the_attack_recovers_a_small_figure_beside_one_withheld_figure():
    # What the old rule published for the row 1, 5, 50 (total 56): it withheld the 5 beside the
    # 1 and stopped there. 56 - 50 = 6 between them, and [c] is at least 5: the <5 is 1.
    found = attack([[SUPPRESSED, WITHHELD, "50"]], ["56"])
    assert found == {(0, 0): {1}, (0, 1): {5}}


def test_a_small_figure_beside_one_withheld_figure_is_not_recoverable():
    table = suppress([[1, 5, 50]])
    # The 1 is primary; the 5 goes beside it; 56 - 50 = 6 would pin them (1 and 5), so the 50
    # goes too; then each column's total equals its one cell, so the totals go with them.
    assert published(table) == {
        "cells": [[SUPPRESSED, WITHHELD, WITHHELD]],
        "row_totals": ["56"],
        "column_totals": [SUPPRESSED, WITHHELD, WITHHELD],
        "grand": "56",
    }
    assert attack(**published(table))[(0, 0)] == {1, 2, 3, 4}


def test_two_small_figures_beside_a_total_do_not_give_their_sum_away():
    # 2 and 1 beside 50, total 53: 53 - 50 = 3 would say there are three between them.
    table = suppress([[2, 1, 50]], column_totals=False)
    assert shown(table)[0] == [[SUPPRESSED, SUPPRESSED, WITHHELD]]
    assert shown(table)[1] == ["53"]
    found = attack(**published(table))
    assert found[(0, 0)] == {1, 2, 3, 4} and found[(0, 1)] == {1, 2, 3, 4}
    # their sum can now be anything from 2 to 8, not the 3 it is
    assert {a + b for a in found[(0, 0)] for b in found[(0, 1)]} == set(range(2, 9))


def test_one_small_figure_beside_a_total_is_not_recoverable():
    # 3 beside 20 and 30, total 53: 53 - 50 = 3 exactly, so the 20 goes; 53 - 30 = 23 then
    # leaves the 3 between 1 and 4 (the 20 between 19 and 22).
    table = suppress([[3, 20, 30]], column_totals=False)
    assert shown(table)[0] == [[SUPPRESSED, WITHHELD, "30"]]
    assert attack(**published(table)) == {(0, 0): {1, 2, 3, 4}, (0, 1): {19, 20, 21, 22}}


def test_a_table_worked_by_hand_withstands_the_attack_across_rows_and_columns():
    #            a    b    c  | total
    # row 1      1    5   20  |  26
    # row 2      7    8    9  |  24
    # total      8   13   29  |  50
    # The 1 is primary. Row 1 takes the 5 with it; column a the 7; row 2 the 8. Then row 1
    # pins the 1 (26 - 20 = 6 = 1 + 5), so the 20 goes; column c the 9. Column a still
    # limits the 1 to 1, 2 or 3 (8 less a [c] of at least 5), which is enough.
    table = suppress([[1, 5, 20], [7, 8, 9]])
    assert published(table) == {
        "cells": [[SUPPRESSED, WITHHELD, WITHHELD], [WITHHELD, WITHHELD, WITHHELD]],
        "row_totals": ["26", "24"],
        "column_totals": ["8", "13", "29"],
        "grand": "50",
    }
    assert attack(**published(table), most=30)[(0, 0)] == {1, 2, 3}


def test_no_small_figure_of_a_larger_table_can_be_recovered():
    rows = [[1, 8, 9, 0], [6, 7, 2, 11], [13, 0, 14, 15]]
    table = suppress(rows)
    found = attack(**published(table), most=25)
    for i, j in [(0, 0), (1, 2)]:
        assert rows[i][j] in found[(i, j)] and len(found[(i, j)]) > 1


def test_a_grand_total_withheld_elsewhere_is_withheld_here_and_still_protects():
    table = suppress([[10, 20], [30, 40]], withhold_grand=True)
    cells, totals, columns, grand = shown(table)
    assert grand == WITHHELD
    # the grand total is then one hidden figure in the line of row totals (and of column
    # totals), so a row total and a column total go with it
    assert WITHHELD in totals and WITHHELD in columns


def test_two_tables_of_the_same_figures_withhold_the_same_totals():
    # 30 requests by district (3 and 27) and by month (10, 10, 10): the district table withholds
    # a column total (the 3's column is lone beside its total), so the month table withholds
    # it too, else its total row would give the district table's hidden figures away.
    by_district = [[3, 9], [0, 18]]
    by_month = [[1, 9], [1, 9], [1, 9]]
    one, two = linked(by_district, by_month)
    assert [str(f) for f in one.column_totals] == [str(f) for f in two.column_totals]
    assert str(one.grand_total) == str(two.grand_total)
    assert one.column_totals[0].suppressed
