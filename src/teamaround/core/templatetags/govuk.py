"""Template tags that render Django forms as GOV.UK Design System components.

`{% govuk_field form.name %}` picks the component from the widget (input, textarea, select,
radios, checkboxes) and wires up the hint and error message for screen readers;
`{% govuk_error_summary form %}` renders the error summary that links to each field.
"""

from datetime import date

from django import forms, template

register = template.Library()

WIDTH_CLASSES = {"short": "govuk-input--width-10", "postcode": "govuk-input--width-10"}


def _component(widget) -> str:
    if widget.is_hidden:
        return "hidden"
    if getattr(widget, "govuk_component", "") == "date":
        return "date"
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
        "date_parts": _date_parts(field) if component == "date" else [],
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
    conflict = getattr(form, "conflict", None)
    return {"items": items, "conflict": conflict_rows(conflict, form) if conflict else None}


@register.inclusion_tag("core/forms/conflict_box.html")
def govuk_conflict(form):
    """The conflict box on its own, for pages that build their own error summary."""
    conflict = getattr(form, "conflict", None)
    return {"conflict": conflict_rows(conflict, form) if conflict else None}


def conflict_rows(conflict, form=None) -> dict:
    """The saved version and this editor's, field by field, for the fields where they differ
    (core/forms/conflict.html). Labels come from the form where it has the field."""
    current = conflict.current
    rows = []
    for name, yours in conflict.submitted.items():
        saved = conflict.saved[name] if name in conflict.saved else getattr(current, name, None)
        if hasattr(saved, "all"):  # many-to-many: compare the records
            saved = list(saved.all())
        if _shown(saved) == _shown(yours):
            continue
        field = form.fields.get(name) if form is not None else None
        label = field.label if field is not None and field.label else None
        if label is None:
            model_field = _model_field(current, name)
            label = str(model_field.verbose_name) if model_field else name.replace("_", " ")
        rows.append({"label": label, "saved": _shown(saved), "yours": _shown(yours)})
    who = getattr(current, "updated_by", None)
    return {
        "rows": rows,
        "what": conflict.phrase,
        "who": (who.get_full_name() or who.username) if who is not None else "",
        "when": getattr(current, "updated_at", None),
        "version": conflict.current_version,
    }


def _model_field(instance, name):
    try:
        return instance._meta.get_field(name)
    except Exception:  # noqa: BLE001 - not a model field: no verbose name
        return None


def _shown(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list | tuple | set):
        return ", ".join(sorted(_shown(v) for v in value))
    return str(value)


def _date_parts(field) -> list[dict]:
    value = field.value()
    if isinstance(value, str):  # one YYYY-MM-DD value, as sent or as the initial
        try:
            value = date.fromisoformat(value)
        except ValueError:
            value = ["", "", ""]
    if hasattr(value, "year"):
        value = [value.day, value.month, value.year]
    elif not isinstance(value, list | tuple):
        value = ["", "", ""]
    return [
        {
            "id": f"{field.auto_id}_{name}",
            "name": f"{field.html_name}_{name}",
            "label": name.capitalize(),
            "width": 4 if name == "year" else 2,
            "value": "" if part is None else part,
        }
        for name, part in zip(("day", "month", "year"), value, strict=False)
    ]


def _first_input_id(field) -> str:
    if _component(field.field.widget) == "date":
        return f"{field.auto_id}_day"
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
