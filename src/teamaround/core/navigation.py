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
    target: Callable[[object], object] | None = None


_actions: list[RecordAction] = []


def register_action(
    record: str,
    label: str,
    url_name: str,
    *,
    visible: Callable[[object, object], bool],
    order: int = 50,
    primary: bool = False,
    target: Callable[[object], object] | None = None,
):
    """Offer `label` (linking to `url_name` with the record's id) on the page of a `record`
    ("people.family", "frontdoor.handover") to the users for whom `visible(user, record)`.
    `target(record)` names another record whose id the link takes instead (the family's open
    episode); the action is hidden when it returns None."""
    if any(a.record == record and a.url_name == url_name for a in _actions):
        return
    _actions.append(RecordAction(record, label, url_name, visible, order, primary, target))
    _actions.sort(key=lambda action: action.order)


def actions_for(record: str, user, obj) -> list[dict]:
    """The registered actions on `obj` that `user` is offered: text, href, primary."""
    if user is None or not getattr(user, "is_authenticated", False) or obj is None:
        return []
    offered = []
    for action in _actions:
        if action.record != record or not action.visible(user, obj):
            continue
        target = obj if action.target is None else action.target(obj)
        if target is None:
            continue
        href = reverse(action.url_name, args=[target.pk])
        offered.append({"text": action.label, "href": href, "primary": action.primary})
    return offered
