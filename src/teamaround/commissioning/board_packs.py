"""Building a board pack: the quarter's headline measures (beside the quarter before), the
Hub's and panels' performance, the services whose latest judgement is to recommission or
decommission them and why, two charts, and the commissioner's commentary; rendered once as
an HTML document and as a tagged PDF (PDF/UA, with its structure tree), both kept on the
pack. Run by a background task (`build_board_pack`) as the commissioner who asked, so their
access is checked again; the pack records its progress step by step for the page to show.

Every figure is one the needs analysis and performance pages publish (suppressed there), so
the pack discloses nothing those pages do not."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task

from teamaround.commissioning import charts
from teamaround.commissioning.models import (
    BoardPack,
    Judgement,
    PackStatus,
    ServiceJudgement,
    quarter_label,
)
from teamaround.core.access import require
from teamaround.core.errors import AccessDenied

logger = logging.getLogger(__name__)
NONCE = "__TA_NONCE__"  # replaced by the page's CSP nonce when the HTML pack is served
RECOMMENDED = (Judgement.RECOMMISSION, Judgement.DECOMMISSION)


def quarter_of(day: date) -> date:
    """The first day of the financial quarter `day` falls in."""
    month = {1: 1, 2: 1, 3: 1, 4: 4, 5: 4, 6: 4, 7: 7, 8: 7, 9: 7}.get(day.month, 10)
    return date(day.year, month, 1)


def quarter_end(start: date) -> date:
    return (start + timedelta(days=95)).replace(day=1) - timedelta(days=1)


def previous_quarter(start: date) -> date:
    return quarter_of(start - timedelta(days=1))


def quarter_choices(today: date, count: int = 8) -> list[tuple[str, str]]:
    start, out = quarter_of(today), []
    for _ in range(count):
        out.append((start.isoformat(), quarter_label(start)))
        start = previous_quarter(start)
    return out


@dataclass
class PackContents:
    board: str
    quarter: str
    area_label: str
    headline: list = field(default_factory=list)  # (title, this, rate, before, rate before)
    tables: list = field(default_factory=list)  # PublishedTable
    charts: list = field(default_factory=list)  # (caption, svg)
    recommended: list = field(default_factory=list)  # dict per service


def _area(pack: BoardPack):
    from teamaround.commissioning.selectors import area_for

    return area_for(f"q:{pack.quadrant.code}") if pack.quadrant_id else area_for()


def _step(pack: BoardPack, progress: int, step: str) -> None:
    BoardPack.objects.filter(pk=pack.pk).update(progress=progress, step=step)


def pack_contents(*, actor, pack: BoardPack, report=lambda progress, step: None):
    """The figures of the pack (each step reported as it is reached)."""
    from teamaround.commissioning.selectors import needs_analysis, performance_figures

    require(actor, "commissioning.build_board_pack", what="build a board pack")
    area, start = _area(pack), pack.quarter_start
    end = quarter_end(start)
    contents = PackContents(pack.board_name, quarter_label(start), area.label)
    report(10, "Counting the quarter's needs")
    now = needs_analysis(actor=actor, area=area, months=3, today=end)
    before = needs_analysis(
        actor=actor, area=area, months=3, today=quarter_end(previous_quarter(start))
    )
    for this, last in zip(now.breakdowns, before.breakdowns, strict=True):
        contents.headline.append(
            (this.measure.title, this.area_total, this.area_rate, last.area_total, last.area_rate)
        )
    report(35, "Measuring the Hub's and panels' performance")
    performance = performance_figures(actor=actor, area=area, months=3, today=end)
    for key in ("hub-by-district", "panels-by-type", "package-reviews"):
        contents.tables.append(performance.table(key))
    report(55, "Finding the services recommended for recommissioning")
    contents.recommended = _recommended(actor, area, end)
    report(70, "Drawing the charts")
    requests = next(b for b in now.breakdowns if b.measure.code == "requests")
    contents.charts.append(
        (
            "Requests for support by district, rate per 10,000 children",
            charts.district_rates_svg(requests, nonce=NONCE),
        )
    )
    contents.charts.append(
        (
            "Hub decisions within one working day by district (%)",
            charts.bar_svg(
                "Hub decisions within one working day (%)",
                performance.table("hub-by-district").chart_values,
                nonce=NONCE,
            ),
        )
    )
    return contents


def _recommended(actor, area, end: date) -> list[dict]:
    """Services whose latest judgement made by the end of the quarter is to recommission or
    decommission them, with the reason and the evidence it was made on; for a quadrant, the
    services offered in its districts."""
    from teamaround.directory.selectors.counts import services_serving

    latest: dict = {}
    judgements = (
        ServiceJudgement.objects.filter(decided_at__date__lte=end, archived_at__isnull=True)
        .select_related("service")
        .order_by("service_id", "-decided_at")
    )
    for judgement in judgements:
        latest.setdefault(judgement.service_id, judgement)
    chosen = [j for j in latest.values() if j.judgement in RECOMMENDED]
    if not area.county:
        serving = services_serving(
            actor=actor,
            service_ids=[j.service_id for j in chosen],
            district_ids=[d.pk for d in area.districts],
        )
        chosen = [j for j in chosen if j.service_id in serving]
    return [
        {
            "service": j.service.name,
            "judgement": j.get_judgement_display(),
            "reason": j.reason,
            "decided_at": j.decided_at,
            "evidence": j.evidence.get("indicators", []),
        }
        for j in sorted(chosen, key=lambda j: (j.judgement, j.service.name))
    ]


def pack_html(pack: BoardPack, contents: PackContents) -> str:
    return render_to_string(
        "commissioning/board_pack_print.html",
        {
            "pack": pack,
            "contents": contents,
            "council": settings.TEAMAROUND_COUNCIL_NAME,
            "built_at": timezone.now(),
            "nonce": NONCE,
        },
    )


def pack_pdf(html: str) -> bytes:
    """A tagged PDF (PDF/UA-1: structure tree, language, title) of the HTML pack."""
    from weasyprint import HTML

    return HTML(string=html.replace(NONCE, "")).write_pdf(pdf_tags=True, pdf_variant="pdf/ua-1")


def board_pack_run(*, pack_id) -> dict:
    """Build a queued pack as the commissioner who asked for it."""
    pack = BoardPack.objects.select_related("quadrant", "created_by").get(pk=pack_id)
    if pack.status not in (PackStatus.QUEUED, PackStatus.FAILED):
        return {"status": pack.status}
    BoardPack.objects.filter(pk=pack.pk).update(status=PackStatus.RUNNING, failure="")
    try:
        contents = pack_contents(
            actor=pack.created_by, pack=pack, report=lambda p, s: _step(pack, p, s)
        )
        _step(pack, 85, "Writing the pack")
        html = pack_html(pack, contents)
        _step(pack, 90, "Making the PDF")
        pdf = pack_pdf(html)
        with transaction.atomic():
            BoardPack.objects.filter(pk=pack.pk).update(
                status=PackStatus.DONE,
                progress=100,
                step="Ready",
                html=html,
                pdf=pdf,
                built_at=timezone.now(),
            )
    except AccessDenied:
        BoardPack.objects.filter(pk=pack.pk).update(
            status=PackStatus.FAILED,
            failure="The commissioner who asked for this pack may no longer build packs.",
        )
        return {"status": PackStatus.FAILED}
    except Exception:  # the commentary is kept so the pack can be built again
        logger.exception("Board pack %s failed", pack.pk)
        BoardPack.objects.filter(pk=pack.pk).update(
            status=PackStatus.FAILED,
            failure="The pack could not be built because of a system error.",
        )
        return {"status": PackStatus.FAILED}
    return {"status": PackStatus.DONE}


@task()
def build_board_pack(pack_id: str) -> dict:
    return board_pack_run(pack_id=pack_id)
