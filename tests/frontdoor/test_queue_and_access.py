"""The queue's one-working-day deadline and its colours across weekends and bank holidays,
its filters, and who may see what: referrers their own outcomes only; partner practitioners
not the queue (page or API), with the refusal audited; a screener's view audited."""

from datetime import date, datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from teamaround.accounts.roles import Role
from teamaround.core.errors import AccessDenied
from teamaround.core.models import AuditAction, AuditEvent
from teamaround.frontdoor import selectors
from teamaround.frontdoor.selectors import QueueFilters
from teamaround.frontdoor.timeliness import annotate_rows, rag

pytestmark = pytest.mark.django_db


def at(day: date, hour: int = 10):
    return timezone.make_aware(datetime.combine(day, datetime.min.time()).replace(hour=hour))


@pytest.mark.parametrize(
    ("sent", "due"),
    [
        (date(2026, 3, 11), date(2026, 3, 12)),  # Wednesday -> Thursday
        (date(2026, 3, 13), date(2026, 3, 16)),  # Friday -> Monday
        (date(2026, 3, 14), date(2026, 3, 16)),  # Saturday -> Monday
        (date(2026, 4, 2), date(2026, 4, 7)),  # Thursday before Good Friday -> after Easter Monday
        (date(2026, 5, 22), date(2026, 5, 26)),  # Friday before the spring bank holiday
    ],
)
def test_a_decision_is_due_one_working_day_after_a_request_arrives(send_at, sent, due):
    rfs = send_at(at(sent))
    assert rfs.due_on == due


@pytest.fixture
def send_at(school_lead, request_values):
    """send_at(moment) -> a complete request sent by the school's lead at that moment."""
    from teamaround.frontdoor import services

    def send(moment, **changes):
        draft = services.request_for_support_save_draft(
            actor=school_lead, values=request_values(**changes)
        )
        return services.request_for_support_submit(actor=school_lead, request=draft, when=moment)

    return send


def test_red_amber_green_across_the_easter_bank_holidays():
    due = date(2026, 4, 7)
    assert rag(due, date(2026, 4, 3)) == "green"  # Good Friday
    assert rag(due, date(2026, 4, 6)) == "green"  # Easter Monday
    assert rag(due, date(2026, 4, 7)) == "amber"
    assert rag(due, date(2026, 4, 8)) == "red"


def test_the_queue_filters_and_colours_open_requests(send_at, screener, signed_in, level):
    late = send_at(at(date(2026, 4, 2)))
    today = send_at(at(date(2026, 4, 6)))
    fresh = send_at(at(date(2026, 4, 7)), level_suggested=level(3))
    on = date(2026, 4, 7)
    queue = selectors.hub_queue(actor=screener, today=on)
    assert late in queue and today in queue and fresh in queue
    rows = {r.pk: r.rag for r in annotate_rows(queue, on)}
    assert rows[late.pk] == "amber" and rows[today.pk] == "amber" and rows[fresh.pk] == "green"
    assert list(selectors.hub_queue(actor=screener, filters=QueueFilters(level=3), today=on)) == [
        fresh
    ]
    assert set(
        selectors.hub_queue(actor=screener, filters=QueueFilters(rag="green"), today=on)
    ) == {fresh}
    assert (
        selectors.hub_queue(
            actor=screener, filters=QueueFilters(screener="unassigned"), today=on
        ).count()
        == 3
    )
    page = signed_in(screener).get(reverse("frontdoor:queue"), {"district": "chelmsford"})
    assert page.status_code == 200 and late.reference in page.content.decode()


def test_partner_practitioners_cannot_open_the_queue_and_the_refusal_is_audited(
    school_lead, signed_in, api_as
):
    response = signed_in(school_lead).get(reverse("frontdoor:queue"))
    assert response.status_code == 403
    assert api_as(school_lead).get("/api/v1/hub/queue/").status_code == 403
    refusals = AuditEvent.objects.filter(action=AuditAction.REFUSED, actor=school_lead)
    assert refusals.filter(summary="Refused: open the Hub queue").count() == 2


def test_referrers_see_only_their_own_requests(sent_request, make_user, signed_in, api_as):
    rfs = sent_request()
    colleague = make_user(Role.PRACTITIONER, team=rfs.referrer.team)
    with pytest.raises(AccessDenied):
        selectors.request_get(actor=colleague, request_id=rfs.pk)
    assert (
        signed_in(colleague).get(reverse("frontdoor:request-detail", args=[rfs.pk])).status_code
        == 403
    )
    assert rfs not in selectors.my_requests(actor=colleague)
    assert api_as(colleague).get(f"/api/v1/hub/requests/{rfs.pk}/").status_code == 404
    own = api_as(rfs.referrer).get("/api/v1/hub/requests/").json()
    assert [r["reference"] for r in own["results"]] == [rfs.reference]


def test_a_screeners_view_is_audited_and_a_referrers_is_not(sent_request, screener, signed_in):
    rfs = sent_request()
    signed_in(rfs.referrer).get(reverse("frontdoor:request-detail", args=[rfs.pk]))
    assert not AuditEvent.objects.filter(action=AuditAction.VIEW, object_id=str(rfs.pk)).exists()
    signed_in(screener).get(reverse("frontdoor:request-detail", args=[rfs.pk]))
    view = AuditEvent.objects.get(action=AuditAction.VIEW, object_id=str(rfs.pk))
    assert view.actor == screener and rfs.child_surname not in view.summary


def test_the_hub_never_sees_a_draft(school_lead, screener):
    from teamaround.frontdoor import services

    draft = services.request_for_support_save_draft(actor=school_lead, values={})
    with pytest.raises(AccessDenied):
        selectors.request_get(actor=screener, request_id=draft.pk)


def test_the_api_sends_and_decides_with_the_same_rules(api_as, school_lead, screener, chelmsford):
    payload = {
        "child_forenames": "Ava",
        "child_surname": "Linton",
        "child_date_of_birth": "2013-01-05",
        "concern": "Self-harm at school",
        "tried": "School counsellor",
        "level_suggested": 3,
        "consent": "no",
    }
    bad = api_as(school_lead).post("/api/v1/hub/requests/", payload, format="json")
    assert bad.status_code == 400 and "consent" in bad.json() and "no_consent_reason" in bad.json()
    payload |= {"consent": "yes"}
    sent = api_as(school_lead).post("/api/v1/hub/requests/", payload, format="json")
    assert sent.status_code == 201 and sent.json()["status"] == "submitted"
    url = f"/api/v1/hub/requests/{sent.json()['id']}/decision/"
    refused = api_as(school_lead).post(
        url,
        {"level": 1, "route": "advice_signposting", "rationale": "x", "other_services": "y"},
        format="json",
    )
    assert refused.status_code == 403
    wrong = api_as(screener).post(
        url, {"level": 1, "route": "social_care", "rationale": "x"}, format="json"
    )
    assert wrong.status_code == 400 and "route" in wrong.json()
    decided = api_as(screener).post(
        url,
        {
            "level": 1,
            "route": "advice_signposting",
            "rationale": "Universal",
            "other_services": "Library",
        },
        format="json",
    )
    assert decided.status_code == 201 and decided.json()["level"] == 1
    queue = api_as(screener).get("/api/v1/hub/queue/")
    assert queue.status_code == 200 and queue.json()["count"] == 0


def test_the_flow_is_for_the_hubs_manager(
    hub_manager, school_lead, signed_in, sent_request, screener, level
):
    from teamaround.frontdoor import services

    rfs = sent_request()
    sent_request(person=rfs.person)
    services.hub_decision_record(
        actor=screener,
        request=rfs,
        level=level(1),
        route="advice_signposting",
        rationale="x",
        other_services="Library",
    )
    assert signed_in(school_lead).get(reverse("frontdoor:flow")).status_code == 403
    flow = selectors.hub_flow(
        actor=hub_manager, date_from=timezone.localdate(), date_to=timezone.localdate()
    )
    assert (flow.received, flow.decided, flow.in_time, flow.re_referrals) == (2, 1, 1, 1)
    assert flow.by_district == [("Chelmsford", 2, 1, 1)]
    assert flow.levels == [(1, "Universal", 1, "100%")]
    page = signed_in(hub_manager).get(reverse("frontdoor:flow")).content.decode()
    assert "Decisions by level of need" in page and "Chelmsford" in page


def test_the_queue_page_and_api_record_the_requests_they_returned(
    sent_request, screener, school_lead, signed_in, api_as
):
    rfs = sent_request()

    def listed(user):
        return list(
            AuditEvent.objects.filter(
                actor=user, action=AuditAction.VIEW, object_type="frontdoor.requestforsupport"
            ).values_list("object_id", flat=True)
        )

    assert signed_in(screener).get(reverse("frontdoor:queue")).status_code == 200
    assert listed(screener) == [str(rfs.pk)]
    rows = api_as(screener).get("/api/v1/hub/queue/").json()["results"]
    assert [row["id"] for row in rows] == [str(rfs.pk)]
    assert listed(screener) == [str(rfs.pk)] * 2
    # The referrer's own list is accounted for too; the queue refuses them and lists nothing.
    assert api_as(school_lead).get("/api/v1/hub/queue/").status_code == 403
    api_as(school_lead).get("/api/v1/hub/requests/")
    assert listed(school_lead) == [str(rfs.pk)]
