"""Board packs: built in one action by a background task, with progress; the quarter's
headline measures and performance figures worked by hand; the services whose latest
judgement is to recommission or decommission, and why; the commissioner's commentary; HTML and
a tagged PDF, both audited as exports; who may build and read them."""

import io
from datetime import date, timedelta

import pypdf
import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from teamaround.accounts.roles import Role
from teamaround.commissioning import services
from teamaround.commissioning.board_packs import (
    board_pack_run,
    pack_contents,
    quarter_choices,
    quarter_of,
)
from teamaround.commissioning.models import BoardPack, ServiceJudgement
from teamaround.core.access import SYSTEM
from teamaround.core.errors import AccessDenied, DomainError
from teamaround.core.models import AuditAction, AuditEvent, District, NeedDomain, WindscreenLevel
from teamaround.directory import services as directory
from tests.commissioning.conftest import at

Q1 = date(2026, 4, 1)  # April to June 2026
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def _service(name, districts):
    organisation = directory.organisation_create(
        actor=SYSTEM, name=f"{name} provider", description="Help."
    )
    return directory.service_create(
        actor=SYSTEM,
        organisation=organisation,
        name=name,
        description="Help for families.",
        access_routes=["via_panel"],
        review_date=timezone.localdate() + timedelta(days=200),
        levels=list(WindscreenLevel.objects.filter(number=2)),
        needs_met=list(NeedDomain.objects.all()[:1]),
        districts=districts,
    )


def _judge(service, judgement, reason, when):
    return ServiceJudgement.objects.create(
        service=service,
        judgement=judgement,
        reason=reason,
        evidence={"indicators": [["Referrals", "12"], ["Families referred (uptake)", "9"]]},
        decided_at=when,
    )


@pytest.fixture
def judged(hub_requests):
    """Parenting Plus (everywhere): continue in January, recommission on 10 May ("waiting
    lists too long"). Youth Hub (everywhere): recommission in April then continue in June (not
    listed). Gamma Drop-in (Gamma only): decommission on 2 June. Late Service: decommission
    on 3 July, after the quarter (not listed)."""
    everywhere = list(District.objects.filter(kind="district"))
    plus = _service("Parenting Plus", everywhere)
    _judge(plus, "continue", "Doing well", at(2026, 1, 5))
    _judge(plus, "recommission", "Waiting lists too long", at(2026, 5, 10))
    youth = _service("Youth Hub", everywhere)
    _judge(youth, "recommission", "Too few referrals", at(2026, 4, 3))
    _judge(youth, "continue", "Referrals recovered", at(2026, 6, 20))
    gamma = _service("Gamma Drop-in", [hub_requests["c"]])
    _judge(gamma, "decommission", "Nobody comes", at(2026, 6, 2))
    _judge(_service("Late Service", everywhere), "decommission", "Later", at(2026, 7, 3))
    return hub_requests


def test_financial_quarters():
    assert quarter_of(date(2026, 6, 30)) == Q1
    assert quarter_of(date(2026, 3, 31)) == date(2026, 1, 1)
    assert quarter_of(date(2026, 12, 3)) == date(2026, 10, 1)
    assert quarter_choices(date(2026, 5, 1), 3) == [
        ("2026-04-01", "Quarter 1 2026-27 (April to June 2026)"),
        ("2026-01-01", "Quarter 4 2025-26 (January to March 2026)"),
        ("2025-10-01", "Quarter 3 2025-26 (October to December 2025)"),
    ]


def test_the_county_pack_figures_worked_by_hand(judged, commissioner):
    pack = BoardPack.objects.create(quarter_start=Q1, created_by=commissioner)
    steps = []
    contents = pack_contents(actor=commissioner, pack=pack, report=lambda p, s: steps.append(p))
    assert steps == [10, 35, 55, 70]
    assert contents.board == "Children's Partnership Board"
    requests = next(h for h in contents.headline if h[0] == "Requests for support")
    # April-June: Alpha 10 and Beta 10 of 35,000 children; January-March: Alpha's 5.
    assert [str(requests[1]), requests[2], str(requests[3]), requests[4]] == [
        "20",
        "5.7",
        "5",
        "1.4",
    ]
    hub = contents.tables[0]
    assert hub.key == "hub-by-district"
    assert ["Alpha", "5", "5", "0", "0", "10", "50.0%"] in hub.rows
    assert ["Beta", "5", "0", "5", "0", "10", "50.0%"] in hub.rows
    assert hub.total == ["Essex", "10", "5", "5", "0", "20", "50.0%"]
    assert [(r["service"], r["judgement"], r["reason"]) for r in contents.recommended] == [
        ("Gamma Drop-in", "Decommission", "Nobody comes"),
        ("Parenting Plus", "Recommission", "Waiting lists too long"),
    ]
    assert len(contents.charts) == 2 and all("<svg" in svg for _, svg in contents.charts)


def test_a_quadrant_pack_has_its_own_districts_and_services(judged, commissioner):
    north = judged["a"].quadrant
    pack = BoardPack.objects.create(quadrant=north, quarter_start=Q1, created_by=commissioner)
    contents = pack_contents(actor=commissioner, pack=pack)
    assert contents.board == "North Local Children's Commissioning and Delivery Board"
    requests = next(h for h in contents.headline if h[0] == "Requests for support")
    assert [str(requests[1]), requests[2]] == ["20", "13.3"]  # of 15,000 children
    assert [r["service"] for r in contents.recommended] == ["Parenting Plus"]
    assert [r[0] for r in contents.tables[0].rows] == ["Alpha", "Beta"]


def test_one_action_builds_the_html_and_a_tagged_pdf(judged, commissioner, signed_in):
    client = signed_in(commissioner)
    response = client.post(
        reverse("commissioning:board-packs"),
        {
            "board": "",
            "quarter": "2026-04-01",
            "summary": "Demand rose in Alpha.",
            "performance_commentary": "Beta's overdue requests need a look.",
            "services_commentary": "Parenting Plus goes out to tender.",
        },
    )
    pack = BoardPack.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("commissioning:board-pack", args=[pack.pk])
    assert (pack.status, pack.progress, pack.step) == ("done", 100, "Ready")
    page = client.get(response["Location"]).content.decode()
    assert "The board pack is ready" in page and "Demand rose in Alpha." in page
    html = client.get(reverse("commissioning:board-pack-html", args=[pack.pk]))
    text = html.content.decode()
    assert "Children&#x27;s Partnership Board" in text or "Children's Partnership Board" in text
    assert "Beta&#x27;s overdue requests need a look." in text
    assert "Waiting lists too long" in text and "Nobody comes" in text
    assert "Too few referrals" not in text and "Later" not in text
    assert "__TA_NONCE__" not in text
    pdf = client.get(reverse("commissioning:board-pack-pdf", args=[pack.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == 'attachment; filename="board-pack-2026-04-county.pdf"'
    reader = pypdf.PdfReader(io.BytesIO(pdf.content))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root
    assert root["/Lang"] == "en-GB"
    words = " ".join(page.extract_text() for page in reader.pages)
    assert "Parenting Plus goes out to tender." in words and "Headline measures" in words
    exports = AuditEvent.objects.filter(action=AuditAction.EXPORT, object_id=str(pack.pk))
    assert exports.count() == 2
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_id=str(pack.pk)).exists()


@override_settings(TASKS=DUMMY)
def test_the_page_shows_progress_until_the_task_has_built_it(judged, commissioner, signed_in):
    pack = services.board_pack_request(actor=commissioner, quadrant=None, quarter_start=Q1)
    assert pack.status == "queued"  # the task has not run
    client = signed_in(commissioner)
    url = reverse("commissioning:board-pack", args=[pack.pk])
    assert "Waiting to be built" in client.get(url).content.decode()
    assert client.get(reverse("commissioning:board-pack-pdf", args=[pack.pk])).status_code == 404
    BoardPack.objects.filter(pk=pack.pk).update(
        status="running", progress=35, step="Measuring the Hub's and panels' performance"
    )
    page = client.get(url).content.decode()
    assert 'value="35"' in page and "Measuring the Hub&#x27;s and panels&#x27; performance" in page
    BoardPack.objects.filter(pk=pack.pk).update(status="queued")
    assert board_pack_run(pack_id=pack.pk) == {"status": "done"}
    assert board_pack_run(pack_id=pack.pk) == {"status": "done"}  # not built twice
    assert "The board pack is ready" in client.get(url).content.decode()


@override_settings(TASKS=DUMMY)
def test_a_pack_fails_if_its_commissioner_may_no_longer_build_packs(judged, commissioner):
    pack = services.board_pack_request(actor=commissioner, quadrant=None, quarter_start=Q1)
    commissioner.role_assignments.all().delete()  # no longer a commissioner
    assert board_pack_run(pack_id=pack.pk) == {"status": "failed"}
    pack.refresh_from_db()
    assert pack.status == "failed" and "may no longer build packs" in pack.failure
    assert pack.pdf in (b"", None) or bytes(pack.pdf) == b""


def test_bad_quarters_are_refused(county, commissioner):
    with pytest.raises(DomainError, match="Choose a financial quarter"):
        services.board_pack_request(
            actor=commissioner, quadrant=None, quarter_start=date(2026, 5, 1)
        )
    future = quarter_of(timezone.localdate() + timedelta(days=100))
    with pytest.raises(DomainError, match="has not begun"):
        services.board_pack_request(actor=commissioner, quadrant=None, quarter_start=future)
    assert not BoardPack.objects.exists()


def test_the_form_refuses_a_quarter_not_offered(county, commissioner, signed_in):
    response = signed_in(commissioner).post(
        reverse("commissioning:board-packs"), {"board": "", "quarter": "2001-04-01"}
    )
    assert response.status_code == 200 and not BoardPack.objects.exists()
    assert "Select a valid choice" in response.content.decode()


READERS = {Role.COMMISSIONER, Role.DATA_ANALYST}


@pytest.fixture
def built(judged, commissioner):
    return services.board_pack_request(actor=commissioner, quadrant=None, quarter_start=Q1)


@pytest.mark.parametrize("role", list(Role))
def test_who_may_read_and_build_board_packs(built, make_user, signed_in, role):
    user = make_user(role)
    client = signed_in(user)
    for name, args in (
        ("commissioning:board-packs", []),
        ("commissioning:board-pack", [built.pk]),
        ("commissioning:board-pack-html", [built.pk]),
        ("commissioning:board-pack-pdf", [built.pk]),
    ):
        status = client.get(reverse(name, args=args)).status_code
        assert status == (200 if role in READERS else 403), (name, role)
    response = client.post(reverse("commissioning:board-packs"), {"quarter": "2026-04-01"})
    if role == Role.COMMISSIONER:
        assert response.status_code == 302
        assert BoardPack.objects.count() == 2
    else:
        assert response.status_code == 403
        assert BoardPack.objects.count() == 1
    exports = AuditEvent.objects.filter(action=AuditAction.EXPORT, actor=user)
    assert exports.count() == (2 if role in READERS else 0)


def test_an_analyst_reads_packs_but_is_not_offered_the_form(built, analyst, signed_in):
    page = signed_in(analyst).get(reverse("commissioning:board-packs")).content.decode()
    assert "Build the board pack" not in page and escape(str(built)) in page
    with pytest.raises(AccessDenied):
        services.board_pack_request(actor=analyst, quadrant=None, quarter_start=Q1)


def test_signed_out_visitors_are_sent_to_sign_in(built, client):
    for name, args in (
        ("commissioning:board-packs", []),
        ("commissioning:board-pack", [built.pk]),
        ("commissioning:board-pack-html", [built.pk]),
        ("commissioning:board-pack-pdf", [built.pk]),
    ):
        response = client.get(reverse(name, args=args))
        assert response.status_code == 302 and "sign-in" in response["Location"]
