"""Forms for the audit search and geography pages. They only parse input; rules live in
services."""

from django import forms

from teamaround.core.models import AuditAction, District, Quadrant
from teamaround.core.uploads import UploadField

DATE_HINT = "For example, 2026-11-25"


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


class AuditSearchForm(forms.Form):
    username = forms.CharField(label="Username", required=False)
    object_id = forms.CharField(
        label="Record", required=False, help_text="A record's id, or a type such as accounts.agency"
    )
    action = forms.ChoiceField(
        label="What happened", required=False, choices=[("", "Anything")] + AuditAction.choices
    )
    date_from = forms.DateField(label="From", required=False, help_text=DATE_HINT)
    date_to = forms.DateField(label="To", required=False, help_text=DATE_HINT)

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
