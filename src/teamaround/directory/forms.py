"""Forms for the Directory's pages. They parse input; rules live in services."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from teamaround.core.forms import GovukDateField, VersionField
from teamaround.core.models import District, NeedDomain, WindscreenLevel
from teamaround.core.uploads import UploadField
from teamaround.directory.models import AccessRoute, ServiceStatus, Weekday


class SearchForm(forms.Form):
    """The public search. Every field is optional; an empty search lists everything."""

    q = forms.CharField(
        label="What do you need help with?",
        required=False,
        max_length=100,
        help_text="For example, anxiety, parenting, housing or a service's name",
    )
    need = forms.ChoiceField(label="Area of need", required=False)
    postcode = forms.CharField(
        label="Postcode",
        required=False,
        max_length=10,
        help_text="To show the nearest services first, for example CM1 1QH",
    )
    district = forms.ChoiceField(label="Or choose a district", required=False)
    age = forms.IntegerField(
        label="Age of the child or young person",
        required=False,
        min_value=0,
        max_value=25,
        help_text="In years",
    )
    level = forms.ChoiceField(label="Level of need", required=False)
    day = forms.ChoiceField(
        label="Open on",
        required=False,
        choices=[("", "Any day"), *Weekday.choices],
    )
    language = forms.CharField(
        label="Language spoken",
        required=False,
        max_length=60,
        help_text="To show only services delivered in it, for example Polish",
    )
    free = forms.BooleanField(label="Only show free services", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        needs = NeedDomain.objects.filter(is_active=True)
        self.fields["need"].choices = [("", "Any need")] + [(n.code, n.name) for n in needs]
        districts = District.objects.filter(archived_at__isnull=True)
        self.fields["district"].choices = [("", "Anywhere")] + [(d.code, d.name) for d in districts]
        self.fields["level"].choices = [("", "Any level")] + [
            (str(level.number), str(level)) for level in WindscreenLevel.objects.all()
        ]


def _multi(label, queryset, help_text=""):
    return forms.ModelMultipleChoiceField(
        label=label, queryset=queryset, help_text=help_text, widget=forms.CheckboxSelectMultiple
    )


class ServiceForm(forms.Form):
    name = forms.CharField(label="Name of the service", max_length=200)
    description = forms.CharField(
        label="What the service does",
        widget=forms.Textarea,
        help_text="In plain words, for families",
    )
    status = forms.ChoiceField(
        label="Is it running?",
        choices=ServiceStatus.choices,
        widget=forms.RadioSelect,
        initial=ServiceStatus.ACTIVE,
    )
    levels = _multi("Levels of need", WindscreenLevel.objects.all())
    needs_met = _multi("Needs it meets", NeedDomain.objects.filter(is_active=True))
    districts = _multi("Districts covered", District.objects.filter(archived_at__isnull=True))
    minimum_age = forms.IntegerField(
        label="Youngest age (optional)", required=False, min_value=0, max_value=120
    )
    maximum_age = forms.IntegerField(
        label="Oldest age (optional)", required=False, min_value=0, max_value=120
    )
    is_free = forms.TypedChoiceField(
        label="Is it free?",
        coerce=lambda v: v == "yes",
        choices=[("yes", "Yes, it is free"), ("no", "No, it costs")],
        widget=forms.RadioSelect,
        initial="yes",
    )
    cost_amount = forms.DecimalField(
        label="Cost in pounds (if it costs)",
        required=False,
        min_value=0,
        max_digits=8,
        decimal_places=2,
    )
    cost_description = forms.CharField(
        label="What the cost covers (if it costs)",
        required=False,
        max_length=200,
        help_text="For example, per session",
    )
    fees = forms.CharField(
        label="About the cost (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="For example, £5 a session; free for families on benefits",
    )
    languages = forms.CharField(
        label="Languages it is delivered in (optional)",
        required=False,
        max_length=500,
        help_text="Separate them with commas, for example English, Polish. Leave out languages "
        "offered only through an interpreter.",
    )
    access_routes = forms.MultipleChoiceField(
        label="How to get this service",
        choices=AccessRoute.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    how_to_access = forms.CharField(
        label="What families should do (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    phone = forms.CharField(label="Phone (optional)", required=False, max_length=30)
    email = forms.EmailField(label="Email (optional)", required=False)
    url = forms.URLField(label="Website (optional)", required=False, assume_scheme="https")
    capacity = forms.IntegerField(
        label="Capacity (optional, professionals only)",
        required=False,
        min_value=0,
        help_text="Places or caseload",
    )
    waiting_time_weeks = forms.IntegerField(
        label="Current waiting time in weeks (optional)", required=False, min_value=0, max_value=104
    )
    referral_routes = forms.CharField(
        label="Referral routes (professionals only)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    eligibility_notes = forms.CharField(
        label="Eligibility notes (professionals only)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    review_date = GovukDateField(
        label="Next review date",
        help_text="When this entry must next be checked, for example "
        "31 3 2026. After this date the service is flagged.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["levels"].queryset = WindscreenLevel.objects.all()
        self.fields["needs_met"].queryset = NeedDomain.objects.filter(is_active=True)
        self.fields["districts"].queryset = District.objects.filter(archived_at__isnull=True)
        if not self.is_bound and "review_date" not in self.initial:
            self.initial["review_date"] = timezone.localdate().replace(
                year=timezone.localdate().year + 1
            )

    def clean_languages(self) -> list[str]:
        names: list[str] = []
        for part in self.cleaned_data["languages"].split(","):
            name = " ".join(part.split())
            if len(name) > 60:
                raise forms.ValidationError("Each language must be 60 characters or fewer.")
            if name and name.lower() not in {n.lower() for n in names}:
                names.append(name)
        if len(names) > 30:
            raise forms.ValidationError("Give 30 languages or fewer.")
        return names

    @staticmethod
    def initial_for(service) -> dict:
        values = {
            name: getattr(service, name)
            for name in (
                "name",
                "description",
                "status",
                "minimum_age",
                "maximum_age",
                "access_routes",
                "how_to_access",
                "phone",
                "email",
                "url",
                "capacity",
                "waiting_time_weeks",
                "referral_routes",
                "eligibility_notes",
                "review_date",
                "fees",
            )
        }
        values["languages"] = ", ".join(service.languages or [])
        values["is_free"] = "yes" if service.is_free else "no"
        values["version"] = service.version
        for name in ("levels", "needs_met", "districts"):
            values[name] = list(getattr(service, name).all())
        cost = service.cost_options.first()
        if cost:
            values["cost_amount"], values["cost_description"] = cost.amount, cost.amount_description
        return values


class NewServiceForm(ServiceForm):
    organisation = forms.ModelChoiceField(label="Organisation that runs it", queryset=None)

    field_order = ["organisation"]

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class LocationForm(forms.Form):
    name = forms.CharField(label="Name of the place", max_length=200)
    address_1 = forms.CharField(label="Address", max_length=200, required=False)
    city = forms.CharField(label="Town or city", max_length=100, required=False)
    postcode = forms.CharField(label="Postcode", max_length=10)
    accessibility = forms.CharField(
        label="Access and facilities (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class OpeningTimesForm(forms.Form):
    """One opening and closing time per weekday; leave both empty when closed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for day in Weekday:
            self.fields[f"{day.value.lower()}_opens"] = forms.TimeField(
                label=f"{day.label} opens", required=False, help_text="For example, 09:00"
            )
            self.fields[f"{day.value.lower()}_closes"] = forms.TimeField(
                label=f"{day.label} closes", required=False
            )

    def clean(self):
        data = super().clean()
        for day in Weekday:
            opens, closes = (
                data.get(f"{day.value.lower()}_opens"),
                data.get(f"{day.value.lower()}_closes"),
            )
            if bool(opens) != bool(closes):
                self.add_error(
                    f"{day.value.lower()}_closes",
                    f"Enter both times for {day.label}, or neither if closed.",
                )
        return data

    def sessions(self):
        data = self.cleaned_data
        return [
            (d.value, data[f"{d.value.lower()}_opens"], data[f"{d.value.lower()}_closes"])
            for d in Weekday
            if data.get(f"{d.value.lower()}_opens")
        ]

    @staticmethod
    def initial_for(service) -> dict:
        values = {}
        for row in service.schedules.all():
            values[f"{row.byday.lower()}_opens"] = row.opens_at.strftime("%H:%M")
            values[f"{row.byday.lower()}_closes"] = row.closes_at.strftime("%H:%M")
        return values


class ServiceChangeForm(ServiceForm):
    version = VersionField()


class OrganisationForm(forms.Form):
    name = forms.CharField(label="Name", max_length=200)
    description = forms.CharField(label="What the organisation does", widget=forms.Textarea)
    email = forms.EmailField(label="Email (optional)", required=False)
    website = forms.URLField(label="Website (optional)", required=False, assume_scheme="https")
    logo = forms.URLField(
        label="Logo (optional)",
        required=False,
        assume_scheme="https",
        help_text="The web address of the organisation's logo image",
    )
    uri = forms.URLField(
        label="Persistent identifier (optional)",
        required=False,
        assume_scheme="https",
        help_text="A web address that always identifies the organisation, if it has one",
    )


class OrganisationChangeForm(OrganisationForm):
    version = VersionField()

    @staticmethod
    def initial_for(organisation) -> dict:
        fields = ("name", "description", "email", "website", "logo", "uri", "version")
        return {name: getattr(organisation, name) for name in fields}


class EditorForm(forms.Form):
    username = forms.CharField(label="Username of the member of staff", max_length=150)


class ImportForm(forms.Form):
    source = forms.CharField(
        label="Who publishes this feed",
        max_length=200,
        help_text="For example their directory's web address. Importing from the same "
        "publisher again updates the records it sent before; it never changes our own.",
    )
    feed = UploadField(
        kind="json",
        label="Open Referral UK JSON file",
        help_text="A service, an organisation with its services, a page of any ORUK list, "
        "or a list of records",
    )


class ReferralForm(forms.Form):
    family = forms.ChoiceField(label="Family", help_text="Families whose record you can open")
    reason = forms.CharField(
        label="Why are you referring the family?",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Do not include names: the family's record holds them",
    )

    def __init__(self, *args, families, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["family"].choices = [("", "Choose a family")] + list(families)
