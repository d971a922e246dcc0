"""What every Hub page does the same way."""

from __future__ import annotations

from teamaround.core.errors import DomainError, apply_to_form
from teamaround.people.selectors import known_child_search

SEARCH_FIELDS = {
    "child_forenames": "forenames",
    "child_surname": "surname",
    "child_date_of_birth": "date_of_birth",
    "postcode": "postcode",
}


def attempt(form, call):
    """Run a service; on a DomainError put its messages on the form and return None."""
    try:
        return call()
    except DomainError as error:
        apply_to_form(form, _renamed(error))
        return None


def _renamed(error: DomainError) -> DomainError:
    """People's services name fields their way (forenames); the Hub's forms say child_..."""
    names = {value: key for key, value in SEARCH_FIELDS.items()} | {"line_1": "address_line_1"}
    errors = {names.get(field, field): messages for field, messages in error.errors.items()}
    from teamaround.core.errors import ValidationFailed

    return ValidationFailed(errors)


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
