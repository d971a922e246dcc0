"""The GOV.UK Design System's form patterns, everywhere (issue 10): every date is entered in
the GOV.UK date input (day, month, year), never a browser date picker or one YYYY-MM-DD box;
the error summary names the field and links to its first box; radios and checkboxes sit in a
fieldset whose legend is the question."""

import importlib
import pkgutil
from datetime import date

from django import forms
from django.template import Context, Template

import teamaround
from teamaround.core.forms import GovukDateField, GovukDateInput


def _every_form_class():
    for module in pkgutil.walk_packages(teamaround.__path__, "teamaround."):
        if module.name.endswith((".forms", ".forms.fields")) or ".forms." in module.name:
            importlib.import_module(module.name)
    seen, todo = set(), [forms.Form, forms.ModelForm]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub not in seen and sub.__module__.startswith("teamaround."):
                seen.add(sub)
            todo.append(sub)
    return seen


def test_every_date_field_in_the_service_is_the_govuk_date_input():
    classes = _every_form_class()
    assert len(classes) > 40  # the service's forms were found
    plain = [
        f"{form.__module__}.{form.__name__}.{name}"
        for form in classes
        for name, field in form.base_fields.items()
        if isinstance(field, forms.DateField | forms.DateInput)
        or isinstance(field.widget, forms.DateInput)
        or (isinstance(field, GovukDateField) and not isinstance(field.widget, GovukDateInput))
    ]
    assert not plain, "Dates not in the GOV.UK date input:\n" + "\n".join(sorted(plain))


class _Example(forms.Form):
    held_on = GovukDateField(label="Date of the meeting")
    level = forms.ChoiceField(
        label="Level of need",
        choices=[("2", "Additional"), ("3", "Intensive")],
        widget=forms.RadioSelect,
    )
    needs = forms.MultipleChoiceField(
        label="Areas of need",
        choices=[("a", "Housing"), ("b", "Health")],
        widget=forms.CheckboxSelectMultiple,
    )


def _render(form) -> str:
    return Template(
        "{% load govuk %}{% govuk_error_summary form %}{% govuk_field form.held_on %}"
        "{% govuk_field form.level %}{% govuk_field form.needs %}"
    ).render(Context({"form": form}))


def test_a_date_is_three_boxes_in_a_fieldset_and_its_error_names_it_and_links_to_day():
    html = _render(
        _Example(data={"held_on_day": "31", "held_on_month": "2", "held_on_year": "2026"})
    )
    assert 'type="date"' not in html
    for part in ("day", "month", "year"):
        assert f'name="held_on_{part}"' in html and f'for="id_held_on_{part}"' in html
    assert (
        '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Date of the meeting'
        in html
    )
    assert '<a href="#id_held_on_day">The date of the meeting must be a real date.</a>' in html
    empty = _render(_Example(data={}))
    assert '<a href="#id_held_on_day">Enter the date of the meeting.</a>' in empty


def test_a_date_sent_as_one_value_or_as_boxes_is_the_same_date():
    boxes = _Example(data={"held_on_day": "3", "held_on_month": "12", "held_on_year": "2026"})
    one = _Example(data={"held_on": "2026-12-03"})
    boxes.is_valid(), one.is_valid()
    assert boxes.cleaned_data["held_on"] == one.cleaned_data["held_on"] == date(2026, 12, 3)
    missing = _Example(data={"held_on_day": "3", "held_on_year": "2026"})
    assert not missing.is_valid()
    assert missing.errors["held_on"] == ["The date of the meeting must include a month."]


def test_radios_and_checkboxes_are_in_a_fieldset_with_the_question_as_legend():
    html = _render(_Example())
    for question, kind in (("Level of need", "radio"), ("Areas of need", "checkbox")):
        legend = (
            f'<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{question}</legend>'
        )
        assert legend in html
        assert html.index("<fieldset", html.index(legend) - 200) < html.index(legend)
        assert f'type="{kind}"' in html
