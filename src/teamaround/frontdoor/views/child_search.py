"""The Hub's "is this child known?" search, and the Hub forms' names for people's fields."""

from __future__ import annotations

from teamaround.core.views.forms import submit
from teamaround.people.selectors import known_child_search

SEARCH_FIELDS = {
    "child_forenames": "forenames",
    "child_surname": "surname",
    "child_date_of_birth": "date_of_birth",
    "postcode": "postcode",
}


FORM_FIELDS = {value: key for key, value in SEARCH_FIELDS.items()} | {"line_1": "address_line_1"}


def hub_field(field: str) -> str:
    """A service's field name as the Hub's forms say it: people's services name fields their
    way (forenames); the Hub's forms say child_forenames. `submit(..., rename=hub_field)`."""
    return FORM_FIELDS.get(field, field)


def search_known_child(request, form):
    """Run "is this child known?" on the child fields of a form; problems go on the form."""
    data = form.cleaned_data
    if not (data.get("child_forenames") or data.get("child_surname")):
        form.add_error("child_surname", "Enter the child's name to check whether they are known.")
        return None
    return submit(
        request,
        form,
        lambda data: known_child_search(
            actor=request.user,
            **{
                target: data.get(source) or ("" if target != "date_of_birth" else None)
                for source, target in SEARCH_FIELDS.items()
            },
            limit=5,
        ),
        rename=hub_field,
    )
