"""Loaded by rules autodiscovery."""

from teamaround.socialcare import permissions  # noqa: F401
