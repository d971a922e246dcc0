"""Loaded by rules' autodiscovery so the Hub's permissions are registered at start-up."""

from teamaround.frontdoor import permissions  # noqa: F401
