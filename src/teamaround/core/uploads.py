"""The one file field every upload uses (police CSVs, geography and directory JSON): the
right extension, at most TEAMAROUND_UPLOAD_MAX_BYTES, UTF-8 text with no NUL bytes, and for
JSON, JSON that parses (not nested too deeply). A wrong file is a field error on the form,
never a 500; the view reads the file from the start as before."""

from __future__ import annotations

import json

from django import forms
from django.conf import settings


class UploadField(forms.FileField):
    def __init__(self, *, kind: str, **kwargs):
        assert kind in ("csv", "json")
        self.kind = kind
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not upload:
            return upload
        limit = settings.TEAMAROUND_UPLOAD_MAX_BYTES
        name = (upload.name or "").lower()
        if not name.endswith(f".{self.kind}"):
            raise forms.ValidationError(f"The file must be a .{self.kind} file.")
        if upload.size > limit:
            raise forms.ValidationError(
                f"The file must be smaller than {limit // (1024 * 1024)} MB."
            )
        raw = upload.read()
        upload.seek(0)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(
                f"The file must be {self.kind.upper()} text in UTF-8: this looks like another "
                "kind of file."
            ) from error
        if "\x00" in text:
            raise forms.ValidationError(
                f"The file must be {self.kind.upper()} text: it contains NUL bytes."
            )
        if self.kind == "json":
            try:
                json.loads(text)
            except RecursionError as error:
                raise forms.ValidationError("The JSON is nested too deeply.") from error
            except ValueError as error:
                raise forms.ValidationError(f"The file is not valid JSON: {error}.") from error
        return upload
