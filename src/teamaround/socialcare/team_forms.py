"""Forms for the child protection team, core groups, transfers and management oversight.
They only parse input; the rules live in services."""

from django import forms
from django.contrib.auth import get_user_model

from teamaround.earlyhelp.forms.fields import DateField, StaffChoiceField

User = get_user_model()


class StaffSearchForm(forms.Form):
    """A GET form: find a practitioner by name across every agency."""

    q = forms.CharField(label="Practitioner's name", max_length=80)


class CpTeamAddForm(forms.Form):
    practitioner = StaffChoiceField(
        queryset=User.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        label="Who joins the child protection team",
        error_messages={"required": "Choose who joins the team."},
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["practitioner"].queryset = candidates


class ReasonForm(forms.Form):
    reason = forms.CharField(label="Why", max_length=300, error_messages={"required": "Say why."})


class LcppForm(forms.Form):
    practitioner = StaffChoiceField(
        queryset=User.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        label="Lead Child Protection Practitioner",
        error_messages={"required": "Choose the lead from the team."},
    )
    reason = forms.CharField(label="Why they lead the team", max_length=300)

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["practitioner"].queryset = members


class CoreGroupMemberForm(forms.Form):
    practitioner = StaffChoiceField(
        queryset=User.objects.none(),
        required=False,
        label="A member of the child protection team",
        empty_label="Someone else (name them below)",
    )
    name = forms.CharField(label="Or their name", required=False, max_length=120)
    agency = forms.CharField(
        label="Their agency", required=False, max_length=200, help_text="'Family' for a parent."
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["practitioner"].queryset = members


class CoreGroupMeetingForm(forms.Form):
    held_on = DateField(label="Date of the meeting")
    attended = forms.MultipleChoiceField(
        label="Who attended", widget=forms.CheckboxSelectMultiple, required=False
    )
    progress = forms.CharField(
        label="Progress against the plan", widget=forms.Textarea(attrs={"rows": 5})
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attended"].choices = [(str(m.pk), f"{m.name} ({m.agency})") for m in members]


class TransferForm(forms.Form):
    worker = StaffChoiceField(
        queryset=User.objects.none(),
        label="New allocated worker",
        empty_label="Choose the social worker",
        error_messages={"required": "Choose the new worker."},
    )
    note = forms.CharField(
        label="Hand-over note",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="What the new worker needs to know: risks, next dates, the family's wishes.",
    )

    def __init__(self, *args, workers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["worker"].queryset = workers


class OversightForm(forms.Form):
    recorded_on = DateField(label="Date", required=False, help_text="Blank for today.")
    text = forms.CharField(
        label="Oversight and direction", widget=forms.Textarea(attrs={"rows": 6})
    )


class CinPlanForm(forms.Form):
    lead_practitioner = StaffChoiceField(
        queryset=User.objects.none(),
        label="Family Help lead practitioner",
        empty_label="Choose the lead practitioner",
        help_text="Of any agency: a social worker, a family worker, a health visitor.",
        error_messages={"required": "Choose the lead practitioner."},
    )
    started_on = DateField(
        label="Date the plan started", required=False, help_text="Blank for today."
    )

    def __init__(self, *args, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_practitioner"].queryset = staff


class CinReviewForm(forms.Form):
    held_on = DateField(label="Date of the review")
    summary = forms.CharField(
        label="What the review found and agreed", widget=forms.Textarea(attrs={"rows": 5})
    )
