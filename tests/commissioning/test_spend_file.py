"""Spending returns: every bad cell reported by sheet, row and column, and nothing written
unless the whole file is good."""

import io
from decimal import Decimal

import pytest
from openpyxl import Workbook

from teamaround.accounts.roles import Role
from teamaround.commissioning import services
from teamaround.commissioning.models import Spend
from teamaround.core.errors import AccessDenied, ValidationFailed
from tests.factories import AgencyFactory

HEADER = ["Priority", "District", "Financial year", "Amount"]


def xlsx(sheets: dict) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv_bytes(rows) -> bytes:
    return "\n".join(",".join(str(c) for c in row) for row in rows).encode()


@pytest.fixture
def agency(db):
    return AgencyFactory(name="Wellbeing Trust")


@pytest.fixture
def analyst(make_user):
    return make_user(Role.DATA_ANALYST)


def problems(error) -> list[str]:
    return error.value.errors["file"]


def run(actor, agency, name, content):
    return services.spend_import(actor=actor, agency=agency, name=name, content=content)


def test_a_good_workbook_is_imported_whole_and_a_second_import_corrects_it(
    county, priorities, agency, analyst
):
    content = xlsx(
        {
            "Spend": [
                HEADER,
                ["Health", "Alpha", "2025-26", 12000.5],
                ["youth-neet", "beta", 2025, "£1,500"],
            ],
            "Notes": [],
        }
    )
    assert run(analyst, agency, "return.xlsx", content) == 2
    amounts = {(s.priority.code, s.district.code): s.amount for s in Spend.objects.all()}
    assert amounts == {("health", "alpha"): Decimal("12000.50"), ("youth-neet", "beta"): 1500}
    run(analyst, agency, "return.csv", csv_bytes([HEADER, ["Health", "Alpha", "2025/26", "9000"]]))
    assert Spend.objects.get(priority__code="health").amount == 9000
    assert Spend.objects.count() == 2


def test_every_bad_cell_is_reported_by_sheet_row_and_column_and_nothing_is_written(
    county, priorities, agency, analyst
):
    content = xlsx(
        {
            "Spend": [
                HEADER,
                ["Health", "Alpha", "2025-26", 100],
                ["Astrology", "Atlantis", "2025-27", -5],
                ["Health", "Beta", "next year", "lots"],
                ["Health", "Alpha", "2025-26", 200],
            ],
            "Second": [
                ["Amount", "District", "Priority", "Financial year"],
                [5, "Gamma", "Health", "2024"],
                [None, "Gamma", "Health", "2024"],
            ],
        }
    )
    with pytest.raises(ValidationFailed) as error:
        run(analyst, agency, "return.xlsx", content)
    assert problems(error) == [
        'Sheet "Spend", row 3, column A (Priority): "Astrology" is not a priority area.',
        'Sheet "Spend", row 3, column B (District): "Atlantis" is not a district.',
        'Sheet "Spend", row 3, column C (Financial year): "2025-27" is not a year like 2025-26.',
        'Sheet "Spend", row 3, column D (Amount): the amount cannot be negative.',
        'Sheet "Spend", row 4, column C (Financial year): "next year" is not a year like 2025-26.',
        'Sheet "Spend", row 4, column D (Amount): "lots" is not an amount in pounds.',
        'Sheet "Spend", row 5: the same priority, district and year as sheet "Spend" row 2.',
        'Sheet "Second", row 3, column A (Amount): A blank is not an amount in pounds.',
    ]
    assert not Spend.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("return.csv", b"", "The file is empty."),
        (
            "return.csv",
            b"Priority,District,Year,Cost\nHealth,Alpha,2025,5\n",
            "missing: Financial year, Amount",
        ),
        ("return.csv", b"Priority,District,Financial year,Amount\n", "no rows of spending"),
        ("return.pdf", b"%PDF-1.4", "must be a spreadsheet: .xlsx or .csv"),
        ("return.xlsx", b"Priority,District\n", "not an Excel workbook"),
        ("return.csv", "Priorité".encode("utf-16"), "UTF-8"),
        ("return.csv", b"Priority,District,Financial year,Amount\nHealth,Alpha,2025,\x00\n", "NUL"),
        ("return.csv", b"x" * (5 * 2**20 + 1), "smaller than 5 MB"),
    ],
)
def test_a_malformed_file_changes_nothing(
    county, priorities, agency, analyst, name, content, message
):
    with pytest.raises(ValidationFailed) as error:
        run(analyst, agency, name, content)
    assert any(message in problem for problem in problems(error)), problems(error)
    assert not Spend.objects.exists()


def test_too_many_rows_are_refused(county, priorities, agency, analyst):
    rows = [HEADER] + [["Health", "Alpha", 2000 + (n % 90), n] for n in range(20_001)]
    with pytest.raises(ValidationFailed) as error:
        run(analyst, agency, "return.csv", csv_bytes(rows))
    assert "more than 20,000 rows" in problems(error)[0]
    assert not Spend.objects.exists()


def test_a_commissioner_records_only_their_own_agencys_spend(county, priorities, agency, make_user):
    content = csv_bytes([HEADER, ["Health", "Alpha", "2025", "10"]])
    own = make_user(Role.COMMISSIONER)
    assert run(own, own.agency, "r.csv", content) == 1
    with pytest.raises(AccessDenied):
        run(own, agency, "r.csv", content)
    with pytest.raises(AccessDenied):
        run(make_user(Role.PRACTITIONER), agency, "r.csv", content)
    assert Spend.objects.count() == 1
