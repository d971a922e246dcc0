"""Forms for the Early Help Plan (outcomes, version and a formset of actions) and TAF
meetings (attendance, progress on each action, a score per need)."""

from django import forms

from teamaround.earlyhelp.forms.fields import DateField, domain_field
from teamaround.earlyhelp.models import PROGRESS_CHOICES, Attendance


class PlanForm(forms.Form):
    outcomes = forms.CharField(
        label="What the family wants to be different",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="In the family's own words.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ActionForm(forms.Form):
    id = forms.CharField(widget=forms.HiddenInput, required=False)
    what = forms.CharField(
        label="What will be done", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    owner = forms.ChoiceField(label="Who will do it", required=False)
    due_on = DateField(label="By when", required=False)
    domain = domain_field(required=False, label="Need it meets")
    remove = forms.BooleanField(label="Take this action off the plan", required=False)

    def __init__(self, *args, owners=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [("", "Choose who")] + list(owners)

    def row(self, lookup) -> dict:
        data = self.cleaned_data
        owner, person = lookup(data.get("owner") or "")
        return {
            "id": data.get("id") or None,
            "what": data.get("what", ""),
            "owner": owner,
            "owner_person": person,
            "due_on": data.get("due_on"),
            "domain": data.get("domain"),
            "remove": data.get("remove", False),
        }


ActionFormSet = forms.formset_factory(ActionForm, extra=0)


class MeetingForm(forms.Form):
    held_on = DateField(label="Date of the meeting")
    family_views = forms.CharField(
        label="What the family said", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    others = forms.CharField(
        label="Others who attended",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="One a line: agency, then name (for example, Housing, Sam Jones).",
    )

    new_what = forms.CharField(
        label="New action: what will be done",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    new_owner = forms.ChoiceField(label="New action: who will do it", required=False)
    new_due_on = DateField(label="New action: by when", required=False)
    new_domain = domain_field(required=False, label="New action: need it meets")

    def __init__(self, *args, members=(), actions=(), domains=(), owners=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_owner"].choices = [("", "Choose who")] + list(owners)
        self.members, self.actions, self.domains = list(members), list(actions), list(domains)
        for member in self.members:
            self.fields[f"attendance-{member.pk}"] = forms.ChoiceField(
                label=f"{member.practitioner} ({member.team.agency.name})",
                choices=Attendance.choices,
                widget=forms.RadioSelect,
                initial="attended",
            )
        for action in self.actions:
            self.fields[f"progress-{action.pk}"] = forms.ChoiceField(
                label=action.what,
                choices=[("", "Not reviewed")] + list(PROGRESS_CHOICES),
                required=False,
                widget=forms.RadioSelect,
                help_text=f"{action.who}, by {action.due_on:%-d %B %Y}",
            )
            self.fields[f"note-{action.pk}"] = forms.CharField(
                label=f"Note on: {action.what}"[:120], required=False
            )
        for domain in self.domains:
            self.fields[f"score-{domain.code}"] = forms.CharField(
                label=f"{domain.name}: score agreed with the family (0 to 10)",
                required=False,
                widget=forms.TextInput(attrs={"inputmode": "numeric"}),
            )

    def attendance(self) -> list[dict]:
        rows = [
            {
                "name": str(m.practitioner),
                "agency": m.team.agency.name,
                "attendance": self.cleaned_data.get(f"attendance-{m.pk}"),
            }
            for m in self.members
        ]
        for line in (self.cleaned_data.get("others") or "").splitlines():
            agency, _, name = line.partition(",")
            if line.strip():
                rows.append(
                    {"agency": agency.strip(), "name": name.strip(), "attendance": "attended"}
                )
        return rows

    def progress(self) -> list[dict]:
        return [
            {
                "action": a,
                "status": self.cleaned_data[f"progress-{a.pk}"],
                "note": self.cleaned_data.get(f"note-{a.pk}", ""),
            }
            for a in self.actions
            if self.cleaned_data.get(f"progress-{a.pk}")
        ]

    def new_actions(self, lookup) -> list[dict]:
        data = self.cleaned_data
        if not (data.get("new_what") or data.get("new_owner")):
            return []
        owner, person = lookup(data.get("new_owner") or "")
        return [
            {
                "what": data.get("new_what", ""),
                "owner": owner,
                "owner_person": person,
                "due_on": data.get("new_due_on"),
                "domain": data.get("new_domain"),
            }
        ]

    def scores(self) -> list[dict]:
        rows = []
        for domain in self.domains:
            raw = (self.cleaned_data.get(f"score-{domain.code}") or "").strip()
            if raw:
                rows.append(
                    {"domain": domain, "score": int(raw) if raw.lstrip("-").isdigit() else raw}
                )
        return rows
