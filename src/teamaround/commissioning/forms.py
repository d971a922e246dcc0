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
