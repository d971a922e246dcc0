"""Forms for the audit search and geography pages. They only parse input; rules live in
services."""

from django import forms

from teamaround.core.models import AuditAction, District, Quadrant
from teamaround.core.uploads import UploadField

DATE_HINT = "For example, 27 3 2026"


class VersionField(forms.IntegerField):
    """The version of a `core.models.Versioned` record the editor read, carried in a hidden
    input (`{{ form.version }}` in the template, `initial["version"] = record.version` in the
    view) and passed to the use-case, which refuses a stale one with a StaleVersion."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault(
            "error_messages",
            {
                "required": "This page is out of date: open the record again to change it.",
                "invalid": "This page is out of date: open the record again to change it.",
                "min_value": "This page is out of date: open the record again to change it.",
            },
        )
        super().__init__(**kwargs)


class GovukDateInput(forms.MultiWidget):
    """The GOV.UK Design System's date input: day, month and year boxes
    (`{% govuk_field %}` renders it as a fieldset; the inputs are `<name>_day` and so on)."""

    govuk_component = "date"

    def __init__(self, attrs=None):
        numeric = {"inputmode": "numeric"}
        super().__init__(
            {
                "day": forms.TextInput(attrs=numeric),
                "month": forms.TextInput(attrs=numeric),
                "year": forms.TextInput(attrs=numeric),
            },
            attrs,
        )

    def decompress(self, value):
        if hasattr(value, "year"):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def value_from_datadict(self, data, files, name):
        """The three boxes; or one `<name>` value (YYYY-MM-DD), as a link or a script sends."""
        if data.get(name):
            return data.get(name)
        return super().value_from_datadict(data, files, name)

    def value_omitted_from_data(self, data, files, name):
        return name not in data and super().value_omitted_from_data(data, files, name)


class GovukDateField(forms.Field):
    """A date entered in the GOV.UK date input, with the Design System's error messages."""

    widget = GovukDateInput

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", "For example, 27 3 2026")
        label = kwargs.get("label") or "date"
        messages = {
            "required": f"Enter the {label[0].lower()}{label[1:]}.",
            **(kwargs.get("error_messages") or {}),
        }
        kwargs["error_messages"] = messages
        super().__init__(**kwargs)

    def to_python(self, value):
        import datetime

        if hasattr(value, "year"):
            return value
        if isinstance(value, str):  # one YYYY-MM-DD value
            if not value.strip():
                return None
            try:
                return datetime.date.fromisoformat(value.strip())
            except ValueError as error:
                label = (self.label or "The date").lower()
                raise forms.ValidationError(f"The {label} must be a real date.") from error
        parts = [str(part or "").strip() for part in (value or ["", "", ""])]
        if not any(parts):
            return None
        label = (self.label or "The date").lower()
        names = ("day", "month", "year")
        missing = [name for name, part in zip(names, parts, strict=True) if not part]
        if missing:
            raise forms.ValidationError(f"The {label} must include a {' and '.join(missing)}.")
        try:
            day, month, year = (int(part) for part in parts)
            if year < 1900:
                raise ValueError
            return datetime.date(year, month, day)
        except ValueError as error:
            raise forms.ValidationError(f"The {label} must be a real date.") from error


class AuditSearchForm(forms.Form):
    username = forms.CharField(label="Username", required=False)
    object_id = forms.CharField(
        label="Record", required=False, help_text="A record's id, or a type such as accounts.agency"
    )
    action = forms.ChoiceField(
        label="What happened", required=False, choices=[("", "Anything")] + AuditAction.choices
    )
    date_from = GovukDateField(label="From", required=False, help_text=DATE_HINT)
    date_to = GovukDateField(label="To", required=False, help_text=DATE_HINT)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", "The end date must be the same as or after the start date.")
        return cleaned


class DistrictForm(forms.Form):
    name = forms.CharField(label="Name", max_length=120)
    ons_code = forms.CharField(label="ONS code", max_length=9, required=False)
    quadrant = forms.ModelChoiceField(
        label="Quadrant", queryset=Quadrant.objects.all(), required=False, empty_label="None"
    )

    @classmethod
    def for_district(cls, district: District, data=None):
        initial = {
            "name": district.name,
            "ons_code": district.ons_code,
            "quadrant": district.quadrant_id,
        }
        return cls(data=data, initial=initial)


class GeographyUploadForm(forms.Form):
    file = UploadField(kind="json", label="Geography file (JSON)")
