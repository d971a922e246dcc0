"""The panels API: same rules as the pages, bad input is a 400 with field errors, and the
OpenAPI schema has no warnings."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from teamaround.panels.models import PanelDecision

pytestmark = pytest.mark.django_db


def test_panel_types_are_listed(panel_types, make_user, api_as):
    from teamaround.accounts.roles import Role

    body = api_as(make_user(Role.PRACTITIONER)).get("/api/v1/panel-types/").json()
    codes = {t["code"] for t in body["results"]}
    assert codes == {"maag", "earp", "jap", "marac", "mace1", "mace2", "missing"}
    assert api_as(None).get("/api/v1/panel-types/").status_code in (401, 403)


def test_decision_by_api_with_bad_and_good_input(heard_case, directory_service, api_as):
    service, agency = directory_service
    api = api_as(heard_case["coordinator"])
    lead = heard_case["referrer"]
    base = {
        "item": str(heard_case["item"].pk),
        "kind": "package",
        "summary": "Package",
        "lead_professional": str(lead.pk),
    }
    bad = api.post(
        "/api/v1/panel-decisions/",
        {
            **base,
            "details": {
                "starts_on": str(timezone.localdate()),
                "duration_weeks": 10,
                "parts": [{"service": str(service.pk)}],
            },
        },
        format="json",
    )
    assert bad.status_code == 400
    assert {"review_on", "parts-0-cost"} <= set(bad.json())
    assert (
        api.post(
            "/api/v1/panel-decisions/", {**base, "kind": "nonsense"}, format="json"
        ).status_code
        == 400
    )
    good = api.post(
        "/api/v1/panel-decisions/",
        {
            **base,
            "details": {
                "starts_on": str(timezone.localdate()),
                "duration_weeks": 10,
                "review_on": str(timezone.localdate() + timedelta(weeks=8)),
                "parts": [{"service": str(service.pk), "cost": "800.00"}],
            },
            "actions": [
                {
                    "what": "Start",
                    "owner": str(lead.pk),
                    "due_on": str(timezone.localdate() + timedelta(days=5)),
                }
            ],
        },
        format="json",
    )
    assert good.status_code == 201, good.json()
    decision = PanelDecision.objects.get()
    assert decision.package.parts.get().provider == agency  # the service's own agency
    actions = api_as(lead).get("/api/v1/panel-actions/").json()
    assert [a["what"] for a in actions["results"]] == ["Start"]
    meetings = api.get("/api/v1/panel-meetings/").json()
    assert meetings["count"] == 1
    assert api.get("/api/v1/panel-meetings/not-a-uuid/").status_code == 404


def test_the_schema_has_no_warnings(db, capsys, tmp_path):
    call_command("spectacular", "--fail-on-warn", "--file", str(tmp_path / "schema.yml"))
    assert "panel-decisions" in (tmp_path / "schema.yml").read_text()


def test_a_decision_names_only_services_and_children_the_owning_apps_allow(
    heard_case, directory_service, api_as, make_family
):
    """An archived Directory service, or a child the recorder may not open, is a field error:
    panels take them through the Directory's and people's own rules, not by id."""
    from django.utils import timezone as tz

    service, _ = directory_service
    service.archived_at = tz.now()
    service.save()
    api = api_as(heard_case["coordinator"])
    details = {"starts_on": str(tz.localdate()), "duration_weeks": 10, "review_on": "2030-01-01"}
    body = {"item": str(heard_case["item"].pk), "kind": "package", "summary": "Package"}
    parts = [{"service": str(service.pk), "cost": "10"}]
    archived = api.post(
        "/api/v1/panel-decisions/", {**body, "details": {**details, "parts": parts}}, format="json"
    )
    assert archived.status_code == 400 and "details" in archived.json()
    _, stranger = make_family(surname="Stranger")
    children = {**details, "linked_children": [str(stranger.pk)]}
    hidden = api.post("/api/v1/panel-decisions/", {**body, "details": children}, format="json")
    assert hidden.status_code == 400
    assert "Choose a child whose record you may see." in str(hidden.json())
