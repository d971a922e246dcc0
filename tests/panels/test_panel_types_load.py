"""panel_types_load and its command: the Essex default, and bad files that land nothing."""

import json

import pytest
from django.core.management import CommandError, call_command

from teamaround.core.access import SYSTEM
from teamaround.core.errors import AccessDenied, ValidationFailed
from teamaround.panels.models import PanelType
from teamaround.panels.services import panel_types_load
from teamaround.panels.services.types import essex_panel_types

pytestmark = pytest.mark.django_db


def test_essex_panel_types_and_their_rules(panel_types):
    assert panel_types["marac"].restricted and panel_types["marac"].sharing_basis == "statutory"
    assert (
        panel_types["marac"].frequency == "twice_daily" and panel_types["marac"].records_risk_score
    )
    assert (
        panel_types["maag"].scope == "district" and panel_types["maag"].sharing_basis == "consent"
    )
    assert panel_types["mace2"].scope == "quadrant" and panel_types["mace2"].case_subject == "place"
    assert panel_types["jap"].decision_kinds[0] == "joint_funding"


def test_a_bad_file_lands_nothing_and_only_administrators_load(make_user, tmp_path):
    from teamaround.accounts.roles import Role

    data = essex_panel_types()
    data["panel_types"][1]["scope"] = "galaxy"
    data["panel_types"][2]["decision_kinds"] = ["anything"]
    with pytest.raises(ValidationFailed) as raised:
        panel_types_load(actor=SYSTEM, data=data)
    assert {"1.scope", "2.decision_kinds"} <= set(raised.value.errors)
    assert not PanelType.objects.exists()
    with pytest.raises(AccessDenied):
        panel_types_load(actor=make_user(Role.PANEL_CHAIR), data=essex_panel_types())
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    with pytest.raises(CommandError, match="Nothing loaded"):
        call_command("load_panel_types", str(bad))
    call_command("load_panel_types")
    assert PanelType.objects.count() == 7
