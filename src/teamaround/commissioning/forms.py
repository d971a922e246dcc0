"""The needs analysis filter: the area (county, quadrant or district), districts to compare
side by side, and how many months back."""

from django import forms

from teamaround.commissioning.selectors import area_choices, district_choices

PERIODS = [("12", "The last 12 months"), ("24", "The last 24 months"), ("36", "The last 36 months")]


class NeedsFilterForm(forms.Form):
    area = forms.ChoiceField(label="Area", required=False)
    compare = forms.MultipleChoiceField(
        label="Or compare districts side by side",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    months = forms.ChoiceField(label="Period", choices=PERIODS, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = area_choices()
        self.fields["compare"].choices = district_choices()

    def clean_compare(self):
        chosen = self.cleaned_data["compare"]
        if len(chosen) == 1:
            raise forms.ValidationError("Choose two or more districts to compare.")
        return chosen


def year_choices(current: int) -> list[tuple[int, str]]:
    from teamaround.commissioning.models import year_label

    return [(str(y), year_label(y)) for y in range(current + 1, current - 5, -1)]


class EnvelopeFilterForm(forms.Form):
    area = forms.ChoiceField(label="Area", required=False)
    year = forms.ChoiceField(label="Financial year", required=False)

    def __init__(self, *args, current_year: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = area_choices()
        self.fields["year"].choices = year_choices(current_year)


class SpendForm(forms.Form):
    agency = forms.ModelChoiceField(label="Agency", queryset=None)
    priority = forms.ModelChoiceField(label="Priority area", queryset=None)
    district = forms.ModelChoiceField(label="District", queryset=None)
    financial_year = forms.TypedChoiceField(label="Financial year", coerce=int)
    amount = forms.DecimalField(
        label="Amount spent (£)", min_value=0, max_digits=12, decimal_places=2
    )

    def __init__(self, *args, agencies, current_year: int, **kwargs):
        from teamaround.commissioning.selectors import priority_areas
        from teamaround.core.models import District, DistrictKind

        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.fields["priority"].queryset = priority_areas()
        self.fields["district"].queryset = District.objects.filter(kind=DistrictKind.DISTRICT)
        self.fields["financial_year"].choices = year_choices(current_year)


class SpendImportForm(forms.Form):
    agency = forms.ModelChoiceField(label="Agency", queryset=None)
    file = forms.FileField(
        label="Spending return (.xlsx or .csv)",
        help_text="Columns: Priority, District, Financial year, Amount.",
    )

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies


class JudgementForm(forms.Form):
    judgement = forms.ChoiceField(label="Judgement", widget=forms.RadioSelect, choices=())
    reason = forms.CharField(label="Reason", widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, **kwargs):
        from teamaround.commissioning.models import Judgement

        super().__init__(*args, **kwargs)
        self.fields["judgement"].choices = Judgement.choices


class BoardPackForm(forms.Form):
    board = forms.ChoiceField(label="Board")
    quarter = forms.ChoiceField(label="Quarter")
    summary = forms.CharField(
        label="Your summary for the board", widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    performance_commentary = forms.CharField(
        label="Commentary on the Hub's and panels' performance",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    services_commentary = forms.CharField(
        label="Commentary on the services recommended for recommissioning",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )

    def __init__(self, *args, today, **kwargs):
        from teamaround.commissioning.board_packs import quarter_choices
        from teamaround.core.models import Quadrant

        super().__init__(*args, **kwargs)
        self.fields["board"].choices = [("", "Children's Partnership Board")] + [
            (q.code, f"{q.name} Local Children's Commissioning and Delivery Board")
            for q in Quadrant.objects.all()
        ]
        self.fields["board"].required = False
        self.fields["quarter"].choices = quarter_choices(today)

    def clean(self):
        from datetime import date

        from teamaround.core.models import Quadrant

        data = super().clean()
        code = data.pop("board", "")
        data["quadrant"] = Quadrant.objects.filter(code=code).first() if code else None
        if "quarter" in data:
            data["quarter_start"] = date.fromisoformat(data.pop("quarter"))
        return data


class InterventionForm(forms.Form):
    name = forms.CharField(label="Name", max_length=200)
    description = forms.CharField(
        label="What it is", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    evidence_level = forms.ModelChoiceField(label="Evidence rating", queryset=None)
    evidence_source = forms.URLField(
        label="Where the rating comes from (a web address)", required=False, assume_scheme="https"
    )
    services = forms.ModelMultipleChoiceField(
        label="Directory services that deliver it",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, levels, services, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evidence_level"].queryset = levels
        self.fields["services"].queryset = services


class EvidenceLevelForm(forms.Form):
    name = forms.CharField(label="Name", max_length=80)
    description = forms.CharField(label="What it means", max_length=300, required=False)


class FamiliesFirstOutcomeForm(forms.Form):
    name = forms.CharField(label="Name", max_length=120)
    description = forms.CharField(label="What it means", max_length=300, required=False)
    need_domains = forms.ModelMultipleChoiceField(
        label="Need domains that count towards it",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, domains, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["need_domains"].queryset = domains
