"""Forms for panels' pages. They only parse input; the rules live in the services, whose errors
the views put back on the form (with row errors mapped to row fields) for the error summary."""

from __future__ import annotations

from django import forms

from teamaround.accounts.models import Agency
from teamaround.core.forms import GovukDateField, VersionField
from teamaround.panels.models import AvoidedPlacement, PackageOutcome

DATE_HINT = "For example, 27 3 2026"
ACTION_ROWS = 3
PART_ROWS = 3
SHARE_ROWS = 4


def _date(label, required=True):
    return GovukDateField(label=label, required=required, help_text=DATE_HINT)


class ReferralForm(forms.Form):
    def __init__(self, *args, panel, families, **kwargs):
        super().__init__(*args, **kwargs)
        kind = panel.panel_type
        if kind.case_subject == "place":
            self.fields["place"] = forms.CharField(
                label="Place or theme", max_length=200, help_text="No names of children."
            )
        else:
            self.fields["family"] = forms.ModelChoiceField(
                queryset=families, label="Family", empty_label="Choose a family"
            )
        self.fields["question"] = forms.CharField(
            label="Question for the panel",
            widget=forms.Textarea(attrs={"rows": 4}),
            help_text="What do you want the panel to decide?",
        )
        if kind.sharing_basis == "consent" and kind.case_subject != "place":
            self.fields["consent_given_by"] = forms.CharField(
                label="Who agreed to this referral",
                required=False,
                max_length=120,
                help_text="This panel works by consent. Give the name of the parent or carer "
                "(or the young person) who agreed to their information going to the panel. "
                "Leave it blank only if their consent for panels is already recorded.",
            )
        if kind.records_risk_score:
            self.fields["risk_score"] = forms.IntegerField(
                label="DASH risk score",
                required=False,
                min_value=0,
                max_value=27,
                help_text="14 or more meets the threshold for MARAC.",
            )
            self.fields["professional_judgement"] = forms.BooleanField(
                label="Referred by professional judgement", required=False
            )


class ScheduleForm(forms.Form):
    held_on = _date("Date of the meeting")
    starts_at = forms.TimeField(label="Start time", required=False, help_text="For example, 09:30")


class AgendaForm(forms.Form):
    def __init__(self, *args, referrals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["referrals"] = forms.MultipleChoiceField(
            label="Referrals to hear",
            required=False,
            widget=forms.CheckboxSelectMultiple,
            choices=[(str(r.pk), _referral_label(r)) for r in referrals],
            help_text="Leave all unticked to take the next referrals in the queue.",
        )


def _referral_label(referral) -> str:
    who = referral.family.name if referral.family_id else referral.place
    extra = " (carried over)" if referral.times_carried_over else ""
    return f"{who}, received {referral.received_at:%d %b %Y}{extra}"


class AttendanceForm(forms.Form):
    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"] = forms.MultipleChoiceField(
            label="Who is present",
            required=False,
            widget=forms.CheckboxSelectMultiple,
            choices=[(str(m.pk), f"{m.user} ({m.agency})") for m in members],
        )


class CaseSummaryForm(forms.Form):
    text = forms.CharField(
        label="Case summary",
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Only what the panel needs to answer the question.",
    )
    version = VersionField()


class DecisionForm(forms.Form):
    """The summary and actions every decision has; fields for its kind are added by the view."""

    summary = forms.CharField(
        label="What the panel decided and why", widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, kind, people, restricted, services=None, **kwargs):
        super().__init__(*args, **kwargs)
        add = self.fields.__setitem__
        if kind == "package":
            add("lead_professional", forms.ModelChoiceField(people, label="Lead professional"))
            add("starts_on", _date("Package starts on", required=False))
            add("duration_weeks", forms.IntegerField(label="Duration in weeks", min_value=1))
            add("review_on", _date("Panel reviews the package on", required=False))
            for n in range(PART_ROWS):
                add(
                    f"parts-{n}-service",
                    forms.ModelChoiceField(
                        services, required=False, label=f"Service {n + 1} from the Directory"
                    ),
                )
                add(
                    f"parts-{n}-provider",
                    forms.ModelChoiceField(
                        Agency.objects.all(),
                        required=False,
                        label=f"Agency providing service {n + 1}",
                        help_text="Leave empty to use the service's own agency, where it has one.",
                    ),
                )
                add(
                    f"parts-{n}-cost",
                    forms.DecimalField(
                        required=False, label=f"Cost of service {n + 1} (£)", min_value=0
                    ),
                )
        elif kind == "alternative":
            add(
                "avoided",
                forms.ChoiceField(
                    choices=AvoidedPlacement.choices,
                    widget=forms.RadioSelect,
                    label="The placement this avoids",
                ),
            )
            add("description", forms.CharField(label="Alternative agreed", widget=forms.Textarea))
            add("annual_cost", forms.DecimalField(label="Annual cost of the alternative (£)"))
            add(
                "avoided_annual_cost",
                forms.DecimalField(label="Annual cost of the placement avoided (£)"),
            )
        elif kind == "joint_funding":
            add("total_cost", forms.DecimalField(label="Total annual cost (£)", min_value=0))
            for n in range(SHARE_ROWS):
                add(
                    f"shares-{n}-agency",
                    forms.ModelChoiceField(
                        Agency.objects.all(), required=False, label=f"Funding agency {n + 1}"
                    ),
                )
                add(
                    f"shares-{n}-percentage",
                    forms.DecimalField(required=False, label=f"Share of agency {n + 1} (%)"),
                )
        elif kind in ("safety_plan", "exploitation_plan"):
            add("risks", forms.CharField(label="Risks", widget=forms.Textarea))
            add(
                "protective_factors",
                forms.CharField(label="Protective factors", widget=forms.Textarea, required=False),
            )
        elif kind == "disruption":
            add(
                "places",
                forms.CharField(
                    label="Places", widget=forms.Textarea, help_text="No names of children."
                ),
            )
            add("themes", forms.CharField(label="Themes", widget=forms.Textarea))
        elif kind == "missing_review":
            add(
                "episodes_in_last_90_days",
                forms.IntegerField(label="Missing episodes in the last 90 days", min_value=0),
            )
            add("pattern", forms.CharField(label="Pattern", widget=forms.Textarea))
        for n in range(ACTION_ROWS):
            add(
                f"actions-{n}-what",
                forms.CharField(
                    required=False, max_length=300, label=f"Action {n + 1}: what will be done"
                ),
            )
            add(
                f"actions-{n}-owner",
                forms.ModelChoiceField(people, required=False, label=f"Action {n + 1}: owner"),
            )
            add(f"actions-{n}-due_on", _date(f"Action {n + 1}: due by", required=False))
            if restricted:
                add(
                    f"actions-{n}-shared_with_owner",
                    forms.BooleanField(
                        required=False, label=f"Action {n + 1}: share with its owner"
                    ),
                )

    def rows(self, prefix: str, count: int, names: list[str]) -> list[dict]:
        data = self.cleaned_data
        return [{k: data.get(f"{prefix}-{n}-{k}") for k in names} for n in range(count)]

    def details(self, kind: str) -> dict:
        data = dict(self.cleaned_data)
        if kind == "package":
            parts = self.rows("parts", PART_ROWS, ["service", "provider", "cost"])
            for part in parts:
                service = part["service"]
                if part["provider"] is None and service is not None:
                    part["provider"] = service.organisation.agency
            data["parts"] = parts
        if kind == "joint_funding":
            data["shares"] = self.rows("shares", SHARE_ROWS, ["agency", "percentage"])
        return data

    def actions(self) -> list[dict]:
        rows = self.rows("actions", ACTION_ROWS, ["what", "owner", "due_on", "shared_with_owner"])
        for row in rows:
            row["shared_with_owner"] = bool(row["shared_with_owner"])
        return [r for r in rows if r["what"] or r["owner"] or r["due_on"]]


class PackageReviewForm(forms.Form):
    delivering = forms.TypedChoiceField(
        label="Is the package delivering?",
        widget=forms.RadioSelect,
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda v: v == "yes",
    )
    outcome = forms.ChoiceField(
        label="Decision", choices=PackageOutcome.choices, widget=forms.RadioSelect
    )
    notes = forms.CharField(label="Notes", widget=forms.Textarea, required=False)
    next_review_on = _date("Next review date", required=False)


class CorrectionForm(forms.Form):
    correction = forms.CharField(label="Correction", widget=forms.Textarea)
    reason = forms.CharField(label="Reason for the correction", widget=forms.Textarea)
    version = VersionField()
