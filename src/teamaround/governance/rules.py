"""Loaded by rules' autodiscovery so the permissions are registered at start-up."""

from teamaround.governance import permissions  # noqa: F401
