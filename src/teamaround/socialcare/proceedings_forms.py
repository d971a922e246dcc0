"""Forms for pre-proceedings, family group decision making and the family network. They only
parse input; the rules (dates, the FGDM gate, who may authorise) live in
socialcare.services.proceedings and socialcare.services.family_network."""

from django import forms

from teamaround.core.forms import GovukDateField
from teamaround.socialcare.models import (
    NetworkConsent,
    OfferResponse,
    OrderSought,
    PreProceedingsOutcome,
)

LINES = forms.Textarea(attrs={"rows": 4})


def _date(label: str, message: str = "", **kwargs) -> GovukDateField:
    errors = {"required": message} if message else {}
    return GovukDateField(label=label, error_messages=errors, **kwargs)


class PreProceedingsStartForm(forms.Form):
    legal_planning_meeting_on = _date(
        "Date of the legal planning meeting", "Enter the date of the legal planning meeting."
    )
    decided_on = _date("Date of the decision", "Enter the date of the decision.")
    reason = forms.CharField(
        label="Why pre-proceedings are starting",
        widget=LINES,
        error_messages={"required": "Say why pre-proceedings are starting."},
    )


class LetterForm(forms.Form):
    sent_on = _date("Date the letter was sent", "Enter the date the letter was sent.")
    sent_to = forms.CharField(
        label="Who the letter was sent to",
        max_length=300,
        error_messages={"required": "Say who the letter was sent to."},
    )


class PreProceedingsMeetingForm(forms.Form):
    held_on = _date("Date of the meeting", "Enter the date of the meeting.")
    attendees = forms.CharField(
        label="Who attended",
        help_text="One a line, with their role (a parent, their solicitor, the social worker).",
        widget=LINES,
        error_messages={"required": "Record who attended."},
    )
    outcome = forms.CharField(
        label="What the meeting agreed",
        widget=LINES,
        error_messages={"required": "Record what the meeting agreed."},
    )


class PreProceedingsOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label="Outcome",
        choices=[
            (value, label)
            for value, label in PreProceedingsOutcome.choices
            if value != PreProceedingsOutcome.ISSUE
        ],
        widget=forms.RadioSelect,
        help_text="To issue care proceedings, record the application to court instead.",
        error_messages={"required": "Choose the outcome."},
    )
    decided_on = _date("Date of the decision", "Enter the date of the decision.")
    review_on = _date("If continuing: the date to conclude by", required=False)


class ProceedingsIssueForm(forms.Form):
    issued_on = _date("Date the application was issued", "Enter the date it was issued.")
    court = forms.CharField(
        label="Court", max_length=120, error_messages={"required": "Name the court."}
    )
    order_sought = forms.ChoiceField(
        label="Order applied for",
        choices=OrderSought.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the order applied for."},
    )


class FgdmOfferForm(forms.Form):
    offered_on = _date("Date the meeting was offered", "Enter the date the meeting was offered.")
    offered_to = forms.CharField(
        label="Who it was offered to",
        max_length=300,
        error_messages={"required": "Say who the meeting was offered to."},
    )
    response = forms.ChoiceField(
        label="Their answer",
        choices=OfferResponse.choices,
        initial=OfferResponse.AWAITING,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose their answer."},
    )
    responded_on = _date("Date of their answer (if they have answered)", required=False)


class FgdmAnswerForm(forms.Form):
    response = forms.ChoiceField(
        label="Their answer",
        choices=[(value, label) for value, label in OfferResponse.choices if value != "awaiting"],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether the offer was accepted or declined."},
    )
    responded_on = _date("Date of their answer", "Enter the date of their answer.")


class FgdmMeetingForm(forms.Form):
    held_on = _date("Date of the meeting", "Enter the date of the meeting.")
    attended = forms.CharField(
        label="Who attended",
        help_text="One a line, with how they are related to the child.",
        widget=LINES,
        error_messages={"required": "Record who attended."},
    )
    plan_agreed = forms.BooleanField(label="The family agreed a plan", required=False)
    plan = forms.CharField(label="The family's plan", widget=LINES, required=False)


class FgdmExceptionForm(forms.Form):
    reason = forms.CharField(
        label="Why the meeting is not offered or held before applying to court",
        widget=LINES,
        error_messages={"required": "Say why the meeting is not offered or held."},
    )


class NetworkMemberForm(forms.Form):
    name = forms.CharField(
        label="Name", max_length=120, error_messages={"required": "Enter the person's name."}
    )
    relationship = forms.CharField(
        label="Relationship to the child",
        max_length=80,
        error_messages={"required": "Say how they are related to the child."},
    )
    contact = forms.CharField(
        label="How to contact them",
        max_length=200,
        help_text="A telephone number, an email or an address.",
        error_messages={"required": "Enter how to contact them."},
    )
    consent = forms.ChoiceField(
        label="Their consent to take part in the family network",
        choices=[(v, label) for v, label in NetworkConsent.choices if v != "withdrawn"],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether they gave or refused consent."},
    )
    consent_on = _date("Date of their answer", "Enter the date of their answer.")


class NetworkConsentForm(forms.Form):
    status = forms.ChoiceField(
        label="Their consent now",
        choices=NetworkConsent.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the change to their consent."},
    )
    on = _date("Date of the change", "Enter the date of the change.")


class SafetyStandardForm(forms.Form):
    working_days = forms.IntegerField(
        label="Working days",
        min_value=1,
        error_messages={
            "required": "Enter the number of working days.",
            "invalid": "Enter a whole number of working days.",
            "min_value": "Enter a whole number of working days from 1.",
        },
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}),
    )
    reason = forms.CharField(
        label="Why the standard is changing",
        help_text="Who agreed it, and where (a practice standards meeting, a service manager).",
        widget=LINES,
        error_messages={"required": "Say why the standard is changing (who agreed it)."},
    )
