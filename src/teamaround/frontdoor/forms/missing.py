"""Forms for missing notifications and what follows them."""

from __future__ import annotations

from django import forms

from teamaround.core.forms import GovukDateField
from teamaround.core.uploads import UploadField
from teamaround.frontdoor.models import ConversationOutcome


class UploadForm(forms.Form):
    file = UploadField(
        kind="csv",
        label="Police missing notifications (CSV)",
        help_text="Columns: notification_id, forenames, surname, "
        "date_of_birth, reported_missing_at, risk_grade, and optionally "
        "police_reference, address, postcode, returned_at, where_found.",
    )


class ConversationForm(forms.Form):
    outcome = forms.ChoiceField(
        label="What happened",
        widget=forms.RadioSelect,
        choices=[c for c in ConversationOutcome.choices if c[0] != ConversationOutcome.PENDING],
    )
    offered_at = forms.DateTimeField(
        label="When it was offered",
        required=False,
        help_text="For example, 2026-03-02 14:30. Leave blank for "
        "now, or the time already recorded.",
    )
    notes = forms.CharField(label="Notes", required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ScrutinyForm(forms.Form):
    notes = forms.CharField(
        label="What the scrutiny found", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class FlowForm(forms.Form):
    date_from = GovukDateField(label="From", required=False, help_text="For example, 1 3 2026")
    date_to = GovukDateField(label="To", required=False, help_text="For example, 28 3 2026")
