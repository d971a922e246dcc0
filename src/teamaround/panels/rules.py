"""Loaded by rules' autodiscovery so the panels permissions are registered at start-up."""

from teamaround.panels import permissions  # noqa: F401
