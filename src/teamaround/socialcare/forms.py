"""Social care forms. They only parse input; the rules live in services."""

from django import forms
from django.contrib.auth import get_user_model

from teamaround.core.forms import VersionField
from teamaround.earlyhelp.forms.fields import DateField, StaffChoiceField
from teamaround.socialcare.models import AssessmentOutcome, Decision, codes

User = get_user_model()


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        born = f" (born {obj.date_of_birth:%-d %B %Y})" if obj.date_of_birth else ""
        return f"{obj.forenames} {obj.surname}{born}"


class ReferralForm(forms.Form):
    child = PersonChoiceField(
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
        label="Which child is referred",
        error_messages={"required": "Choose the child."},
    )
    source = forms.ChoiceField(
        label="Referral source (DfE code)",
        choices=[("", "Choose where the referral came from")] + codes.REFERRAL_SOURCES,
        error_messages={"required": "Choose where the referral came from."},
    )
    primary_need = forms.ChoiceField(
        label="Primary need",
        choices=codes.PRIMARY_NEEDS,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the child's primary need."},
    )
    reason = forms.CharField(
        label="Why the child is referred",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Say why the child is referred."},
    )
    received_on = DateField(label="Date received", required=False, help_text="Blank for today.")
    allocated_worker = StaffChoiceField(
        queryset=None,
        required=False,
        label="Allocated social worker (optional)",
        empty_label="Not allocated yet",
    )

    def __init__(self, *args, children, staff, source="", **kwargs):
        super().__init__(*args, **kwargs)
        from teamaround.people.models import Person

        self.fields["child"].queryset = Person.objects.filter(pk__in=[c.pk for c in children])
        self.fields["allocated_worker"].queryset = staff
        if source:
            self.fields["source"].initial = source


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Decision",
        choices=Decision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the decision."},
    )
    reason = forms.CharField(
        label="Reason for the decision",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Say why."},
    )


class AssessmentForm(forms.Form):
    factors = forms.MultipleChoiceField(
        label="Factors identified at assessment",
        choices=codes.ASSESSMENT_FACTORS,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    child_voice = forms.CharField(
        label="The child's voice",
        help_text="What the child said, how they seemed, and what they want to happen.",
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
    )
    analysis = forms.CharField(
        label="Analysis", widget=forms.Textarea(attrs={"rows": 5}), required=False
    )
    outcome = forms.ChoiceField(
        label="Recommended outcome",
        choices=AssessmentOutcome.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    version = VersionField()


class ConfirmForm(forms.Form):
    """A button that does one thing (submit an assessment)."""


class AuthoriseForm(forms.Form):
    comment = forms.CharField(
        label="Management oversight",
        help_text="Dated and signed with your name on the case.",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Record your management oversight."},
    )
