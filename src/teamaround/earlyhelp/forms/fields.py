"""The fields early help forms share: staff choices, dates, need domains."""

from django import forms

from teamaround.core.forms import GovukDateField
from teamaround.core.models import NeedDomain, WindscreenLevel


def staff_label(user) -> str:
    team = f", {user.team.name} ({user.team.agency.name})" if user.team_id else ""
    return f"{user.get_full_name() or user.username}{team}"


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return staff_label(obj)


class DateField(GovukDateField):
    """A date entered as day, month and year (the GOV.UK date input)."""


def level_field():
    return forms.ModelChoiceField(
        queryset=WindscreenLevel.objects.filter(number__in=(2, 3)),
        widget=forms.RadioSelect,
        label="Level of need",
        empty_label=None,
        error_messages={"required": "Choose the level of need."},
    )


def domain_field(required=True, label="Area of need"):
    return forms.ModelChoiceField(
        queryset=NeedDomain.objects.filter(is_active=True),
        label=label,
        required=required,
        empty_label="Choose an area" if required else "Not linked to a need",
        error_messages={"required": "Choose the area of need."},
    )
