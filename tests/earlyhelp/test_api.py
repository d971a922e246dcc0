"""The API: same rules as the pages; a stale plan version is a 409; bad input a 400."""

from django.utils import timezone

from teamaround.earlyhelp.models import Episode, NeedScore

BASE = "/api/v1/early-help/episodes/"


def test_list_and_retrieve_follow_the_read_rule(planned, api_as, worker, outsider):
    assert [row["id"] for row in api_as(worker).get(BASE).json()] == [str(planned.pk)]
    assert api_as(outsider).get(BASE).json() == []
    assert api_as(outsider).get(f"{BASE}{planned.pk}/").status_code == 404


def test_open_by_api_and_bad_input(family, api_as, worker):
    api = api_as(worker)
    body = {
        "family": str(family.pk),
        "level": 2,
        "lead_professional": str(worker.pk),
        "family_agreed_on": timezone.localdate().isoformat(),
        "family_agreed_by": "Kerry",
    }
    bad = api.post(BASE, body | {"level": 4}, format="json")
    assert bad.status_code == 400 and "level" in bad.json()
    created = api.post(BASE, body, format="json")
    assert created.status_code == 201 and Episode.objects.get().level.number == 2


def test_plan_with_a_stale_version_is_a_409_and_nothing_changes(planned, api_as, worker, colleague):
    url = f"{BASE}{planned.pk}/plan/"
    version = api_as(worker).get(url).json()["version"]
    assert (
        api_as(worker)
        .put(url, {"outcomes": "First", "version": version}, format="json")
        .status_code
        == 200
    )
    conflict = api_as(colleague).put(url, {"outcomes": "Second", "version": version}, format="json")
    assert conflict.status_code == 409 and "Someone else saved" in conflict.json()["version"][0]
    assert api_as(worker).get(url).json()["outcomes"] == "First"


def test_plan_action_without_date_is_a_400(planned, api_as, worker):
    url = f"{BASE}{planned.pk}/plan/"
    body = {
        "outcomes": "x",
        "version": planned.plan.version,
        "actions": [{"what": "Visit", "owner": str(worker.pk)}],
    }
    response = api_as(worker).put(url, body, format="json")
    assert response.status_code == 400 and "actions-0-due_on" in response.json()


def test_meeting_scores_by_api_0_to_10(planned, api_as, worker):
    url = f"{BASE}{planned.pk}/meetings/"
    body = {
        "held_on": timezone.localdate().isoformat(),
        "family_views": "Going well",
        "attendance": [{"name": "Fran", "agency": "EH", "attendance": "attended"}],
        "scores": [{"domain": "parenting", "score": 12}],
    }
    assert api_as(worker).post(url, body, format="json").status_code == 400
    assert not NeedScore.objects.exists()
    body["scores"][0]["score"] = 8
    response = api_as(worker).post(url, body, format="json")
    assert response.status_code == 201 and response.json()[0]["scores"][0]["score"] == 8


def test_outsider_cannot_change_the_plan(planned, api_as, teacher):
    url = f"{BASE}{planned.pk}/plan/"
    response = api_as(teacher).put(url, {"outcomes": "x", "version": 1}, format="json")
    assert response.status_code == 404  # a refused record is not found, so ids reveal nothing
