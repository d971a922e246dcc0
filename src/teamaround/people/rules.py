"""Loaded by rules' autodiscovery so the permissions are registered at start-up."""

from teamaround.people import permissions  # noqa: F401
