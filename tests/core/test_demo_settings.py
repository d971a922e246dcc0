"""The demo runs as a visitor would meet the service: DEBUG off by default (so a missing page
is the service's own 404, never Django's debug page listing every route), and its styles and
scripts still served without a collectstatic step."""

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.django_db


def test_debug_is_off_unless_a_developer_turns_it_on():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_DEBUG"}
    env["DJANGO_SETTINGS_MODULE"] = "teamaround.settings"
    code = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
    default = subprocess.run(  # noqa: S603 - this interpreter, fixed code
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert default.stdout.strip() == "False"
    turned_on = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        env=env | {"DJANGO_DEBUG": "1"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert turned_on.stdout.strip() == "True"


def test_a_missing_page_is_the_services_own_404(client):
    response = client.get("/no-such-page/at-all/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Page not found" in page and "govuk-header" in page
    assert "URLconf" not in page and "Using the URLconf" not in page


def test_static_files_are_served_with_debug_off(client, settings):
    settings.DEBUG = False
    response = client.get("/static/vendor/govuk/teamaround.css")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
