"""A family's episode, its plan (on screen and as a PDF) and the episode API carry the
security headers; the plan page's own stylesheet is allowed by the nonce in its policy and by
nothing else."""

import re

import pytest
from django.urls import reverse

from tests.security.headers import assert_security_headers, csp_directives

pytestmark = pytest.mark.django_db


def test_episode_plan_pdf_and_api_are_never_stored(planned, worker, signed_in):
    client = signed_in(worker)
    for url in (
        reverse("earlyhelp:episode", args=[planned.pk]),
        reverse("earlyhelp:plan-print", args=[planned.pk]),
        reverse("earlyhelp:plan-pdf", args=[planned.pk]),
        f"/api/v1/early-help/episodes/{planned.pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_security_headers(response)


def test_the_plan_pages_inline_style_carries_the_policys_nonce(planned, worker, signed_in):
    response = signed_in(worker).get(reverse("earlyhelp:plan-print", args=[planned.pk]))
    nonce = re.search(r"'nonce-([^']+)'", csp_directives(response)["style-src"]).group(1)
    assert f'<style nonce="{nonce}">' in response.content.decode()
