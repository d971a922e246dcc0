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


# Actions offered on one record's page by the apps that do the work. The page that shows the
# record belongs to one app (a family's page to people, a hand-over to the Hub); the next step
# often belongs to another (early help opens the episode). The other app registers the link
# here from its AppConfig.ready(), so the page offers it without importing that app.


@dataclass(frozen=True)
class RecordAction:
    record: str
    label: str
    url_name: str
    visible: Callable[[object, object], bool]
    order: int = 50
    primary: bool = False


_actions: list[RecordAction] = []


def register_action(
    record: str,
    label: str,
    url_name: str,
    *,
    visible: Callable[[object, object], bool],
    order: int = 50,
    primary: bool = False,
):
    """Offer `label` (linking to `url_name` with the record's id) on the page of a `record`
    ("people.family", "frontdoor.handover") to the users for whom `visible(user, record)`."""
    if any(a.record == record and a.url_name == url_name for a in _actions):
        return
    _actions.append(RecordAction(record, label, url_name, visible, order, primary))
    _actions.sort(key=lambda action: action.order)


def actions_for(record: str, user, obj) -> list[dict]:
    """The registered actions on `obj` that `user` is offered: text, href, primary."""
    if user is None or not getattr(user, "is_authenticated", False) or obj is None:
        return []
    return [
        {
            "text": action.label,
            "href": reverse(action.url_name, args=[obj.pk]),
            "primary": action.primary,
        }
        for action in _actions
        if action.record == record and action.visible(user, obj)
    ]
