"""API endpoints for this app, registered on the project's router by register()."""


def register(router) -> None:
    """Add this app's viewsets to the project's API router."""
