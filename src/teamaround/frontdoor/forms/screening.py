"""Forms for the Hub's own work: queue filters, assignment, partner information, decisions."""

from __future__ import annotations

from django import forms

from teamaround.core.forms import VersionField
from teamaround.core.models import WindscreenLevel
from teamaround.frontdoor.forms.requests import LevelChoice
from teamaround.frontdoor.models import DecisionRoute, RequestSource

RAG_CHOICES = [("", "Any"), ("red", "Overdue"), ("amber", "Due today"), ("green", "On time")]


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, user):
        where = f", {user.team.agency.name}" if user.team_id else ""
        return f"{user.get_full_name() or user.username}{where}"


class QueueFilterForm(forms.Form):
    district = forms.ChoiceField(label="District", required=False)
    level = forms.TypedChoiceField(
        label="Level suggested",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "Any")] + [(n, f"Level {n}") for n in range(1, 5)],
    )
    source = forms.ChoiceField(
        label="Source", required=False, choices=[("", "Any")] + RequestSource.choices
    )
    screener = forms.ChoiceField(label="Screener", required=False)
    rag = forms.ChoiceField(label="Deadline", required=False, choices=RAG_CHOICES)

    def __init__(self, *args, districts=(), screeners=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].choices = [("", "Any")] + [(d.code, d.name) for d in districts]
        self.fields["screener"].choices = [("", "Anyone"), ("unassigned", "Not assigned")] + [
            (str(u.pk), u.get_full_name() or u.username) for u in screeners
        ]


class AssignForm(forms.Form):
    screener = PersonChoice(label="Assign to", queryset=None)

    def __init__(self, *args, screeners=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["screener"].queryset = screeners


class ReviewForm(forms.Form):
    social_worker = PersonChoice(label="Hub social worker", queryset=None)
    note = forms.CharField(
        label="What should they look at?", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, social_workers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["social_worker"].queryset = social_workers


class ChecksForm(forms.Form):
    notes = forms.CharField(
        label="Notes on the checks", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class PartnerInformationForm(forms.Form):
    agency_name = forms.CharField(label="Agency", max_length=200, required=False)
    information = forms.CharField(
        label="What they told you", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class DecisionForm(forms.Form):
    level = LevelChoice(
        label="Level of need",
        queryset=WindscreenLevel.objects.all(),
        required=False,
        widget=forms.RadioSelect,
        empty_label=None,
    )
    rationale = forms.CharField(
        label="Why this level applies", required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    route = forms.ChoiceField(
        label="What happens next",
        choices=DecisionRoute.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    named_services = forms.MultipleChoiceField(
        label="Services from the Directory (advice and signposting)",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    other_services = forms.CharField(
        label="Other services named",
        required=False,
        max_length=500,
        help_text="Services not in the Directory, if any.",
    )
    lead_professional = PersonChoice(
        label="Lead professional (Team Around the Family)", queryset=None, required=False
    )
    family_agreement = forms.BooleanField(
        label="The family agrees to Family Solutions", required=False
    )
    receiving_team = forms.ModelChoiceField(
        label="Receiving team (Family Solutions or children's social care)",
        queryset=None,
        required=False,
    )
    outcome_message = forms.CharField(
        label="Message to the referrer",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Leave blank to send the standard explanation of the decision.",
    )

    def __init__(self, *args, services=(), lead_professionals=None, teams=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["named_services"].choices = list(services)
        self.fields["lead_professional"].queryset = lead_professionals
        self.fields["receiving_team"].queryset = teams


class DecisionCorrectionForm(forms.Form):
    """Correcting the wording of a decision, from the version read."""

    rationale = forms.CharField(
        label="Why this level applies", required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    outcome_message = forms.CharField(
        label="Message to the referrer", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    reason = forms.CharField(
        label="What was wrong, and why it is being corrected",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    version = VersionField()

    @classmethod
    def initial_for(cls, decision) -> dict:
        return {
            "rationale": decision.rationale,
            "outcome_message": decision.outcome_message,
            "version": decision.version,
        }
