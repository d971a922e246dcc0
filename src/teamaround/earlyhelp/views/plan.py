"""The Early Help Plan: the form (with the version it started from, so a second editor gets a
conflict instead of overwriting), and the family's copy to print or download as a PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string

from teamaround.core.errors import DomainError, StaleVersion, apply_to_form
from teamaround.earlyhelp import forms, selectors, services
from teamaround.earlyhelp.selectors import parts
from teamaround.earlyhelp.selectors.choices import owner_choices
from teamaround.earlyhelp.services.plan import plan_actions, plan_download_record

BLANK_ROWS = 3


def _initial(plan):
    if plan is None:
        return []
    rows = []
    for action in plan_actions(plan):
        owner = f"user:{action.owner_id}" if action.owner_id else f"person:{action.owner_person_id}"
        rows.append(
            {
                "id": str(action.pk),
                "what": action.what,
                "owner": owner,
                "due_on": action.due_on,
                "domain": action.domain_id,
            }
        )
    return rows


@login_required
def plan_edit(request, episode_id):
    episode = selectors.episode_get(
        actor=request.user, episode_id=episode_id, what="an Early Help Plan"
    )
    plan = parts.plan_of(episode)
    owners, lookup = owner_choices(episode)
    initial = _initial(plan)
    form = forms.PlanForm(
        request.POST or None,
        initial={
            "outcomes": plan.outcomes if plan else "",
            "version": plan.version if plan else None,
        },
    )
    formset = forms.ActionFormSet(
        request.POST or None,
        prefix="actions",
        initial=initial + [{}] * BLANK_ROWS,
        form_kwargs={"owners": owners},
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        rows = [f.row(lookup) for f in formset.forms]
        try:
            saved = services.plan_save(
                actor=request.user,
                episode=episode,
                outcomes=form.cleaned_data["outcomes"],
                actions=rows,
                version=form.cleaned_data["version"],
            )
        except DomainError as error:
            _show(error, form, formset)
        else:
            messages.success(request, f"The plan is saved (version {saved.version}).")
            return redirect("earlyhelp:episode", episode.pk)
    return render(
        request,
        "earlyhelp/plan_form.html",
        {
            "episode": episode,
            "plan": plan,
            "form": form,
            "formset": formset,
            "can_edit": selectors.can_edit(request.user, episode),
            "error_items": _summary(form, formset),
        },
    )


def _show(error, form, formset) -> None:
    """A row's errors go on that row of the formset; the rest (and a conflict) on the plan."""
    if isinstance(error, StaleVersion):  # both versions shown; the form keeps this editor's
        apply_to_form(form, error)
        return
    for field, problems in error.errors.items():
        parts = field.split("-", 2)
        row = None
        if parts[0] == "actions" and len(parts) == 3 and parts[1].isdigit():
            index = int(parts[1])
            row = formset.forms[index] if index < len(formset.forms) else None
        for problem in problems:
            if row is not None:
                row.add_error(parts[2] if parts[2] in row.fields else None, problem)
            else:
                form.add_error("outcomes" if field == "outcomes" else None, problem)


def _summary(form, formset) -> list[dict]:
    items = [{"text": e, "href": ""} for e in form.non_field_errors()]
    items += [{"text": e, "href": f"#{form['outcomes'].auto_id}"} for e in form["outcomes"].errors]
    for row in formset.forms:
        for name, problems in row.errors.items():
            href = f"#{row[name].auto_id}" if name in row.fields else ""
            items += [{"text": e, "href": href} for e in problems]
    return items


def _printable(request, episode_id):
    episode = selectors.episode_get(
        actor=request.user, episode_id=episode_id, what="an Early Help Plan to print"
    )
    plan = parts.plan_of(episode)
    if plan is None:
        messages.info(request, "There is no plan to print yet.")
        return episode, None, None
    people = list(parts.taf_current(episode))
    context = {"episode": episode, "plan": plan, "actions": plan_actions(plan), "taf": people}
    return episode, plan, context


@login_required
def plan_print(request, episode_id):
    episode, plan, context = _printable(request, episode_id)
    if plan is None:
        return redirect("earlyhelp:plan", episode.pk)
    return render(request, "earlyhelp/plan_print.html", context | {"for_screen": True})


@login_required
def plan_pdf(request, episode_id):
    from weasyprint import HTML

    episode, plan, context = _printable(request, episode_id)
    if plan is None:
        return redirect("earlyhelp:plan", episode.pk)
    plan_download_record(actor=request.user, episode=episode, plan=plan)
    html = render_to_string(
        "earlyhelp/plan_print.html", context | {"for_screen": False}, request=request
    )
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="early-help-plan-{episode.reference}.pdf"'
    return response
