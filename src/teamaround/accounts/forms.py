"""Forms for signing in and for the administrator's pages. They parse input; rules live in
services."""

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.forms import AuthenticationForm

from teamaround.accounts.models import Agency, AgencyKind, Team
from teamaround.accounts.roles import Role
from teamaround.core.forms import VersionField
from teamaround.core.models import District


class SignInForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account has been deactivated.",
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = "Username"
        self.fields["password"].label = "Password"
        self.fields["username"].widget.attrs.update(
            {"autocomplete": "username", "spellcheck": "false"}
        )


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code from your authenticator app",
        max_length=12,
        help_text="The 6-digit code your app shows now",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


def _districts():
    return District.objects.filter(archived_at__isnull=True)


class AgencyForm(forms.Form):
    name = forms.CharField(label="Name", max_length=200)
    kind = forms.ChoiceField(
        label="Kind of agency", choices=AgencyKind.choices, widget=forms.RadioSelect
    )
    reference = forms.CharField(
        label="Reference (optional)",
        max_length=40,
        required=False,
        help_text="For example, a school's URN or a GP practice's ODS code",
    )
    districts = forms.ModelMultipleChoiceField(
        label="Districts covered",
        queryset=_districts(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    postcode = forms.CharField(label="Postcode (optional)", max_length=10, required=False)
    phone = forms.CharField(label="Phone (optional)", max_length=30, required=False)
    email = forms.EmailField(label="Email (optional)", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["districts"].queryset = _districts()

    @classmethod
    def initial_for(cls, agency: Agency) -> dict:
        values = {
            f: getattr(agency, f)
            for f in ("name", "kind", "reference", "postcode", "phone", "email")
        }
        values["districts"] = list(agency.districts.all())
        return values


class TeamForm(forms.Form):
    name = forms.CharField(label="Team name", max_length=200)
    districts = forms.ModelMultipleChoiceField(
        label="Districts covered",
        queryset=_districts(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    email = forms.EmailField(label="Team email (optional)", required=False)
    phone = forms.CharField(label="Team phone (optional)", max_length=30, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["districts"].queryset = _districts()


class AgencyChangeForm(AgencyForm):
    version = VersionField()

    @classmethod
    def initial_for(cls, agency: Agency) -> dict:
        return super().initial_for(agency) | {"version": agency.version}


class TeamChangeForm(TeamForm):
    version = VersionField()

    @staticmethod
    def initial_for(team: Team) -> dict:
        return {
            "name": team.name,
            "email": team.email,
            "phone": team.phone,
            "districts": list(team.districts.all()),
            "version": team.version,
        }


class UserForm(forms.Form):
    username = forms.CharField(label="Username", max_length=150)
    first_name = forms.CharField(label="First name", max_length=150)
    last_name = forms.CharField(label="Last name", max_length=150)
    email = forms.EmailField(label="Work email")
    job_title = forms.CharField(label="Job title (optional)", max_length=120, required=False)
    team = forms.ModelChoiceField(
        label="Team", queryset=Team.objects.none(), required=False, empty_label="No team"
    )
    roles = forms.MultipleChoiceField(
        label="Roles", choices=Role.choices, widget=forms.CheckboxSelectMultiple
    )
    password = forms.CharField(
        label="Password (optional)",
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text="At least 12 characters. Leave blank to send the person a reset link instead.",
    )

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = Team.objects.select_related("agency").filter(
            archived_at__isnull=True
        )
        if editing:
            del self.fields["password"]
            self.fields["username"].disabled = True


class ReasonForm(forms.Form):
    reason = forms.CharField(label="Reason", widget=forms.Textarea(attrs={"rows": 3}))


CHOOSING_ADVICE = (
    "At least 12 characters, not a common password, not like your name or username, not all "
    "numbers and not one character repeated. A few unrelated words make a good password."
)


class _NewPassword:
    def _label_new_password(self):
        self.fields["new_password1"].label = "New password"
        self.fields["new_password1"].help_text = CHOOSING_ADVICE
        self.fields["new_password2"].label = "Confirm the new password"
        self.fields["new_password2"].help_text = ""


class PasswordChangeForm(_NewPassword, auth_forms.PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "Current password"
        self._label_new_password()


class SetPasswordForm(_NewPassword, auth_forms.SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._label_new_password()


class PasswordResetForm(auth_forms.PasswordResetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "Email address"
        self.fields["email"].help_text = "The address your account was set up with"
