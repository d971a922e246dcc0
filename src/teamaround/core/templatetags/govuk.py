"""Template tags that render Django forms as GOV.UK Design System components.

`{% govuk_field form.name %}` picks the component from the widget (input, textarea, select,
radios, checkboxes) and wires up the hint and error message for screen readers;
`{% govuk_error_summary form %}` renders the error summary that links to each field.
"""

from django import forms, template

register = template.Library()

WIDTH_CLASSES = {"short": "govuk-input--width-10", "postcode": "govuk-input--width-10"}


def _component(widget) -> str:
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.ClearableFileInput | forms.FileInput):
        return "file"
    return "input"


CSS = {
    "input": "govuk-input",
    "select": "govuk-select",
    "textarea": "govuk-textarea",
    "file": "govuk-file-upload",
}


@register.inclusion_tag("core/forms/field.html")
def govuk_field(field, width: str = ""):
    component = _component(field.field.widget)
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}-hint")
    if field.errors:
        described.append(f"{field.auto_id}-error")
    attrs = {}
    if component in CSS:
        css = CSS[component]
        if field.errors:
            css += f" {CSS[component]}--error"
        if width:
            css += f" {WIDTH_CLASSES.get(width, width)}"
        attrs["class"] = css
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return {
        "field": field,
        "component": component,
        "widget_html": field.as_widget(attrs=attrs) if component in CSS else "",
        "options": list(field) if component in {"radios", "checkboxes"} else [],
        "described": " ".join(described),
    }


@register.inclusion_tag("core/forms/error_summary.html")
def govuk_error_summary(form):
    items = []
    if form is not None and form.errors:
        for error in form.non_field_errors():
            items.append({"text": error, "href": ""})
        for field in form:
            for error in field.errors:
                items.append({"text": error, "href": f"#{_first_input_id(field)}"})
    return {"items": items}


def _first_input_id(field) -> str:
    if _component(field.field.widget) in {"radios", "checkboxes"}:
        options = list(field)
        if options:
            return options[0].id_for_label
    return field.auto_id


@register.filter
def tag_colour(value: str) -> str:
    """A GOV.UK tag colour for a red/amber/green or status word."""
    colours = {"red": "govuk-tag--red", "amber": "govuk-tag--orange", "green": "govuk-tag--green"}
    return colours.get(str(value).lower(), "govuk-tag--grey")
