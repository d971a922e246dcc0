"""Forms for the people pages. They only parse input: the rules (NHS number, UPN, postcode,
date of birth, access) live in services and selectors, whose errors the views put back on the
form so the GOV.UK error summary shows them."""

from __future__ import annotations

from django import forms

from teamaround.core.forms import GovukDateField, VersionField
from teamaround.people.models import (
    DateOfBirthKind,
    Ethnicity,
    MemberRole,
    NameKind,
    RelationshipKind,
    Sex,
)

DATE_HINT = "For example, 27 3 2026"


class KnownChildSearchForm(forms.Form):
    forenames = forms.CharField(
        label="First names",
        required=False,
        max_length=100,
        help_text="As you heard them, any of the child's forenames: spelling need not be exact",
    )
    surname = forms.CharField(label="Last name", required=False, max_length=100)
    date_of_birth = GovukDateField(
        label="Date of birth or expected date (if known)", required=False, help_text=DATE_HINT
    )
    age = forms.IntegerField(
        label="Age in years (if you do not know the date of birth)",
        required=False,
        min_value=0,
        max_value=25,
    )
    postcode = forms.CharField(
        label="Postcode (if known)",
        required=False,
        max_length=10,
        help_text="The full postcode, or only its first part, like CM1",
    )
    nhs_number = forms.CharField(label="NHS number (if known)", required=False, max_length=14)
    sex = forms.ChoiceField(
        label="Sex (if known)",
        required=False,
        choices=[("", "Not known"), ("F", "Female"), ("M", "Male")],
    )

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(f) for f in ("forenames", "surname", "nhs_number")):
            raise forms.ValidationError("Enter a name or an NHS number to search for.")
        return cleaned


class PersonForm(forms.Form):
    forenames = forms.CharField(label="First names", max_length=100, required=False)
    surname = forms.CharField(label="Last name", max_length=100, required=False)
    date_of_birth = GovukDateField(label="Date of birth", required=False, help_text=DATE_HINT)
    date_of_birth_kind = forms.ChoiceField(
        label="How the date of birth is known",
        choices=DateOfBirthKind.choices,
        initial=DateOfBirthKind.KNOWN,
        widget=forms.RadioSelect,
    )
    sex = forms.ChoiceField(
        label="Sex", choices=Sex.choices, initial=Sex.UNKNOWN, widget=forms.RadioSelect
    )
    gender = forms.CharField(
        label="Gender (optional)",
        required=False,
        max_length=60,
        help_text="As the person describes it",
    )
    ethnicity = forms.ChoiceField(
        label="Ethnicity", choices=Ethnicity.choices, initial=Ethnicity.NOBT
    )
    first_language = forms.CharField(
        label="First language (optional)", required=False, max_length=60
    )
    interpreter_needed = forms.BooleanField(label="Needs an interpreter", required=False)
    disability = forms.CharField(label="Disability (optional)", required=False, max_length=200)
    nhs_number = forms.CharField(label="NHS number (optional)", required=False, max_length=14)
    upn = forms.CharField(label="Unique Pupil Number (optional)", required=False, max_length=14)
    line_1 = forms.CharField(label="Address line 1 (optional)", required=False, max_length=120)
    town = forms.CharField(label="Town (optional)", required=False, max_length=80)
    postcode = forms.CharField(label="Postcode (optional)", required=False, max_length=10)
    phone = forms.CharField(label="Phone (optional)", required=False, max_length=30)
    email = forms.EmailField(label="Email (optional)", required=False)
    role = forms.ChoiceField(
        label="Role in the family", choices=MemberRole.choices, initial=MemberRole.CHILD
    )

    ADDRESS = ("line_1", "town", "postcode")

    def service_arguments(self) -> dict:
        values = dict(self.cleaned_data)
        address = {name: values.pop(name) for name in self.ADDRESS}
        values["address"] = address if any(address.values()) else None
        return values


class PersonChangeForm(PersonForm):
    """A person's own details, from the version read (identifiers, names and addresses are
    added on their own pages, and family roles on the family's)."""

    nhs_number = upn = line_1 = town = postcode = role = None
    version = VersionField()

    FIELDS = (
        "forenames",
        "surname",
        "date_of_birth",
        "date_of_birth_kind",
        "sex",
        "gender",
        "ethnicity",
        "first_language",
        "interpreter_needed",
        "disability",
        "phone",
        "email",
    )

    @classmethod
    def initial_for(cls, person) -> dict:
        return {name: getattr(person, name) for name in cls.FIELDS} | {"version": person.version}


class NameForm(forms.Form):
    kind = forms.ChoiceField(
        label="Kind of name",
        choices=NameKind.choices,
        widget=forms.RadioSelect,
        initial=NameKind.ALIAS,
    )
    forenames = forms.CharField(label="First names", required=False, max_length=100)
    surname = forms.CharField(label="Last name", required=False, max_length=100)


class AddressForm(forms.Form):
    line_1 = forms.CharField(label="Address line 1", required=False, max_length=120)
    line_2 = forms.CharField(label="Address line 2 (optional)", required=False, max_length=120)
    town = forms.CharField(label="Town (optional)", required=False, max_length=80)
    postcode = forms.CharField(label="Postcode", required=False, max_length=10)
    moved_in = GovukDateField(label="Moved in (optional)", required=False, help_text=DATE_HINT)


class FamilyForm(forms.Form):
    name = forms.CharField(
        label="Family name", max_length=150, help_text="For example, the Smith household"
    )


class FamilyChangeForm(FamilyForm):
    version = VersionField()

    @classmethod
    def initial_for(cls, family) -> dict:
        return {"name": family.name, "version": family.version}


class RelationshipForm(forms.Form):
    from_person = forms.ChoiceField(label="Person")
    kind = forms.ChoiceField(label="Is the", choices=RelationshipKind.choices)
    to_person = forms.ChoiceField(label="Of")
    started_on = GovukDateField(label="Since (optional)", required=False, help_text=DATE_HINT)

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(str(person.pk), str(person)) for person in people]
        self.fields["from_person"].choices = choices
        self.fields["to_person"].choices = choices


class EndMembershipForm(forms.Form):
    ended_on = GovukDateField(
        label="Left on",
        help_text=DATE_HINT,
        error_messages={"required": "Enter the date they left the household."},
    )
    reason = forms.CharField(
        label="Reason (optional)", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class MergeForm(forms.Form):
    duplicate = forms.UUIDField(
        label="Reference of the duplicate record",
        help_text="Shown as 'Reference' on the duplicate's page. It will be merged into this one.",
    )
    reason = forms.CharField(
        label="Why these are the same person", widget=forms.Textarea(attrs={"rows": 3})
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label="Reason", widget=forms.Textarea(attrs={"rows": 3}))


class BreakGlassForm(forms.Form):
    reason = forms.CharField(
        label="Why do you need to see this record now?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Your reason is recorded and shown to your team manager.",
    )
