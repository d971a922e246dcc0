"""Forms for opening, staffing, assessing, stepping and closing an episode."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone

from teamaround.accounts.models import AgencyKind, Team
from teamaround.core.forms import VersionField
from teamaround.earlyhelp.forms.fields import (
    DateField,
    StaffChoiceField,
    domain_field,
    level_field,
)
from teamaround.earlyhelp.models import RATING_CHOICES, ClosureReason, TafRole

User = get_user_model()


def _staff(queryset):
    return queryset.filter(is_active=True).select_related("team__agency")


class OpenEpisodeForm(forms.Form):
    level = level_field()
    lead_professional = StaffChoiceField(
        queryset=User.objects.none(),
        label="Lead professional",
        empty_label="Choose the lead professional",
    )
    family_agreed_on = DateField(label="Date the family agreed")
    family_agreed_by = forms.CharField(
        label="Who in the family agreed", max_length=120, help_text="For example, mum (Kerry)."
    )
    review_interval_weeks = forms.IntegerField(
        label="Weeks between reviews (optional)",
        required=False,
        help_text="Leave blank for the usual interval (6 weeks unless the council set another).",
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={"invalid": "Enter the number of weeks as a whole number."},
    )

    def __init__(self, *args, staff, with_level=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_professional"].queryset = _staff(staff)
        self.fields["family_agreed_on"].initial = timezone.localdate()
        if not with_level:
            del self.fields["level"]


class StepDownForm(OpenEpisodeForm):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), label="Why the family can step down to early help"
    )
    social_care_reference = forms.CharField(
        label="Social care case reference", required=False, max_length=60
    )


class TafAddForm(forms.Form):
    practitioner = StaffChoiceField(
        queryset=User.objects.none(), label="Practitioner", empty_label="Choose a practitioner"
    )
    role = forms.ChoiceField(
        label="Role in the Team Around the Family",
        choices=[c for c in TafRole.choices if c[0] != "lead_professional"],
    )

    def __init__(self, *args, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["practitioner"].queryset = _staff(staff)


class LeadChangeForm(forms.Form):
    practitioner = StaffChoiceField(
        queryset=User.objects.none(),
        label="New lead professional",
        empty_label="Choose a practitioner",
    )
    reason = forms.CharField(label="Why the lead professional is changing", max_length=300)

    def __init__(self, *args, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["practitioner"].queryset = _staff(staff)


class ReasonForm(forms.Form):
    reason = forms.CharField(label="Reason", widget=forms.Textarea(attrs={"rows": 3}))


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label="What more work the assessment needs",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


class StepUpForm(forms.Form):
    to_team = forms.ModelChoiceField(
        queryset=Team.objects.filter(
            agency__kind=AgencyKind.CHILDRENS_SOCIAL_CARE, archived_at__isnull=True
        ).select_related("agency"),
        label="Children's social care team",
        empty_label="Choose a team",
        error_messages={"required": "Choose a children's social care team."},
    )
    reason = forms.CharField(
        label="Why the family needs social care now",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )


class MemberViewForm(forms.Form):
    person = forms.ChoiceField(label="Family member")
    in_their_words = forms.CharField(
        label="Their views, in their own words",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    recorded_for_them = forms.BooleanField(
        label="I wrote this down for them (for example, a young child)", required=False
    )
    strengths = forms.CharField(
        label="Strengths", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    goals = forms.CharField(label="Goals", widget=forms.Textarea(attrs={"rows": 2}), required=False)
    version = VersionField(required=False)  # empty: adding views for someone with none yet

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {str(p.pk): p for p in people}
        self.fields["person"].choices = [("", "Choose a family member")] + [
            (str(p.pk), f"{p.forenames} {p.surname}") for p in people
        ]


class NeedForm(forms.Form):
    domain = domain_field()
    person = forms.ChoiceField(label="Whose need", required=False)
    description = forms.CharField(
        label="Describe the need", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {str(p.pk): p for p in people}
        self.fields["person"].choices = [("", "The whole family")] + [
            (str(p.pk), f"{p.forenames} {p.surname}") for p in people
        ]


class CloseForm(forms.Form):
    reason = forms.ChoiceField(
        label="Why the episode is closing",
        widget=forms.RadioSelect,
        choices=[c for c in ClosureReason.choices if c[0] != ClosureReason.STEPPED_UP],
        error_messages={"required": "Choose why the episode is closing."},
    )
    summary = forms.CharField(
        label="Closing summary", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    feedback_given = forms.BooleanField(label="The family gave feedback", required=False)
    listened_to = forms.TypedChoiceField(
        label="“I was listened to” (1 to 5)",
        coerce=int,
        choices=RATING_CHOICES,
        required=False,
        widget=forms.RadioSelect,
        empty_value=None,
    )
    things_got_better = forms.TypedChoiceField(
        label="“Things got better” (1 to 5)",
        coerce=int,
        choices=RATING_CHOICES,
        required=False,
        widget=forms.RadioSelect,
        empty_value=None,
    )
    would_ask_again = forms.TypedChoiceField(
        label="“I would ask for help again” (1 to 5)",
        coerce=int,
        choices=RATING_CHOICES,
        required=False,
        widget=forms.RadioSelect,
        empty_value=None,
    )
    comments = forms.CharField(
        label="Anything else the family said",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def feedback(self):
        data = self.cleaned_data
        if not data.get("feedback_given"):
            return None
        return {
            k: data.get(k)
            for k in ("listened_to", "things_got_better", "would_ask_again", "comments")
        }
