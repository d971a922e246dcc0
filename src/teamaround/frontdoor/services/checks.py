"""Checking a request before it reaches the Hub: every problem at once, keyed by the form's
field names, so the GOV.UK error summary (or the API's 400) can list them all."""

from __future__ import annotations

from django.utils import timezone

from teamaround.core.errors import DomainError, ValidationFailed
from teamaround.frontdoor.models import (
    Consent,
    PublicRelationship,
    RequestForSupport,
    RequestSource,
)
from teamaround.people import validators

# A family member asking for themselves or their own child gives consent by asking.
SELF_CONSENTING = {PublicRelationship.PARENT, PublicRelationship.YOUNG_PERSON}
NO_CONSENT_WITHOUT_SAFEGUARDING = (
    "Early help needs the family's agreement. Talk to the family first, or ask the Hub for a "
    "consultation. If you think the child is at risk of significant harm, say so below: a "
    "safeguarding concern needs no consent."
)


class Problems:
    def __init__(self) -> None:
        self.errors: dict[str, list[str]] = {}

    def add(self, field: str, message: str) -> None:
        self.errors.setdefault(field, []).append(message)

    def need(self, value, field: str, message: str) -> None:
        if value in (None, "") or (isinstance(value, str) and not value.strip()):
            self.add(field, message)


def normalised_postcode(value: str) -> str:
    """'' when blank; raises DomainError(field='postcode') for a postcode that is not real."""
    return validators.normalise_postcode(value) if (value or "").strip() else ""


def check_for_submission(request: RequestForSupport) -> None:
    """Raise ValidationFailed with every problem that stops the request being sent."""
    problems = Problems()
    problems.need(request.child_forenames, "child_forenames", "Enter the child's first name.")
    problems.need(request.child_surname, "child_surname", "Enter the child's last name.")
    problems.need(
        request.child_date_of_birth, "child_date_of_birth", "Enter the child's date of birth."
    )
    if request.child_date_of_birth:
        try:
            validators.validate_date_of_birth(
                request.child_date_of_birth,
                kind="known",
                today=timezone.localdate(),
                field="child_date_of_birth",
            )
        except DomainError as error:
            problems.add("child_date_of_birth", error.message)
    try:
        request.postcode = normalised_postcode(request.postcode)
    except DomainError as error:
        problems.add("postcode", error.message)
    if request.postcode and not request.address_line_1.strip():
        problems.add("address_line_1", "Enter the first line of the family's address.")
    problems.need(request.concern, "concern", "Say what you are worried about, in your words.")
    if request.source == RequestSource.PROFESSIONAL:
        problems.need(request.tried, "tried", "Say what has been tried so far.")
        problems.need(
            request.level_suggested_id,
            "level_suggested",
            "Choose the level of need you think applies.",
        )
    else:
        problems.need(request.referrer_name, "referrer_name", "Enter your name.")
        problems.need(
            request.public_relationship, "public_relationship", "Say how you know the child."
        )
        if not (request.referrer_phone.strip() or request.referrer_email.strip()):
            problems.add(
                "referrer_phone",
                "Give a phone number or an email address so the Hub can contact you.",
            )
    _check_consent(request, problems)
    if problems.errors:
        raise ValidationFailed(problems.errors)


def _check_consent(request: RequestForSupport, problems: Problems) -> None:
    if request.source == RequestSource.PUBLIC and request.public_relationship in SELF_CONSENTING:
        request.consent = Consent.YES
        return
    if request.consent and request.consent not in Consent.values:
        problems.add("consent", "Say whether the family agrees to this request.")
        return
    if request.safeguarding_concern:
        return
    if not request.consent:
        problems.add("consent", "Say whether the family agrees to this request.")
    elif request.consent == Consent.NO:
        problems.need(
            request.no_consent_reason, "no_consent_reason", "Say why the family has not agreed."
        )
        problems.add("consent", NO_CONSENT_WITHOUT_SAFEGUARDING)
