"""Forms for sending a request (professional and public) and for a consultation. They only
parse input: the rules live in services.checks, whose errors come back onto the form."""

from __future__ import annotations

from django import forms

from teamaround.core.forms import GovukDateField, VersionField
from teamaround.core.models import WindscreenLevel
from teamaround.frontdoor.models import Consent, ConsultationTopic, PublicRelationship
from teamaround.frontdoor.services.requests import DRAFT_FIELDS

DATE_HINT = "For example, 27 3 2026"
# What the request form asks; the known child it links ("person") is chosen separately.
REQUEST_FIELDS = tuple(field for field in DRAFT_FIELDS if field != "person")


class LevelChoice(forms.ModelChoiceField):
    def label_from_instance(self, level):
        return f"Level {level.number}: {level.name}"


class ChildFields(forms.Form):
    child_forenames = forms.CharField(label="Child's first name", max_length=100, required=False)
    child_surname = forms.CharField(label="Child's last name", max_length=100, required=False)
    child_date_of_birth = GovukDateField(
        label="Child's date of birth", required=False, help_text=DATE_HINT
    )
    address_line_1 = forms.CharField(
        label="First line of the family's address", max_length=120, required=False
    )
    postcode = forms.CharField(label="Postcode", max_length=10, required=False)
    person = forms.UUIDField(required=False, widget=forms.HiddenInput)


class RequestForm(ChildFields):
    """Nothing is required here: a draft can be saved half-written. Sending checks it all."""

    parent_name = forms.CharField(label="Parent or carer's name", max_length=200, required=False)
    parent_phone = forms.CharField(
        label="Parent or carer's phone number", max_length=30, required=False
    )
    concern = forms.CharField(
        label="What are you worried about?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="In your own words: what you have seen and heard, and what the family says.",
    )
    tried = forms.CharField(
        label="What has been tried so far?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    level_suggested = LevelChoice(
        label="Which level of need do you think applies?",
        queryset=WindscreenLevel.objects.all(),
        required=False,
        widget=forms.RadioSelect,
        empty_label=None,
    )
    consent = forms.ChoiceField(
        label="Does the family agree to this request?",
        required=False,
        choices=Consent.choices,
        widget=forms.RadioSelect,
    )
    no_consent_reason = forms.CharField(
        label="If not, why not?", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    safeguarding_concern = forms.BooleanField(
        label="I think the child is at risk of significant harm (a safeguarding concern)",
        required=False,
        help_text="A safeguarding concern needs no consent.",
    )

    # The version of the draft read: required when changing one (`draft=`), absent at first.
    version = VersionField(required=False)

    def __init__(self, *args, draft=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].required = draft is not None

    def values(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in REQUEST_FIELDS}

    def saved_as(self, draft) -> None:
        """The page is shown again after saving: its next save starts from this version."""
        self.data = self.data.copy()
        self.data[self.add_prefix("version")] = str(draft.version)


class PublicRequestForm(ChildFields):
    referrer_name = forms.CharField(label="Your name", max_length=200, required=False)
    public_relationship = forms.ChoiceField(
        label="How do you know the child?",
        required=False,
        choices=PublicRelationship.choices,
        widget=forms.RadioSelect,
    )
    referrer_phone = forms.CharField(label="Your phone number", max_length=30, required=False)
    referrer_email = forms.EmailField(label="Your email address", required=False)
    concern = forms.CharField(
        label="What help would you like?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Tell us what is happening, in your own words.",
    )
    consent = forms.ChoiceField(
        label="Does the child's family know you are asking for help?",
        required=False,
        choices=Consent.choices,
        widget=forms.RadioSelect,
        help_text="Only if you are not the parent, carer or young person.",
    )
    no_consent_reason = forms.CharField(
        label="If not, why not?", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    safeguarding_concern = forms.BooleanField(
        label="I think the child is in danger or being harmed",
        required=False,
        help_text="If a child is in immediate danger, call 999.",
    )

    FIELDS = (
        "child_forenames",
        "child_surname",
        "child_date_of_birth",
        "address_line_1",
        "postcode",
        "referrer_name",
        "public_relationship",
        "referrer_phone",
        "referrer_email",
        "concern",
        "consent",
        "no_consent_reason",
        "safeguarding_concern",
    )

    def values(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in self.FIELDS}


class ResumeForm(forms.Form):
    code = forms.CharField(
        label="Your resume code",
        max_length=20,
        help_text="The 10 letters and numbers you were given, like K7QM2XWP9D",
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label="Why are you withdrawing the request?",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(self, *args, draft: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if draft:
            self.fields["reason"].label = "Why are you discarding it? (optional)"
            self.fields["reason"].help_text = "The Hub has not seen this draft."


class ConsultationForm(ChildFields):
    hub_social_worker = forms.ModelChoiceField(
        label="Hub social worker you spoke to", queryset=None, required=False
    )
    held_on = GovukDateField(label="Date of the consultation", required=False, help_text=DATE_HINT)
    topic = forms.ChoiceField(
        label="What was it about?",
        choices=ConsultationTopic.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    question = forms.CharField(
        label="What did you ask?", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    advice = forms.CharField(
        label="What advice were you given?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, social_workers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hub_social_worker"].queryset = social_workers
