"""Forms for governance's pages. They only parse input; the rules live in services."""

from django import forms

from teamaround.accounts.models import Agency
from teamaround.core.forms import GovukDateField
from teamaround.governance.models import BasisKind, Purpose, Scope

DATE_HINT = "For example, 27 3 2026"


class BasisForm(forms.Form):
    purpose = forms.ChoiceField(label="Shared for", choices=Purpose.choices)
    kind = forms.ChoiceField(label="Consent or statutory basis", choices=BasisKind.choices)
    scope = forms.ChoiceField(
        label="Whom a consent covers", choices=Scope.choices, initial=Scope.TAF
    )
    agency = forms.ModelChoiceField(
        label="Named agency",
        queryset=Agency.objects.all(),
        required=False,
        help_text="Only for a consent to share with one agency.",
    )
    given_by = forms.CharField(
        label="Consent given by",
        required=False,
        max_length=120,
        help_text="The person, or who consented for them (for example, their mother).",
    )
    evidence = forms.CharField(
        label="Evidence",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Where it is recorded: a signed form, a court order's reference, minutes.",
    )
    starts_on = GovukDateField(label="From", required=False, help_text=DATE_HINT)
    ends_on = GovukDateField(label="Until", required=False, help_text=DATE_HINT)


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label="Who withdrew it, and why", widget=forms.Textarea(attrs={"rows": 3})
    )


class WithholdForm(forms.Form):
    purpose = forms.ChoiceField(label="Would have been shared for", choices=Purpose.choices)
    recipient_agency = forms.ModelChoiceField(
        label="Not shared with", queryset=Agency.objects.all()
    )
    reason = forms.CharField(
        label="Why sharing would be more detrimental to the child",
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    approver = forms.CharField(
        label="Approved by (username)", help_text="A team manager or the Data Protection Officer."
    )


class PeriodForm(forms.Form):
    start = GovukDateField(
        label="From", help_text=DATE_HINT, error_messages={"required": "Enter the start date."}
    )
    end = GovukDateField(
        label="To", help_text=DATE_HINT, error_messages={"required": "Enter the end date."}
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", "The end date must be the same as or after the start date.")
        return cleaned


class PersonSearchForm(forms.Form):
    query = forms.CharField(label="Name", max_length=100)


class AccessRequestForm(forms.Form):
    requested_by = forms.CharField(
        label="Who made the request",
        max_length=120,
        help_text="The person, someone with parental responsibility, or their solicitor.",
    )
    received_on = GovukDateField(label="Date received", required=False, help_text=DATE_HINT)


class ExtendForm(forms.Form):
    reason = forms.CharField(
        label="Why the request is complex", widget=forms.Textarea(attrs={"rows": 3})
    )


class RedactionForm(forms.Form):
    third_party = forms.UUIDField(widget=forms.HiddenInput)
    redact = forms.TypedChoiceField(
        label="Their names and details",
        choices=[("yes", "Redact"), ("no", "Release")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(label="Reason", required=False, max_length=500)
