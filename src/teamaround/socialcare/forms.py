"""Social care forms. They only parse input; the rules live in services."""

from django import forms
from django.contrib.auth import get_user_model

from teamaround.core.forms import GovukDateField, VersionField
from teamaround.earlyhelp.forms.fields import DateField, StaffChoiceField
from teamaround.socialcare.models import (
    AssessmentOutcome,
    ConferenceOutcome,
    ConversationResponse,
    Decision,
    EnquiryOutcome,
    codes,
)

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


class StrategyForm(forms.Form):
    held_on = DateField(label="Date of the strategy discussion")
    social_care = forms.CharField(label="Children's social care: who attended", required=False)
    police = forms.CharField(label="Police: who attended", required=False)
    health = forms.CharField(label="Health: who attended", required=False)
    education = forms.CharField(label="Education: who attended", required=False)
    other = forms.CharField(
        label="Others who attended (optional)",
        help_text="One a line: name and agency.",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    summary = forms.CharField(
        label="What was discussed and decided", widget=forms.Textarea(attrs={"rows": 5})
    )
    section_47 = forms.TypedChoiceField(
        label="Does a section 47 enquiry start?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether a section 47 enquiry starts."},
    )

    def attendees(self) -> list[dict]:
        data = self.cleaned_data
        rows = [
            {"name": data.get(agency, ""), "agency": agency}
            for agency in ("social_care", "police", "health", "education")
        ]
        rows += [
            {"name": line.strip(), "agency": "other"}
            for line in (data.get("other") or "").splitlines()
            if line.strip()
        ]
        return rows


class EnquiryForm(forms.Form):
    findings = forms.CharField(
        label="What the enquiry found", widget=forms.Textarea(attrs={"rows": 5})
    )
    outcome = forms.ChoiceField(
        label="Outcome", choices=EnquiryOutcome.choices, widget=forms.RadioSelect
    )


class ConferenceForm(forms.Form):
    held_on = DateField(label="Date the conference was held")
    chair = forms.CharField(label="Chair", max_length=120)
    outcome = forms.ChoiceField(
        label="Decision", choices=ConferenceOutcome.choices, widget=forms.RadioSelect
    )
    category = forms.ChoiceField(
        label="Category of abuse (for a plan)",
        choices=[("", "No plan")] + codes.ABUSE_CATEGORIES,
        required=False,
    )


class PlanEndForm(forms.Form):
    reason = forms.ChoiceField(
        label="Why the plan ends", choices=codes.PLAN_END_REASONS, widget=forms.RadioSelect
    )


class StepDownForm(forms.Form):
    reason = forms.CharField(
        label="Why the family can step down to early help",
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class CloseForm(forms.Form):
    closure_reason = forms.ChoiceField(
        label="Why the case closes", choices=codes.CLOSURE_REASONS, widget=forms.RadioSelect
    )


def _placement_fields(form):
    form.fields["legal_status"] = forms.ChoiceField(
        label="Legal status",
        choices=[("", "Choose the legal status")] + codes.LEGAL_STATUSES,
        error_messages={"required": "Choose the legal status."},
    )
    form.fields["placement_type"] = forms.ChoiceField(
        label="Placement type",
        choices=[("", "Choose the placement type")] + codes.PLACEMENT_TYPES,
        error_messages={"required": "Choose the placement type."},
    )
    form.fields["provider"] = forms.ChoiceField(
        label="Placement provider",
        choices=codes.PLACEMENT_PROVIDERS,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose who provides the placement."},
    )
    form.fields["provider_name"] = forms.CharField(
        label="Carer or provider's name",
        max_length=120,
        error_messages={"required": "Name the placement provider or carer."},
    )
    form.fields["postcode"] = forms.CharField(
        label="Placement postcode",
        max_length=8,
        error_messages={"required": "Enter the placement's postcode, like CM1 1QH."},
    )


class CareStartForm(forms.Form):
    started_on = GovukDateField(
        label="Date the child became looked after",
        error_messages={"required": "Enter the date the child became looked after."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _placement_fields(self)


class PlacementChangeForm(forms.Form):
    started_on = GovukDateField(
        label="Date of the change", error_messages={"required": "Enter the date of the change."}
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _placement_fields(self)
        self.fields["same_carer"] = forms.BooleanField(
            label="The child stays with the same carer(s)", required=False
        )


class CareReviewForm(forms.Form):
    held_on = GovukDateField(
        label="Date of the review", error_messages={"required": "Enter the date of the review."}
    )
    chair = forms.CharField(
        label="Independent reviewing officer",
        max_length=120,
        error_messages={"required": "Name the independent reviewing officer who chaired it."},
    )


class VisitForm(forms.Form):
    visited_on = GovukDateField(
        label="Date of the visit", error_messages={"required": "Enter the date of the visit."}
    )
    seen_alone = forms.BooleanField(label="The child was seen alone", required=False)
    notes = forms.CharField(
        label="What you saw and what the child said",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Record what you saw and what the child said."},
    )


class CareEndForm(forms.Form):
    ended_on = GovukDateField(
        label="Date care ended", error_messages={"required": "Enter the date care ended."}
    )
    reason = forms.ChoiceField(
        label="Reason the episode ceased",
        choices=[("", "Choose the reason")] + codes.CARE_ENDED_REASONS,
        error_messages={"required": "Choose why the child stopped being looked after."},
    )


class MissingForm(forms.Form):
    missing_on = GovukDateField(
        label="Date the child went missing",
        error_messages={"required": "Enter the date the child went missing."},
    )
    returned_on = GovukDateField(label="Date the child came back (if they have)", required=False)


class ConversationForm(forms.Form):
    offered_on = GovukDateField(
        label="Date the return conversation was offered",
        error_messages={"required": "Enter the date the conversation was offered."},
    )
    response = forms.ChoiceField(
        label="Did the child accept?",
        choices=[("", "Not answered yet")] + list(ConversationResponse.choices),
        widget=forms.RadioSelect,
        required=False,
    )
    held_on = GovukDateField(label="Date the conversation was held (if it was)", required=False)


class PathwayStartForm(forms.Form):
    personal_adviser = forms.CharField(
        label="Personal adviser",
        max_length=120,
        error_messages={"required": "Name the personal adviser."},
    )


class PathwayReviewForm(forms.Form):
    reviewed_on = GovukDateField(
        label="Date the plan was completed or reviewed",
        error_messages={"required": "Enter the date of the plan or its review."},
    )
    personal_adviser = forms.CharField(
        label="Personal adviser",
        max_length=120,
        error_messages={"required": "Name the personal adviser."},
    )
