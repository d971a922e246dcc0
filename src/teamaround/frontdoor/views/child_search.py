"""What every Hub page does the same way."""

from __future__ import annotations

from teamaround.core.views.forms import attempt as core_attempt
from teamaround.people.selectors import known_child_search

SEARCH_FIELDS = {
    "child_forenames": "forenames",
    "child_surname": "surname",
    "child_date_of_birth": "date_of_birth",
    "postcode": "postcode",
}


FORM_FIELDS = {value: key for key, value in SEARCH_FIELDS.items()} | {"line_1": "address_line_1"}


def attempt(form, call):
    """Run a service, showing its errors on the form. People's services name fields their way
    (forenames); the Hub's forms say child_forenames."""
    return core_attempt(form, call, rename=lambda field: FORM_FIELDS.get(field, field))


def search_known_child(user, form):
    """Run "is this child known?" on the child fields of a form; problems go on the form."""
    data = form.cleaned_data
    if not (data.get("child_forenames") or data.get("child_surname")):
        form.add_error("child_surname", "Enter the child's name to check whether they are known.")
        return None
    return attempt(
        form,
        lambda: known_child_search(
            actor=user,
            **{
                target: data.get(source) or ("" if target != "date_of_birth" else None)
                for source, target in SEARCH_FIELDS.items()
            },
            limit=5,
        ),
    )
