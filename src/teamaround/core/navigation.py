"""Service navigation as a registry: each app adds its own pages in its AppConfig.ready(), with
a test of who may see the link. The link is only a convenience: every view checks access.

Pages registered in a `section` ("Hub", "Requests", "Early help", "Social care",
"Commissioning", "Administration") share one entry, which opens the section's page listing
those the user may see, so that the navigation fits on one row at 1280 px for every role
(tests/browser/test_navigation_one_line.py); a user who may see only one of a section's pages
gets that page's own link instead."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.text import slugify


@dataclass(frozen=True)
class NavigationItem:
    label: str
    url_name: str
    visible: Callable[[object], bool]
    order: int = 50
    section: str = ""


_items: list[NavigationItem] = []


def register(
    label: str,
    url_name: str,
    *,
    visible: Callable[[object], bool],
    order: int = 50,
    section: str = "",
):
    if any(item.url_name == url_name for item in _items):
        return
    _items.append(NavigationItem(label, url_name, visible, order, section))
    _items.sort(key=lambda item: item.order)


def section_slug(section: str) -> str:
    return slugify(section)


def section_items(user, slug: str) -> tuple[str, list[dict]]:
    """The section named by `slug` and its pages `user` may see ("", [] if none)."""
    items = [i for i in _items if i.section and section_slug(i.section) == slug]
    shown = [{"text": i.label, "href": reverse(i.url_name)} for i in items if i.visible(user)]
    return (items[0].section if items else ""), shown


def pages_for(user) -> list[str]:
    """The labels of every page `user` may reach from the navigation, in or out of a section
    (what the navigation offers, however it is grouped)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return []
    return [item.label for item in _items if item.visible(user)]


def _is_current(path: str, href: str) -> bool:
    return path == href or (href != "/" and path.startswith(href))


def navigation_for(request) -> list[dict]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    path = request.path
    visible = [item for item in _items if item.visible(user)]
    sizes = Counter(item.section for item in visible if item.section)
    entries, sections_shown = [], set()
    for item in visible:
        if item.section and sizes[item.section] > 1:
            if item.section in sections_shown:
                continue
            sections_shown.add(item.section)
            href = reverse("core:section", args=[section_slug(item.section)])
            pages = [reverse(i.url_name) for i in visible if i.section == item.section]
            current = any(_is_current(path, h) for h in [href, *pages])
            entries.append({"text": item.section, "href": href, "current": current})
            continue
        href = reverse(item.url_name)
        entries.append({"text": item.label, "href": href, "current": _is_current(path, href)})
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
