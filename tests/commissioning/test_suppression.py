"""Small-number suppression: primary (1-4 shown as "<5") and secondary (no total gives a
suppressed cell away), worked by hand."""

from teamaround.commissioning.suppression import SUPPRESSED, WITHHELD, rate, suppress


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
