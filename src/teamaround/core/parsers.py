"""The API's JSON parser: DRF's (strict: NaN and Infinity are refused), plus a size limit
(DATA_UPLOAD_MAX_MEMORY_SIZE, which DRF's stream reading does not apply), a 400 rather than a
500 for nesting too deep to parse, and no NUL characters (PostgreSQL text cannot hold them)."""

import json

from django.conf import settings
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser


class StrictJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        body = stream.read(limit + 1) if stream is not None else b""
        if limit is not None and len(body) > limit:
            raise ParseError(f"The request body is larger than {limit} bytes.")
        try:
            text = body.decode((parser_context or {}).get("encoding") or settings.DEFAULT_CHARSET)
        except UnicodeDecodeError as error:
            raise ParseError("The request body is not valid UTF-8.") from error
        if "\\u0000" in text:
            raise ParseError("Text must not contain NUL characters (\\u0000).")
        try:
            return json.loads(text, parse_constant=_refuse_constant)
        except RecursionError as error:
            raise ParseError("The JSON is nested too deeply.") from error
        except ValueError as error:
            raise ParseError(f"JSON parse error - {error}") from error


def _refuse_constant(name):
    raise ValueError(f"{name} is not a number JSON allows")
