"""Reading the ORUK API's query parameters exactly as the profile types them, and nothing else:
a parameter the endpoint does not support, or a value of the wrong shape, is a 400 that says
which and why (never silently ignored)."""

from __future__ import annotations

import math
import re
import uuid
from datetime import UTC, datetime, time, timedelta

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from rest_framework import status
from rest_framework.exceptions import APIException

from teamaround.directory.oruk import spec

TRUE, FALSE = {"true", "1", "yes"}, {"false", "0", "no"}
# Real time zones run from UTC-12:00 to UTC+14:00.
_LARGEST_UTC_OFFSET = timedelta(hours=14)

DAY_NAMES = {
    "monday": "MO",
    "tuesday": "TU",
    "wednesday": "WE",
    "thursday": "TH",
    "friday": "FR",
    "saturday": "SA",
    "sunday": "SU",
}


class BadParameter(APIException):
    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "bad_parameter"

    def __init__(self, name: str, message: str):
        super().__init__(f"{name}: {message}")
        self.errors = {name: [message]}


class Params:
    """The query of one request to one ORUK path, checked against what that path supports."""

    def __init__(self, request, path: str):
        self.query = request.query_params
        allowed = spec.supported_parameters(path)
        unknown = sorted(set(self.query) - allowed)
        if unknown:
            names = ", ".join(unknown)
            supported = ", ".join(sorted(allowed)) or "none"
            raise BadParameter(
                unknown[0],
                f"{names} {'is' if len(unknown) == 1 else 'are'} not supported by {path} "
                f"(it supports: {supported})",
            )
        for name in allowed:
            if len(self.query.getlist(name)) > 1:
                raise BadParameter(name, "give it once")

    def text(self, name: str) -> str:
        return self.query.get(name, "").strip()

    def integer(self, name: str, *, minimum: int = 0) -> int | None:
        value = self.text(name)
        if not value:
            return None
        if not re.fullmatch(r"[+-]?[0-9]{1,4000}", value):
            raise BadParameter(name, "must be a whole number")
        number = int(value)
        if number < minimum:
            raise BadParameter(name, f"must be {minimum} or more")
        return number

    def number(self, name: str) -> float | None:
        value = self.text(name)
        if not value:
            return None
        try:
            number = float(value)
        except ValueError as error:
            raise BadParameter(name, "must be a number") from error
        if not math.isfinite(number) or number < 0:
            raise BadParameter(name, "must be a number, zero or more")
        return number

    def boolean(self, name: str) -> bool:
        value = self.text(name).lower()
        if not value or value in FALSE:
            return False
        if value in TRUE:
            return True
        raise BadParameter(name, "must be true or false")

    def uuid(self, name: str) -> uuid.UUID | None:
        value = self.text(name)
        if not value:
            return None
        try:
            return uuid.UUID(value)
        except ValueError as error:
            raise BadParameter(name, "must be an id (a UUID)") from error

    def clock(self, name: str) -> time | None:
        value = self.text(name)
        if not value:
            return None
        if not re.fullmatch(spec.CLOCK, value):
            raise BadParameter(name, "must be a time of day, HH:MM or HH:MM:SS")
        return time.fromisoformat(re.match(r"[0-9:]{5,8}", value).group(0))

    def day(self, name: str = "day") -> str | None:
        value = self.text(name)
        if not value:
            return None
        code = DAY_NAMES.get(value.lower(), value.upper())
        if code not in spec.DAYS:
            raise BadParameter(name, "must be a day: MO, TU, WE, TH, FR, SA or SU")
        return code

    def moment(self, name: str) -> datetime | None:
        value = self.text(name)
        if not value:
            return None
        try:
            moment = parse_datetime(value)
        except ValueError:
            moment = None
        if moment is None:
            raise BadParameter(name, "must be a date and time, e.g. 2025-01-31T09:00:00Z")
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment, timezone.get_default_timezone())
        offset = moment.utcoffset()
        if offset is not None and abs(offset) > _LARGEST_UTC_OFFSET:
            raise BadParameter(name, "has a time zone offset no place uses (beyond ±14:00)")
        try:
            # Sent to the database in UTC: PostgreSQL refuses offsets it cannot represent.
            return moment.astimezone(UTC)
        except OverflowError as overflow:
            message = "must be a date and time, e.g. 2025-01-31T09:00:00Z"
            raise BadParameter(name, message) from overflow

    def postcode(self, name: str = "postcode") -> str | None:
        value = self.text(name)
        if not value:
            return None
        if not re.fullmatch(spec.POSTCODE, value):
            raise BadParameter(name, "must be a UK postcode, e.g. CM1 1QH (or its first half)")
        return value.upper()

    def choice(self, name: str, choices: tuple[str, ...], default: str) -> str:
        value = self.text(name).lower() or default
        if value not in choices:
            raise BadParameter(name, f"must be one of: {', '.join(choices)}")
        return value
