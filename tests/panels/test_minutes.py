"""Minutes: generated from decisions, locked once approved, corrected by new versions; PDF."""

import pytest

from teamaround.core.errors import AccessDenied, DomainError
from teamaround.panels import services
from teamaround.panels.models import MinutesVersion

pytestmark = pytest.mark.django_db


def test_approved_minutes_cannot_be_edited_and_corrections_are_versions(heard_case):
    ctx = heard_case
    coordinator, meeting = ctx["coordinator"], ctx["meeting"]
    services.panel_decision_record(
        actor=coordinator,
        item=ctx["item"],
        kind="no_further_action",
        summary="Universal services meet the need.",
    )
    draft = services.minutes_generate(actor=coordinator, meeting=meeting)
    assert "Universal services meet the need." in draft.draft_html
    minutes = services.minutes_approve(actor=coordinator, meeting=meeting)
    approved_html = minutes.current.html
    with pytest.raises(DomainError, match="cannot be edited"):
        services.minutes_generate(actor=coordinator, meeting=meeting)
    with pytest.raises(DomainError, match="cannot be edited"):
        services.minutes_approve(actor=coordinator, meeting=meeting)
    with pytest.raises(DomainError, match="closed"):
        services.attendance_record(actor=coordinator, meeting=meeting, present_ids=[])
    with pytest.raises(DomainError):
        services.minutes_correct(actor=coordinator, meeting=meeting, correction="", reason="x")
    version = services.minutes_correct(
        actor=coordinator,
        meeting=meeting,
        correction="Housing sent apologies.",
        reason="Attendance misrecorded",
    )
    assert version.number == 2 and "Housing sent apologies." in version.html
    assert MinutesVersion.objects.get(minutes=minutes, number=1).html == approved_html
    with pytest.raises(AccessDenied):
        services.minutes_correct(actor=ctx["referrer"], meeting=meeting, correction="x", reason="y")


def test_minutes_pages_and_pdf(heard_case, signed_in):
    ctx = heard_case
    client = signed_in(ctx["chair"])
    url = f"/panels/meetings/{ctx['meeting'].pk}/minutes/"
    assert client.post(url, {"step": "approve"}).status_code == 302
    page = client.get(url).content.decode()
    assert "Approved" in page and "Not heard: carried over" in page
    pdf = client.get(f"/panels/meetings/{ctx['meeting'].pk}/minutes.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    from teamaround.core.models import AuditEvent

    exported = AuditEvent.objects.filter(action="export", object_id=str(ctx["meeting"].pk))
    assert exported.count() == 1  # the PDF leaves TeamAround: recorded as an export
    response = client.post(url + "correct/", {"correction": "", "reason": ""})
    assert response.status_code == 200 and "govuk-error-summary" in response.content.decode()


def test_downloading_the_minutes_is_a_share_in_the_ledger(heard_case, signed_in):
    """The PDF takes a copy of what the panel decided about the family out of TeamAround: a
    share to the person downloading it, on the basis the referral recorded; once that
    consent is withdrawn the download is refused (the page can still be read)."""
    from teamaround.core.access import SYSTEM
    from teamaround.governance import services as governance
    from teamaround.governance.models import Channel, Disclosure, Outcome, Purpose, SharingBasis

    ctx = heard_case
    client = signed_in(ctx["chair"])
    pdf_url = f"/panels/meetings/{ctx['meeting'].pk}/minutes.pdf"
    assert client.get(pdf_url).status_code == 200
    shared = Disclosure.objects.filter(channel=Channel.EXPORT, outcome=Outcome.SHARED)
    entry = shared.get(person=ctx["child"])
    assert entry.recipient_user == ctx["chair"] and entry.record_id == str(ctx["meeting"].pk)
    assert entry.basis.purpose == Purpose.PANEL
    consent = SharingBasis.objects.get(person=ctx["child"], purpose=Purpose.PANEL)
    governance.basis_withdraw(actor=SYSTEM, basis=consent, reason="Mum withdrew consent")
    refused = client.get(pdf_url)
    assert refused.status_code == 400 and "withdrawn" in refused.content.decode()
    assert Disclosure.objects.filter(
        channel=Channel.EXPORT, outcome=Outcome.REFUSED, person=ctx["child"]
    ).exists()
    assert client.get(f"/panels/meetings/{ctx['meeting'].pk}/minutes/").status_code == 200
