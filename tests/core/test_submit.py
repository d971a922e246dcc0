"""core.views.forms.submit: the one way a page runs a form (or a button) through a use-case."""

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.test import RequestFactory

from teamaround.core.errors import DomainError, ValidationFailed
from teamaround.core.views.forms import submit


class NameForm(forms.Form):
    forenames = forms.CharField()


def _request(method="post", data=None, path="/x"):
    request = getattr(RequestFactory(), method)(path, data or {})
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


def _messages(request):
    return [(m.level_tag, str(m)) for m in get_messages(request)]


def test_valid_post_runs_the_action_confirms_and_redirects():
    request = _request(data={"forenames": "Ada"})
    seen = []
    done = submit(
        request,
        NameForm(request.POST),
        lambda data: seen.append(data) or "made",
        redirect_to=lambda result: f"/made/{result}",
        success=lambda result: f"{result} it",
    )
    assert done.status_code == 302 and done.url == "/made/made"
    assert seen == [{"forenames": "Ada"}]
    assert _messages(request) == [("success", "made it")]


def test_invalid_form_or_get_runs_nothing():
    def refuse(data):
        raise AssertionError("must not run")

    request = _request(data={})
    form = NameForm(request.POST)
    assert submit(request, form, refuse, redirect_to="/") is None
    assert form.errors
    get = _request("get", {"forenames": "Ada"})
    # A form bound to a POST body is never run by a GET.
    assert submit(get, NameForm({"forenames": "Ada"}), refuse, redirect_to="/") is None


def test_refusal_goes_on_the_form_renamed_and_nothing_is_confirmed():
    request = _request(data={"forenames": "Ada"})
    form = NameForm(request.POST)

    def refuse(data):
        raise ValidationFailed({"first_names": ["Enter their forenames"], "other": ["No"]})

    done = submit(
        request,
        form,
        refuse,
        redirect_to="/",
        success="never",
        rename=lambda field: {"first_names": "forenames"}.get(field, field),
    )
    assert done is None
    assert form.errors["forenames"] == ["Enter their forenames"]
    assert form.non_field_errors() == ["No"]
    assert _messages(request) == []


def test_without_redirect_the_result_comes_back_and_a_search_runs_on_get():
    request = _request("get", {"forenames": "Ada"})
    form = NameForm(request.GET)
    assert submit(request, form, lambda data: [data["forenames"]]) == ["Ada"]


def test_a_button_runs_on_post_and_a_refusal_becomes_an_error_message():
    request = _request()
    assert submit(request, None, lambda data: data, success="Done") == {}
    assert _messages(request) == [("success", "Done")]

    refused = _request()

    def refuse(data):
        raise DomainError("Not now")

    assert submit(refused, None, refuse, redirect_to="/", success="Done") is None
    assert _messages(refused) == [("error", "Not now")]
    get = _request("get")
    assert submit(get, None, lambda data: pytest.fail("ran on GET")) is None
