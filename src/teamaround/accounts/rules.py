"""Loaded by rules' autodiscovery so the permissions are registered at start-up."""

from teamaround.accounts import permissions  # noqa: F401
