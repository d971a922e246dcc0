"""Loaded by rules' autodiscovery so the permissions are registered at start-up."""

from teamaround.commissioning import permissions  # noqa: F401
