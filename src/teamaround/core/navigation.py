"""Service navigation as a registry: each app adds its own pages in its AppConfig.ready(), with
a test of who may see the link. The link is only a convenience: every view checks access."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class NavigationItem:
    label: str
    url_name: str
    visible: Callable[[object], bool]
    order: int = 50


_items: list[NavigationItem] = []


def register(label: str, url_name: str, *, visible: Callable[[object], bool], order: int = 50):
    if any(item.url_name == url_name for item in _items):
        return
    _items.append(NavigationItem(label, url_name, visible, order))
    _items.sort(key=lambda item: item.order)


def navigation_for(request) -> list[dict]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    path = request.path
    entries = []
    for item in _items:
        if not item.visible(user):
            continue
        href = reverse(item.url_name)
        current = path == href or (href != "/" and path.startswith(href))
        entries.append({"text": item.label, "href": href, "current": current})
    return entries
