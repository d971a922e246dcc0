"""No lost update at panels: case summaries and corrections to approved minutes. The second
editor of the same version sees both texts and nothing is overwritten or added over the top;
two saves racing on PostgreSQL: one wins, the other gets the conflict."""

import pytest

from teamaround.core.errors import AccessDenied, StaleVersion
from teamaround.panels import services
from teamaround.panels.models import CaseSummary, Minutes, MinutesVersion
from tests.concurrency import one_wins, race

pytestmark = pytest.mark.django_db


def _approved(ctx):
    services.panel_decision_record(
        actor=ctx["coordinator"], item=ctx["item"], kind="no_further_action", summary="NFA"
    )
    return services.minutes_approve(actor=ctx["coordinator"], meeting=ctx["meeting"])


def test_a_stale_case_summary_is_refused_and_keeps_both(heard_case):
    ctx = heard_case
    summary = ctx["item"].summary
    read = summary.version
    services.case_summary_save(
        actor=ctx["coordinator"], summary=summary, text="The coordinator's", version=read
    )
    with pytest.raises(StaleVersion) as conflict:
        services.case_summary_save(
            actor=ctx["chair"],
            summary=CaseSummary.objects.get(pk=summary.pk),
            text="The chair's",
            version=read,
        )
    assert conflict.value.current.text == "The coordinator's"
    assert conflict.value.submitted == {"text": "The chair's"}
    assert CaseSummary.objects.get(pk=summary.pk).text == "The coordinator's"


def test_the_second_case_summary_editor_sees_both_texts(heard_case, client, signed_in):
    ctx = heard_case
    summary = ctx["item"].summary
    url = f"/panels/summaries/{summary.pk}/"
    read = summary.version
    assert f'name="version" value="{read}"' in signed_in(ctx["coordinator"]).get(url).text
    assert client.post(url, {"text": "The coordinator's", "version": read}).status_code == 302
    client.logout()
    response = signed_in(ctx["chair"]).post(url, {"text": "The chair's", "version": read})
    assert response.status_code == 200
    assert "Someone else saved this case summary" in response.text
    assert 'conflict-saved">The coordinator&#x27;s' in response.text
    assert 'conflict-yours">The chair&#x27;s' in response.text
    assert CaseSummary.objects.get(pk=summary.pk).text == "The coordinator's"


def test_a_member_who_does_not_run_the_meeting_cannot_change_a_summary(heard_case, signed_in):
    ctx = heard_case
    summary = ctx["item"].summary
    member = ctx["members"][0]
    url = f"/panels/summaries/{summary.pk}/"
    response = signed_in(member).post(url, {"text": "Not mine", "version": summary.version})
    assert response.status_code == 403
    with pytest.raises(AccessDenied):
        services.case_summary_save(
            actor=member, summary=summary, text="Not mine", version=summary.version
        )
    assert CaseSummary.objects.get(pk=summary.pk).text != "Not mine"


def test_a_correction_made_from_stale_minutes_is_refused(heard_case):
    ctx = heard_case
    minutes = _approved(ctx)
    read = minutes.version
    services.minutes_correct(
        actor=ctx["coordinator"],
        meeting=ctx["meeting"],
        correction="Housing sent apologies.",
        reason="Attendance",
        version=read,
    )
    with pytest.raises(StaleVersion) as conflict:
        services.minutes_correct(
            actor=ctx["chair"],
            meeting=ctx["meeting"],
            correction="Police attended.",
            reason="Attendance",
            version=read,
        )
    assert conflict.value.saved["correction"] == "Housing sent apologies."
    assert MinutesVersion.objects.filter(minutes=minutes).count() == 2


def test_the_second_corrector_sees_the_correction_saved_first(heard_case, client, signed_in):
    ctx = heard_case
    minutes = _approved(ctx)
    url = f"/panels/meetings/{ctx['meeting'].pk}/minutes/correct/"
    read = minutes.version
    assert f'name="version" value="{read}"' in signed_in(ctx["coordinator"]).get(url).text
    first = {"correction": "Housing sent apologies.", "reason": "Attendance", "version": read}
    assert client.post(url, first).status_code == 302
    client.logout()
    second = {"correction": "Police attended.", "reason": "Attendance", "version": read}
    response = signed_in(ctx["chair"]).post(url, second)
    assert "Someone else saved these minutes" in response.text
    assert 'conflict-saved">Housing sent apologies.' in response.text
    assert 'conflict-yours">Police attended.' in response.text
    assert MinutesVersion.objects.filter(minutes=minutes).count() == 2
    second["version"] = Minutes.objects.get(pk=minutes.pk).version
    assert client.post(url, second).status_code == 302  # added on purpose, having seen it
    assert MinutesVersion.objects.filter(minutes=minutes).count() == 3


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_two_case_summary_saves_at_once_one_wins(heard_case):
    ctx = heard_case
    summary = ctx["item"].summary
    read = summary.version

    def save(actor, text):
        return lambda: services.case_summary_save(
            actor=actor, summary=CaseSummary.objects.get(pk=summary.pk), text=text, version=read
        )

    winner, _ = one_wins(race(save(ctx["coordinator"], "One"), save(ctx["chair"], "Two")))
    saved = CaseSummary.objects.get(pk=summary.pk)
    assert saved.text == winner.value.text and saved.version == read + 1


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_two_corrections_at_once_one_wins(heard_case):
    ctx = heard_case
    minutes = _approved(ctx)
    read = minutes.version

    def correct(actor, text):
        return lambda: services.minutes_correct(
            actor=actor, meeting=ctx["meeting"], correction=text, reason="Why", version=read
        )

    winner, _ = one_wins(race(correct(ctx["coordinator"], "One"), correct(ctx["chair"], "Two")))
    versions = MinutesVersion.objects.filter(minutes=minutes).order_by("number")
    assert [v.number for v in versions] == [1, 2]
    assert versions.last().correction == winner.value.correction
